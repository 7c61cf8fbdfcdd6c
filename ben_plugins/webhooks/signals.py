"""Content signals become webhook deliveries (only while this plugin is on for the site)."""

from django.dispatch import receiver

from ben_plugins.core.signals import content_deleted, content_published, content_unpublished

from .models import WebhookEvent
from .tasks import queue_deliveries


@receiver(content_published, dispatch_uid="webhooks_published")
def on_published(sender, instance, site, **kwargs):
    queue_deliveries(instance, WebhookEvent.PUBLISHED, site)


@receiver(content_unpublished, dispatch_uid="webhooks_unpublished")
def on_unpublished(sender, instance, site, **kwargs):
    queue_deliveries(instance, WebhookEvent.UNPUBLISHED, site)


@receiver(content_deleted, dispatch_uid="webhooks_deleted")
def on_deleted(sender, instance, site, **kwargs):
    queue_deliveries(instance, WebhookEvent.DELETED, site)
