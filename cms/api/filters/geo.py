"""Geographic filters: a bounding box and "within km of a point" (great-circle distance),
the point given as `near=lat,lon` or as a postcode of the region (cms.core.postcodes)."""

import re

import django_filters
from django import forms
from django.db.models import F, FloatField
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from cms.core.postcodes import centre_of, postcode_centres

EARTH_RADIUS_KM = 6371.0088
MAX_RADIUS_KM = 500
DEFAULT_RADIUS_KM = 10


#: Coordinates as the schema documents them (the same patterns): ASCII digits, an optional
#: sign and fraction, within -90..90 and -180..180 (float() would also take "1e3", "inf",
#: "1_0" and "٥").
LATITUDE = r"-?(?:90(?:\.0+)?|[1-8]?[0-9](?:\.[0-9]+)?)"
LONGITUDE = r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?)"
POINT_PATTERN = f"^{LATITUDE},{LONGITUDE}$"
BOUNDING_BOX_PATTERN = f"^{LONGITUDE},{LATITUDE},{LONGITUDE},{LATITUDE}$"


def _coordinates(text: str, pattern: str, example: str) -> list[float]:
    if not re.fullmatch(pattern, text):
        # Input goes into params, never into the message: django-filter %-formats it.
        raise forms.ValidationError(
            _(
                "Expected comma-separated coordinates (latitude -90..90, longitude "
                "-180..180), e.g. %(example)s; got %(text)r."
            ),
            params={"example": example, "text": text},
        )
    return [float(part) for part in text.split(",")]


class CoordinatesField(forms.CharField):
    """Taken as written: no whitespace stripped, so it matches the documented pattern."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, strip=False, **kwargs)


class BoundingBoxField(CoordinatesField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        example = "6.48,49.94,6.56,49.99"
        min_lon, min_lat, max_lon, max_lat = _coordinates(value, BOUNDING_BOX_PATTERN, example)
        if min_lon >= max_lon or min_lat >= max_lat:
            raise forms.ValidationError(
                _("The bounding box must be min_lon,min_lat,max_lon,max_lat with min < max.")
            )
        return (min_lon, min_lat, max_lon, max_lat)


class PointField(CoordinatesField):
    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        latitude, longitude = _coordinates(value, POINT_PATTERN, "49.967,6.527")
        return (latitude, longitude)


class PostcodeField(forms.CharField):
    """A postcode of the table in cms.core.postcodes, taken as written, cleaned to its centre."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, strip=False, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        centre = centre_of(value)
        if centre is None:
            raise forms.ValidationError(
                _(
                    "Unknown postcode %(value)r: only postcodes of the Eifelkreis "
                    "Bitburg-Prüm and its neighbouring districts are known; use `near` "
                    "with coordinates elsewhere."
                ),
                params={"value": value},
            )
        return centre


def known_postcodes() -> list[str]:
    """For the OpenAPI schema: the postcodes `postcode` takes."""
    return sorted(postcode_centres())


@extend_schema_field(OpenApiTypes.STR)
class BoundingBoxFilter(django_filters.Filter):
    field_class = BoundingBoxField

    def filter(self, queryset, value):
        if not value:
            return queryset
        min_lon, min_lat, max_lon, max_lat = value
        return queryset.filter(
            longitude__gte=min_lon,
            longitude__lte=max_lon,
            latitude__gte=min_lat,
            latitude__lte=max_lat,
        )


@extend_schema_field(OpenApiTypes.STR)
class PointFilter(django_filters.Filter):
    field_class = PointField


@extend_schema_field(OpenApiTypes.STR)
class PostcodeFilter(django_filters.Filter):
    field_class = PostcodeField


def with_distance(queryset, latitude: float, longitude: float):
    """Annotate distance_km (haversine) from the given point; rows without coordinates drop out."""
    lat = Radians(Cast(F("latitude"), FloatField()))
    lon = Radians(Cast(F("longitude"), FloatField()))
    origin_lat, origin_lon = Radians(latitude), Radians(longitude)
    haversine = Power(Sin((lat - origin_lat) / 2), 2) + Cos(origin_lat) * Cos(lat) * Power(
        Sin((lon - origin_lon) / 2), 2
    )
    return queryset.filter(latitude__isnull=False, longitude__isnull=False).annotate(
        distance_km=2 * EARTH_RADIUS_KM * ASin(Sqrt(haversine))
    )


class GeoFilterSetMixin(django_filters.FilterSet):
    """For models with AddressFields (latitude/longitude).

    The point of a radius search is `near` or the centre of `postcode`, never both; items
    without coordinates drop out of it. A subclass that sets ``order_by_distance`` lists
    the nearest first when a point is given and the request names no other ordering.
    """

    order_by_distance = False

    bbox = BoundingBoxFilter(
        help_text=(
            "Bounding box min_lon,min_lat,max_lon,max_lat (WGS84), e.g. 6.48,49.94,6.56,49.99."
        )
    )
    near = PointFilter(
        method="filter_near",
        help_text=(
            "Point lat,lon, e.g. 49.967,6.527; keeps items within `within_km` of it and allows "
            "ordering=distance. Not together with `postcode`."
        ),
    )
    postcode = PostcodeFilter(
        method="filter_postcode",
        help_text=(
            "German postcode of the Eifelkreis Bitburg-Prüm or a neighbouring district, e.g. "
            "54634: keeps items within `within_km` of the postcode's approximate centre (a "
            "hand-curated table shipped with BEN) and allows ordering=distance. An unknown "
            "postcode is a 400. Not together with `near`."
        ),
    )
    within_km = django_filters.NumberFilter(
        method="filter_within",
        help_text=(
            f"Radius in km for `near` or `postcode` (default {DEFAULT_RADIUS_KM}, at most "
            f"{MAX_RADIUS_KM})."
        ),
    )

    def filter_near(self, queryset, name, value):
        return self.within_radius(queryset, value)

    def filter_postcode(self, queryset, name, value):
        return self.within_radius(queryset, (value.latitude, value.longitude))

    def within_radius(self, queryset, point):
        radius = self.form.cleaned_data.get("within_km") or DEFAULT_RADIUS_KM
        return with_distance(queryset, *point).filter(distance_km__lte=float(radius))

    def filter_within(self, queryset, name, value):
        return queryset  # applied by within_radius

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        if data.get("near") and data.get("postcode"):
            raise ValidationError({"postcode": [_("Use either `near` or `postcode`.")]})
        located = bool(data.get("near") or data.get("postcode"))
        radius = data.get("within_km")
        if radius is not None and not 0 < radius <= MAX_RADIUS_KM:
            message = _("Must be between 0 and %(max)d km.") % {"max": MAX_RADIUS_KM}
            raise ValidationError({"within_km": [message]})
        if radius is not None and not located:
            message = _("Only meaningful together with `near` or `postcode`.")
            raise ValidationError({"within_km": [message]})
        ordering = data.get("ordering") or []
        if any(term.lstrip("-") == "distance" for term in ordering) and not located:
            message = _("Ordering by distance needs `near` or `postcode`.")
            raise ValidationError({"ordering": [message]})
        queryset = super().filter_queryset(queryset)
        if located and self.order_by_distance and not ordering:
            queryset = queryset.order_by("distance_km", "pk")
        return queryset
