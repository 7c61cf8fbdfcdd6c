"""Links that a higher layer puts next to an item on the public site (an opportunity's
"Interesse melden"), without the page templates knowing who offers them.

A provider is a callable ``provider(instance, request) -> list[PublicAction]``; ``register``
adds one (ben_plugins.core registers the one that asks the plugins switched on for the
request's site). Templates show them with ``{% public_actions item %}``
(cms/pages/templatetags/public_site.py).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class PublicAction:
    """A link next to an item: ``label`` the German text people see, ``url`` where it goes."""

    label: str
    url: str


Provider = Callable[[object, HttpRequest | None], list[PublicAction]]

_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Add a provider once (registering it again changes nothing); returns it."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


def actions_for(instance, request: HttpRequest | None) -> list[PublicAction]:
    """The actions of every provider for ``instance``, in the order they were registered."""
    return [action for provider in _providers for action in provider(instance, request)]
