"""Club choices in admin forms: club editors pick only among their own clubs.

Used for the ``club`` field of every ClubContent form (through the scoped snippet views)
and for every page form with a foreign key to ClubPage (e.g. an event's organiser), so a
club editor can neither file content under nor claim events for another club.
"""

from django import forms
from django.db.models import ForeignKey
from django.utils.module_loading import import_string
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import get_page_models
from wagtail.permissions import policy_registry

from cms.core.wagtail_patches import set_page_form

from .policies import club_ids_for

FOREIGN_CLUB_ERROR = "Sie können hier nur Vereine wählen, in deren Redaktion Sie Mitglied sind."


class ClubChoiceFormMixin:
    """Restrict ``club_fields`` to the user's clubs when ``is_club_restricted(user)``."""

    club_fields: tuple[str, ...] = ()

    @staticmethod
    def is_club_restricted(user) -> bool:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.restricted_club_ids = (
            club_ids_for(user) if user is not None and self.is_club_restricted(user) else None
        )
        if self.restricted_club_ids is None:
            return
        for name in self.club_fields:
            if name not in self.fields:
                continue
            field = self.fields[name]
            field.queryset = field.queryset.filter(pk__in=self.restricted_club_ids).order_by(
                "title"
            )
            field.widget = forms.Select(choices=field.choices)
            field.error_messages["invalid_choice"] = FOREIGN_CLUB_ERROR
            if len(self.restricted_club_ids) == 1 and field.required:
                # One club only: preselected and fixed (a disabled field keeps its initial).
                # self.initial, not self[name]: a bound field caches its initial value
                # and help text when it is first built.
                if not self.initial.get(name):
                    self.initial[name] = next(iter(self.restricted_club_ids))
                field.disabled = True
                field.help_text = "Sie schreiben für diesen Verein."

    def clean(self):
        cleaned_data = super().clean()
        if self.restricted_club_ids is not None:
            for name in self.club_fields:
                club = cleaned_data.get(name)
                if club is not None and club.pk not in self.restricted_club_ids:
                    self.add_error(name, FOREIGN_CLUB_ERROR)
        return cleaned_data


def club_choice_form(form_class, club_fields, is_club_restricted):
    """``form_class`` with ClubChoiceFormMixin in front, for the given fields."""
    return type(
        f"ClubChoice{form_class.__name__}",
        (ClubChoiceFormMixin, form_class),
        {
            "__module__": __name__,
            "club_fields": tuple(club_fields),
            "is_club_restricted": staticmethod(is_club_restricted),
        },
    )


def _lacks_page_publish_permission(user) -> bool:
    from wagtail.models import Page

    return not policy_registry.get_by_type(Page).user_has_permission(user, "publish")


def restrict_club_choices_in_page_forms() -> None:
    """Give every page type with a ClubPage foreign key a club-restricted base form."""
    from cms.pages.models import ClubPage

    for model in get_page_models():
        club_fields = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, ForeignKey)
            and field.related_model is ClubPage
            and not field.name.endswith("_ptr")
        ]
        if not club_fields:
            continue
        base = _resolve(getattr(model, "base_form_class", None) or WagtailAdminPageForm)
        if issubclass(base, ClubChoiceFormMixin) and set(base.club_fields) == set(club_fields):
            continue
        set_page_form(model, club_choice_form(base, club_fields, _lacks_page_publish_permission))


def _resolve(form_class):
    return import_string(form_class) if isinstance(form_class, str) else form_class
