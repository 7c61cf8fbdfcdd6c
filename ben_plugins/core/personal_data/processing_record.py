"""The record of processing activities (Art. 30 DSGVO), generated from the declarations."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ben_plugins.core.plugins import plugin_for_model

from .declarations import declared_models
from .retention import plugin_label


def may_read(user) -> bool:
    return user.is_active and (user.is_superuser or user.is_staff)


@dataclass
class Activity:
    """One processing activity: one declared model."""

    plugin: str
    name: str
    purpose: str
    legal_basis: str
    subjects: str
    categories: list[str]
    retention: list[str]
    recipients: list[str]


def activity(model) -> Activity:
    """What the model's declaration says about its processing, in the record's words (also
    the Art. 14 notice's, ben_plugins.core.mail)."""
    declaration = model.personal_data
    plugin = plugin_for_model(model)
    return Activity(
        plugin=plugin.name if plugin else model._meta.app_config.verbose_name,
        name=str(model._meta.verbose_name_plural),
        purpose=declaration.purpose,
        legal_basis=declaration.legal_basis,
        subjects=declaration.subjects,
        categories=[str(model._meta.get_field(name).verbose_name) for name in declaration.fields],
        retention=[rule.describe(model, plugin_label(model)) for rule in declaration.rules],
        recipients=[*declaration.access.recipients(), "Administratoren"],
    )


def activities() -> list[Activity]:
    found = [activity(model) for model in declared_models()]
    return sorted(found, key=lambda activity: (activity.plugin, activity.name))


class ProcessingRecordView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ben_personal_data/processing_record.html"
    page_title = "Verzeichnis von Verarbeitungstätigkeiten"
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not may_read(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            activities=activities(), controller=settings.BEN_DATA_CONTROLLER, **kwargs
        )
