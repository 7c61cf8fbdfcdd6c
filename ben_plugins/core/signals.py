"""Content signals for plugins: no caller can reach a plugin switched off for the site.

Modelled on pretix's ``PluginSignal``/``EventPluginSignal``: ``send``, ``send_robust`` and
their async variants call only the receivers of plugins switched on for the content's
site (the ``site`` keyword decides), and ``connect`` refuses receivers that are not code
of a plugin (core code listens to Wagtail's and Django's own signals). Every receiver runs
in its own savepoint; ``send_robust`` logs a failure and goes on, so a broken plugin never
breaks publishing. Each signal carries its own docstring, quoted in docs/plugins.md.

``public_actions`` is asked, not told: the public site collects the links plugins put next to
an item through ``plugin_actions``, the one provider the core registers with
``cms.pages.public_actions``. Its receivers return ``PublicAction``s (re-exported here, so a
plugin needs no other module).
"""

import logging

from asgiref.sync import async_to_sync, sync_to_async
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.dispatch import Signal

from cms.core import sites
from cms.pages.public_actions import PublicAction

from .activation import is_enabled, overrides_for_site
from .plugins import plugin_for_module

logger = logging.getLogger(__name__)


class ContentSignal(Signal):
    """A signal about one piece of content, sent with ``sender`` = its model class and the
    keywords ``instance`` and ``site``; it reaches only plugins switched on for ``site``."""

    def __init__(self, doc: str):
        super().__init__()
        self.__doc__ = doc

    def connect(self, receiver, sender=None, weak=True, dispatch_uid=None):
        if plugin_for_module(_module_of(receiver)) is None:
            raise ImproperlyConfigured(
                f"{getattr(receiver, '__qualname__', receiver)!r} ({_module_of(receiver)}) is "
                "not code of a BEN CMS plugin; only plugins may receive content signals."
            )
        return super().connect(receiver, sender, weak, dispatch_uid)

    def send(self, sender, *, site, **named) -> list[tuple[object, object]]:
        """Call the receivers of plugins switched on for ``site``; an exception propagates."""
        return self._send_to_enabled(sender, site, named, robust=False)

    def send_robust(self, sender, *, site, **named) -> list[tuple[object, object]]:
        """Like ``send``, but a failing receiver is logged and its exception returned."""
        return self._send_to_enabled(sender, site, named, robust=True)

    async def asend(self, sender, *, site, **named) -> list[tuple[object, object]]:
        return await sync_to_async(self.send)(sender, site=site, **named)

    async def asend_robust(self, sender, *, site, **named) -> list[tuple[object, object]]:
        return await sync_to_async(self.send_robust)(sender, site=site, **named)

    def _send_to_enabled(self, sender, site, named, *, robust):
        sync_receivers, async_receivers = self._live_receivers(sender)
        receivers = [
            *((receiver, receiver) for receiver in sync_receivers),
            *((receiver, async_to_sync(receiver)) for receiver in async_receivers),
        ]
        if not receivers:
            return []
        overrides = overrides_for_site(site)
        responses = []
        for receiver, call in receivers:
            plugin = plugin_for_module(_module_of(receiver))
            if plugin is None or not is_enabled(plugin.label, site, overrides):
                continue
            try:
                with transaction.atomic():
                    response = call(signal=self, sender=sender, site=site, **named)
            except Exception as error:
                if not robust:
                    raise
                logger.exception(
                    "Plugin receiver %s failed on %s for %r.",
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


content_published = ContentSignal(
    """Sent after a page or snippet revision was published.

    Arguments: ``sender`` (the model class), ``instance`` (the content; a page as its
    specific type), ``site`` (the content's Wagtail site) and ``revision`` (the published
    revision, None if Wagtail gives none)."""
)
content_unpublished = ContentSignal(
    """Sent after a page or snippet was unpublished, also right before a live page is
    deleted (Wagtail unpublishes it first).

    Arguments: ``sender``, ``instance``, ``site``."""
)
content_deleted = ContentSignal(
    """Sent after live content was deleted. A deleted draft that never reached the public
    is never announced.

    Arguments: ``sender``, ``instance`` (no longer in the database), ``site``."""
)
moderation_state_changed = ContentSignal(
    """Sent when content is submitted for moderation (also resubmitted after changes were
    requested), approved, rejected, or its workflow is cancelled.

    Arguments: ``sender``, ``instance``, ``site``, ``state`` (``"submitted"``,
    ``"approved"``, ``"rejected"`` or ``"cancelled"``) and ``user`` (who acted, or None)."""
)
public_actions = ContentSignal(
    """Sent while the public site shows an item (a club page each of its volunteer
    opportunities) to collect links next to it. Each receiver returns a list of
    ``PublicAction(label, url)`` (``label`` in German, e.g. ``"Interesse melden"``), empty
    for items it has nothing for; a failing receiver is logged and shows nothing.

    Arguments: ``sender``, ``instance`` (the item shown), ``site`` (the site of the
    request) and ``request`` (the request of the page)."""
)


def plugin_actions(instance, request) -> list[PublicAction]:
    """The provider of ``cms.pages.public_actions`` (registered at ready()): what the plugins
    switched on for the request's site offer next to ``instance``."""
    site = (
        sites.site_for_request(request) if request is not None else sites.site_for_object(instance)
    )
    responses = public_actions.send_robust(
        type(instance), instance=instance, site=site, request=request
    )
    return [
        action
        for _receiver, response in responses
        if not isinstance(response, Exception)
        for action in response
    ]
