"""Fixtures for plugin tests: a club on the default site and a switch for plugins."""

import pytest
from wagtail.models import Site

from ben_plugins.core.activation import set_enabled
from tests.factories.pages import ClubPageFactory


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
