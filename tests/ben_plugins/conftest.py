"""Fixtures for plugin tests: a club on the default site, a switch for plugins and the
test helper that connects receivers to the content signals."""

import pytest
from wagtail.models import Site

from ben_plugins.core.activation import set_enabled
from tests.factories.pages import ClubPageFactory

EXAMPLE_PLUGIN_PACKAGE = "ben_example_plugin"


@pytest.fixture
def site(site_tree) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def club(site_tree):
    return ClubPageFactory(parent=site_tree.clubs, title="Sportverein Bitburg", slug="sv-bitburg")


@pytest.fixture
def switch_plugin(site):
    """Call switch_plugin(label, enabled) to change a plugin's state on the default site."""

    def switch(label: str, enabled: bool):
        return set_enabled(label, site, enabled)

    return switch


@pytest.fixture
def plugin_receiver():
    """Call plugin_receiver(signal, function) to connect a test receiver to a content signal
    as code of the example plugin; it is disconnected after the test.

    The content signals accept receivers of plugins only (ben_plugins.core.signals). This
    is the one way tests add receivers of their own: the function is given a module inside
    the example plugin's package, so the guard of ``connect`` accepts it, and the signal
    reaches it only where the example plugin is switched on, as any real receiver.
    """
    connected = []

    def connect(signal, function):
        function.__module__ = f"{EXAMPLE_PLUGIN_PACKAGE}.test_receivers"
        signal.connect(function, weak=False)
        connected.append((signal, function))
        return function

    yield connect
    for signal, function in connected:
        signal.disconnect(function)
