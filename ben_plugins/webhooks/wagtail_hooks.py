"""Admin for administrators: subscriptions (editable) and the delivery log (read-only)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import re_path
from django.utils.html import format_html
from django.views.generic import TemplateView
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import EditView

from .delivery import redeliver
from .models import WebhookDelivery, WebhookEvent, WebhookSubscription

REDELIVER_PERMISSION = "webhooks.change_webhooksubscription"
REDELIVERABLE = {WebhookDelivery.Status.FAILED, WebhookDelivery.Status.REFUSED}


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


class RegenerateSecretView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then replace the secret and show the new one exactly once (POST)."""

    template_name = "webhooks/admin/regenerate_secret.html"
    page_title = "Neues Geheimnis erzeugen"
    header_icon = "key"
    model_admin = None

    def dispatch(self, request, instance_pk):
        self.subscription = get_object_or_404(WebhookSubscription, pk=instance_pk)
        helper = self.model_admin.permission_helper
        if not helper.user_can_edit_obj(request.user, self.subscription):
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        index_url = self.model_admin.url_helper.index_url
        return super().get_context_data(
            subscription=self.subscription, index_url=index_url, **kwargs
        )

    def post(self, request):
        secret = self.subscription.regenerate_secret()
        return self.render_to_response(self.get_context_data(secret=secret))


class SubscriptionAdmin(ModelAdmin):
    model = WebhookSubscription
    menu_label = "Abonnements"
    menu_icon = "link-external"
    edit_view_class = SubscriptionEditView
    button_helper_class = SubscriptionButtonHelper
    list_display = ("name", "url", "event_list", "site", "active")
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


class RedeliverView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then queue a new delivery with the same payload (POST)."""

    template_name = "webhooks/admin/confirm_redeliver.html"
    page_title = "Zustellung erneut senden"
    header_icon = "link-external"
    model_admin = None

    def dispatch(self, request, instance_pk):
        if not request.user.has_perm(REDELIVER_PERMISSION):
            raise PermissionDenied
        self.delivery = get_object_or_404(WebhookDelivery, pk=instance_pk)
        if self.delivery.status not in REDELIVERABLE:
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return super().get_context_data(delivery=self.delivery, **kwargs)

    def post(self, request):
        again = redeliver(self.delivery)
        messages.success(request, f"Zustellung an „{again.subscription}“ neu eingeplant.")
        return redirect(self.model_admin.url_helper.index_url)


class DeliveryAdmin(ModelAdmin):
    model = WebhookDelivery
    menu_label = "Zustellungen"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyPermissionHelper
    button_helper_class = DeliveryButtonHelper
    inspect_view_enabled = True
    list_display = (
        "created_at",
        "subscription",
        "event",
        "content",
        "status_badge",
        "attempts",
        "response_code",
        "duration_ms",
        "next_attempt_at",
    )
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

    def content(self, obj):
        return f"{obj.payload.get('type')} #{obj.payload.get('id')}"

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
