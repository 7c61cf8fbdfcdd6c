"""Fixtures for plugin tests: a club on the default site, a switch for plugins, the
test helper that connects receivers to the content signals, a clock to freeze and emails sent
at once (the privacy notice the public forms link to comes with ``site_tree``)."""

import pytest
from django.utils import timezone
from wagtail.models import Site

from ben_plugins.core.activation import plugin_content_labels, set_enabled
from ben_plugins.core.plugins import all_plugins
from cms.api.invalidation import invalidate_all
from tests.factories.pages import ClubPageFactory

EXAMPLE_PLUGIN_PACKAGE = "ben_example_plugin"


@pytest.fixture(autouse=True)
def fresh_api_cache():
    """Responses cached by an earlier test (the plugins' endpoints use the response cache
    too) must not answer for this test's database."""
    labels = {label for plugin in all_plugins() for label in plugin_content_labels(plugin.label)}
    invalidate_all(*labels)
    yield
    invalidate_all(*labels)


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


@pytest.fixture
def clock(monkeypatch):
    """``clock.set(moment)`` freezes django.utils.timezone.now (no freezegun)."""

    class Clock:
        now = None

        def set(self, moment):
            self.now = moment
            monkeypatch.setattr(timezone, "now", lambda: moment)
            return moment

    return Clock()


@pytest.fixture
def immediate_tasks(settings):
    """Background tasks (the emails) run at once, so the test reads mail.outbox."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
