"""Receivers of the example plugin; RECEIVED lets the tests see what arrived."""

from django.dispatch import receiver

from ben_plugins.core.signals import content_published

RECEIVED: list[tuple[str, object]] = []


@receiver(content_published, dispatch_uid="ben_example_plugin_published")
def remember_publication(sender, instance, site, **kwargs):
    RECEIVED.append((sender._meta.label, instance.pk))
