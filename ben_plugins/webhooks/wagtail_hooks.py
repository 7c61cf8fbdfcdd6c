"""Admin for administrators: subscriptions (editable) and the delivery log (read-only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import re_path
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.views.generic import TemplateView
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import EditView

from cms.api.registry import registry

from .models import WebhookDelivery, WebhookEvent, WebhookSubscription
from .tasks import redeliver

REDELIVER_PERMISSION = "webhooks.change_webhooksubscription"
REDELIVERABLE = {WebhookDelivery.Status.FAILED, WebhookDelivery.Status.REFUSED}
#: Lays the index out like the rest of the admin (static/webhooks/admin.css says why).
ADMIN_CSS = ["webhooks/admin.css"]


def action_button(button_helper, action: str, obj, label: str, title: str) -> dict:
    """A list-row button for one of the extra per-object views registered with action_url."""
    return {
        "url": button_helper.url_helper.get_action_url(action, obj.pk),
        "label": label,
        "classname": "button button-small button-secondary",
        "title": title,
    }


def action_url(model_admin, action: str, view_class):
    helper = model_admin.url_helper
    return re_path(
        helper.get_action_url_pattern(action),
        view_class.as_view(model_admin=model_admin),
        name=helper.get_action_url_name(action),
    )


class ConfirmedActionView(WagtailAdminTemplateMixin, TemplateView):
    """An extra action on one object of a modeladmin: confirm (GET), then act (POST).

    Subclasses name the ``model``, say who ``is_allowed``, ask the ``question`` (with an
    ``explanation``) and ``act``.
    """

    template_name = "webhooks/admin/confirm_action.html"
    model_admin = None
    model = None
    confirm_label = ""
    explanation = ""

    def dispatch(self, request, instance_pk):
        self.object = get_object_or_404(self.model, pk=instance_pk)
        if not self.is_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request)

    def is_allowed(self, user) -> bool:
        raise NotImplementedError

    def question(self):
        raise NotImplementedError

    def act(self, request):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question(),
            explanation=self.explanation,
            confirm_label=self.confirm_label,
            **kwargs,
        )

    def post(self, request):
        return self.act(request)


class SubscriptionEditView(EditView):
    """Edits everything but the secret, which is never shown again after creation."""

    def get_edit_handler(self):
        return ObjectList(WebhookSubscription.edit_panels).bind_to_model(WebhookSubscription)


class SubscriptionButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if self.permission_helper.user_can_edit_obj(self.request.user, obj):
            buttons.append(
                action_button(
                    self,
                    "regenerate_secret",
                    obj,
                    "Neues Geheimnis",
                    "Ein neues Geheimnis erzeugen und einmalig anzeigen",
                )
            )
        return buttons


class RegenerateSecretView(ConfirmedActionView):
    """Replaces the secret and shows the new one exactly once."""

    model = WebhookSubscription
    page_title = "Neues Geheimnis erzeugen"
    header_icon = "key"
    confirm_label = "Neues Geheimnis erzeugen"
    explanation = (
        "Das bisherige Geheimnis wird sofort ungültig; der Empfänger braucht das neue, um die "
        "Signaturen zu prüfen. Das neue Geheimnis wird einmalig angezeigt."
    )

    def is_allowed(self, user) -> bool:
        return self.model_admin.permission_helper.user_can_edit_obj(user, self.object)

    def question(self):
        return format_html(
            "Für <strong>{}</strong> ({}) ein neues Geheimnis erzeugen?",
            self.object,
            self.object.url,
        )

    def act(self, request):
        secret = self.object.regenerate_secret()
        return TemplateResponse(
            request,
            "webhooks/admin/new_secret.html",
            self.get_context_data(secret=secret, index_url=self.model_admin.url_helper.index_url),
        )


class SubscriptionAdmin(ModelAdmin):
    model = WebhookSubscription
    menu_label = "Abonnements"
    menu_icon = "link-external"
    edit_view_class = SubscriptionEditView
    button_helper_class = SubscriptionButtonHelper
    list_display = ("name", "url", "event_list", "site", "active")
    index_view_extra_css = ADMIN_CSS
    list_filter = ("active",)
    search_fields = ("name", "url")

    def event_list(self, obj):
        labels = dict(WebhookEvent.choices)
        return ", ".join(labels.get(event, event) for event in obj.events)

    event_list.short_description = "Ereignisse"

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            action_url(self, "regenerate_secret", RegenerateSecretView),
        )


class ReadOnlyPermissionHelper(PermissionHelper):
    """Deliveries are a log: nobody creates or edits them by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class DeliveryButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if obj.status in REDELIVERABLE and self.request.user.has_perm(REDELIVER_PERMISSION):
            buttons.append(
                action_button(
                    self, "redeliver", obj, "Erneut senden", "Diese Zustellung erneut senden"
                )
            )
        return buttons


