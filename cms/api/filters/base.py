"""Filters every endpoint shares: full-text search, updated_since, taxonomy and club filters."""

import re
from datetime import timedelta

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.api.publication import published_for_request
from cms.pages.models import ClubPage
from cms.snippets.models import Category, TargetGroup


class StrictBooleanField(forms.Field):
    """true/false (or 1/0); anything else is an error instead of being ignored."""

    def clean(self, value):
        if value in (None, ""):
            return None
        normalised = str(value).strip().lower()
        if normalised in ("true", "1"):
            return True
        if normalised in ("false", "0"):
            return False
        raise forms.ValidationError(
            _("Expected true or false, not %(value)r."), params={"value": value}
        )


#: Ids and counts are stored as signed 64-bit integers; larger numbers make the driver fail.
MAX_DATABASE_INTEGER = 2**63 - 1
ASCII_DIGITS = re.compile(r"[0-9]+")


def parse_natural_number(value) -> int:
    """ASCII digits within the database's integer range, else a ValidationError."""
    text = str(value).strip()
    if not ASCII_DIGITS.fullmatch(text):
        raise forms.ValidationError(
            _("Expected a whole number written with the digits 0-9, not %(value)r."),
            code="invalid_pk_value",
            params={"value": value},
        )
    number = int(text)
    if number > MAX_DATABASE_INTEGER:
        raise forms.ValidationError(
            _("%(value)s is too large; numbers and ids go up to %(max)d."),
            code="invalid_pk_value",
            params={"value": text, "max": MAX_DATABASE_INTEGER},
        )
    return number


#: Dates outside these years cannot be shifted by a window or a recurrence without overflow.
SUPPORTED_YEARS = range(1900, 3000)
#: The largest UTC offset PostgreSQL accepts in a timestamp (Python's go up to ±23:59).
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)


def check_supported_moment(moment) -> None:
    """A date-time every database can store and compare: a year in SUPPORTED_YEARS and an
    offset of at most ±15:59 (beyond it, PostgreSQL raises a DataError)."""
    if moment.year not in SUPPORTED_YEARS:
        raise forms.ValidationError(
            _("Dates must lie between the years %(first)d and %(last)d."),
            code="out_of_range",
            params={"first": SUPPORTED_YEARS[0], "last": SUPPORTED_YEARS[-1]},
        )
    offset = moment.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise forms.ValidationError(_("UTC offsets go from -15:59 to +15:59."), code="out_of_range")


class SupportedIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    def to_python(self, value):
        moment = super().to_python(value)
        if moment is not None:
            check_supported_moment(moment)
        return moment


class SupportedIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = SupportedIsoDateTimeField


class NaturalNumberField(forms.Field):
    def clean(self, value):
        if value in (None, ""):
            return None
        return parse_natural_number(value)


@extend_schema_field(OpenApiTypes.INT)
class NaturalNumberFilter(django_filters.Filter):
    """An id or count; out-of-range and non-ASCII numbers are a 400, not a database error."""

    field_class = NaturalNumberField


class IdMultipleChoiceField(django_filters.fields.ModelMultipleChoiceField):
    def _check_values(self, value):
        for each in value:
            parse_natural_number(each)
        return super()._check_values(value)


class IdMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdMultipleChoiceField


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


#: A full-text query's bounds: the search backends build one nested condition per term
#: (150 terms exhaust Python's recursion limit on PostgreSQL after more than a second).
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 10


class SearchQueryField(forms.CharField):
    """Taken as written (the documented pattern): 1 to MAX_QUERY_TERMS terms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, max_length=MAX_QUERY_LENGTH, strip=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value and not 1 <= len(value.split()) <= MAX_QUERY_TERMS:
            raise forms.ValidationError(
                _("Between 1 and %(max)d search terms."),
                code="terms",
                params={"max": MAX_QUERY_TERMS},
            )
        return value


WORD = re.compile(r"\w+")
#: What SearchQueryField takes, for the OpenAPI schema; the limits of length and terms are
#: in the parameter's description (a pattern counting terms is beyond schemathesis).
SEARCH_QUERY_PATTERN = r"^[^\x00]*[^\s\x00][^\x00]*$"


def iso_moment_pattern(years: range) -> str:
    """ISO 8601 dates and date-times this API takes, for the OpenAPI schema: a year in
    ``years``, days 1 to 28 (what every month has; later days are accepted too), an
    offset of at most ±15:59."""
    year = "|".join(str(each) for each in years)
    return (
        f"^(?:{year})-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
        r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?"
        r"(?:Z|[+-](?:0[0-9]|1[0-5]):[0-5][0-9])?)?$"
    )


class SearchQueryFilter(django_filters.CharFilter):
    field_class = SearchQueryField


class CompleteCSVField(django_filters.fields.BaseCSVField):
    """Comma-separated values where an empty list or an empty item is an error, not ignored."""

    def clean(self, value):
        if value is not None and (not value or "" in value):
            raise forms.ValidationError(
                _("Expected comma-separated values without empty ones."), code="empty"
            )
        return super().clean(value)


class StrictOrderingFilter(django_filters.OrderingFilter):
    """?ordering= whose empty value (or empty key, as in "title,") is a 400."""

    base_field_class = CompleteCSVField


class ApiFilterSet(django_filters.FilterSet):
    """Base FilterSet; subclasses declare an `ordering` OrderingFilter with their choices."""

    q = SearchQueryFilter(
        method="filter_fulltext",
        label=_("Full-text query"),
        help_text=(
            "Full-text search (Wagtail search), at most "
            f"{MAX_QUERY_TERMS} terms and {MAX_QUERY_LENGTH} characters. On PostgreSQL "
            "German stemming applies, so 'Vereine' also finds 'Verein'."
        ),
    )

    def filter_fulltext(self, queryset, name, value):
        """Words only: quotes and operators mean something to the database's full-text
        syntax (a lone '"' is an FTS5 syntax error on SQLite), not to this API."""
        words = WORD.findall(value)
        if not words:
            return queryset.none()
        model = queryset.model
        candidates = model.objects.live() if issubclass(model, Page) else model.objects.all()
        results = get_search_backend().search(" ".join(words), candidates, operator="and")
        return queryset.filter(pk__in=[result.pk for result in results])


class PublishedContentFilterSet(ApiFilterSet):
    updated_since = SupportedIsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        help_text="Only items published or changed at or after this ISO 8601 date-time.",
    )


def published_clubs(request):
    return published_for_request(ClubPage.objects.all(), request)


@extend_schema_field(OpenApiTypes.STR)
class SlugMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Taxonomy terms by slug (documented as strings in OpenAPI)."""


def term_filter(model, field_name: str, noun: str):
    """Taxonomy terms of ``model`` by slug, repeatable: any of them matches."""
    return SlugMultipleChoiceFilter(
        field_name=f"{field_name}__slug",
        to_field_name="slug",
        queryset=model.objects.all(),
        help_text=f"{noun} slug; repeat the parameter for several (any of them matches).",
    )


def category_filter():
    return term_filter(Category, "categories", "Category")


def target_group_filter():
    return term_filter(TargetGroup, "target_groups", "Target group")


def club_filter(field_name="club"):
    return IdMultipleChoiceFilter(
        field_name=field_name,
        queryset=published_clubs,
        help_text="Id of a club (see /api/v1/clubs/); repeat the parameter for several.",
    )
