"""Content signals for plugins, delivered only to plugins enabled for the content's site.

Modelled on pretix's EventPluginSignal: a receiver defined inside a plugin's package is
called only when that plugin is switched on for the site; receivers in core code always
are. Every receiver runs in its own savepoint and a failure is logged, never raised, so a
broken plugin can not break publishing.

All signals are sent with ``sender`` = the content's model class and the keyword arguments
``instance`` and ``site``; ``content_published`` adds ``revision``,
``moderation_state_changed`` adds ``state`` (submitted/approved/rejected/cancelled) and
``user``.
"""

import logging

from asgiref.sync import async_to_sync
from django.db import transaction
from django.dispatch import Signal

from .activation import is_enabled, overrides_for_site
from .registry import plugin_for_module

logger = logging.getLogger(__name__)


class SitePluginSignal(Signal):
    def send_to_enabled(self, sender, *, site, **named) -> list[tuple[object, object]]:
        """Call the receivers of core code and of plugins enabled for ``site``.

        Returns ``(receiver, result_or_exception)`` pairs, like ``send_robust``.
        """
        sync_receivers, async_receivers = self._live_receivers(sender)
        receivers = [*sync_receivers, *(async_to_sync(r) for r in async_receivers)]
        if not receivers:
            return []
        overrides = overrides_for_site(site)
        responses = []
        for receiver in receivers:
            plugin = plugin_for_module(_module_of(receiver))
            if plugin and not is_enabled(plugin.label, site, overrides):
                continue
            try:
                with transaction.atomic():
                    response = receiver(signal=self, sender=sender, site=site, **named)
            except Exception as error:
                logger.exception(
                    "Plugin-Empfänger %s ist bei %s für %r fehlgeschlagen.",
                    getattr(receiver, "__qualname__", receiver),
                    sender.__name__,
                    named.get("instance"),
                )
                response = error
            responses.append((receiver, response))
        return responses


def _module_of(receiver) -> str | None:
    target = getattr(receiver, "__wrapped__", None) or getattr(receiver, "func", receiver)
    return getattr(target, "__module__", None)


content_published = SitePluginSignal()
content_unpublished = SitePluginSignal()
content_deleted = SitePluginSignal()
moderation_state_changed = SitePluginSignal()