class RedeliverView(ConfirmedActionView):
    """Queues a new delivery with the same payload."""

    model = WebhookDelivery
    page_title = "Zustellung erneut senden"
    header_icon = "link-external"
    confirm_label = "Erneut senden"
    explanation = (
        "Es wird eine neue Zustellung mit eigener Zustellungs-ID und neuen "
        "Wiederholungsversuchen angelegt."
    )

    def is_allowed(self, user) -> bool:
        return user.has_perm(REDELIVER_PERMISSION) and self.object.status in REDELIVERABLE

    def question(self):
        return format_html(
            "„{}“ an <strong>{}</strong> ({}) erneut senden? Letzter Fehler: {}.",
            self.object,
            self.object.subscription,
            self.object.subscription.url,
            self.object.last_error or "–",
        )

    def act(self, request):
        again = redeliver(self.object)
        messages.success(request, f"Zustellung an „{again.subscription}“ neu eingeplant.")
        return redirect(self.model_admin.url_helper.index_url)


class DeliveryAdmin(ModelAdmin):
    model = WebhookDelivery
    menu_label = "Zustellungen"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = DeliveryButtonHelper
    inspect_view_enabled = True
    # HTTP status, duration and the next attempt are in the inspect view: nine columns
    # beside the filters would squeeze every word.
    list_display = ("created", "subscription", "event", "content", "status_badge", "attempts")
    index_view_extra_css = ADMIN_CSS
    list_filter = ("status", "event", "subscription")
    inspect_view_fields = (
        "delivery_id",
        "subscription",
        "event",
        "payload",
        "status",
        "attempts",
        "response_code",
        "duration_ms",
        "last_error",
        "attempt_log",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
    )

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            action_url(self, "redeliver", RedeliverView),
        )

    def created(self, obj):
        return date_format(localtime(obj.created_at), "d.m.Y H:i")

    created.short_description = "Angelegt am"
    created.admin_order_field = "created_at"

    def content(self, obj):
        """The content's kind and title ("Neuigkeit „Sommerfest“"), as the editors name it."""
        kind, pk = obj.payload.get("type"), obj.payload.get("id")
        viewset_class = registry.get(kind) if kind else None
        model = getattr(viewset_class, "model", None)
        if model is None:
            return f"{kind} #{pk}"
        instance = model._default_manager.filter(pk=pk).first()
        label = model._meta.verbose_name
        return f"{label} „{instance}“" if instance else f"{label} #{pk} (gelöscht)"

    content.short_description = "Inhalt"

    def status_badge(self, obj):
        return format_html('<span class="w-status">{}</span>', obj.get_status_display())

    status_badge.short_description = "Status"


class WebhooksGroup(ModelAdminGroup):
    menu_label = "Webhooks"
    menu_icon = "link-external"
    menu_order = 800
    items = (SubscriptionAdmin, DeliveryAdmin)


modeladmin_register(WebhooksGroup)
