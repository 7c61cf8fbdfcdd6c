"""Admin for administrators: subscriptions (editable) and the delivery log (read-only)."""

from django.utils.html import format_html
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import WebhookDelivery, WebhookEvent, WebhookSubscription


class SubscriptionAdmin(ModelAdmin):
    model = WebhookSubscription
    menu_label = "Abonnements"
    menu_icon = "link-external"
    list_display = ("name", "url", "event_list", "site", "active")
    list_filter = ("active",)
    search_fields = ("name", "url")

    def event_list(self, obj):
        labels = dict(WebhookEvent.choices)
        return ", ".join(labels.get(event, event) for event in obj.events)

    event_list.short_description = "Ereignisse"


class ReadOnlyPermissionHelper(PermissionHelper):
    """Deliveries are a log: nobody creates or edits them by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class DeliveryAdmin(ModelAdmin):
    model = WebhookDelivery
    menu_label = "Zustellungen"
    menu_icon = "list-ul"
    permission_helper_class = ReadOnlyPermissionHelper
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
