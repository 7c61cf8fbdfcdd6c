"""Every cacheable plugin endpoint names what it shows in its surrogate keys (ApiViewSet.shows),
never the content API's full set, and switching a plugin purges its endpoints' keys."""

import pytest
from django.urls import get_resolver

from ben_plugins.core.plugins import all_plugins
from cms.api.caching import all_labels, surrogate_keys
from cms.api.viewsets import ApiViewSet
from tests.ben_plugins.core.intake_helpers import leaf_patterns
from tests.cms.test_settings import run_django

pytestmark = pytest.mark.django_db


def plugin_read_endpoints():
    """(plugin label, path, view class) of every GET endpoint below /api/v1/<plugin>/."""
    labels = {plugin.label for plugin in all_plugins()}
    found = []
    for path, pattern in leaf_patterns(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "cls", None)
        actions = getattr(pattern.callback, "actions", None) or {}
        if not (path.startswith("api/v1/") and view_class and "get" in actions):
            continue
        label = path.removeprefix("api/v1/").split("/", 1)[0]
        if label in labels and issubclass(view_class, ApiViewSet):
            found.append(pytest.param(label, "/" + path, view_class, id=path))
    return found


def keys_of(response) -> list[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return response["xkey"].split()


@pytest.mark.parametrize(("label", "path", "view_class"), plugin_read_endpoints())
def test_every_plugin_endpoint_declares_what_it_shows(label, path, view_class):
    assert view_class.shows, f"{view_class.__name__} ({path}) declares no `shows`"
    assert surrogate_keys(view_class.cache_labels()) != surrogate_keys(all_labels())
    for shown in view_class.shows:
        if isinstance(shown, str):  # content labels of its own are named after the plugin
            assert shown.startswith(f"{label}."), shown


@pytest.mark.parametrize(
    ("label", "path", "view_class"),
    [p for p in plugin_read_endpoints() if "<" not in p.values[1]],
)
def test_a_public_answer_carries_exactly_the_declared_keys(label, path, view_class, client, site):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Cache-Control"].startswith("public")
    assert keys_of(response) == list(surrogate_keys(view_class.cache_labels()))


def test_switching_a_plugin_purges_its_endpoints_keys_with_everything(
    purges, switch_plugin, site, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        switch_plugin("ehrenamtsmedaille", False)
    [keys] = purges.purged
    assert {"ehrenamtsmedaille.awardees", "ehrenamtsmedaille.calls", "structure"} <= set(keys)
    assert "vermittlung.figures" not in keys  # another plugin's content did not change


def test_a_process_without_the_urlconf_knows_what_plugin_endpoints_show():
    """A task worker or a command never loads the URLconf, yet it changes what the plugins'
    endpoints show (a privacy page, a club announcement): those labels must be tracked there."""
    expected = sorted(all_labels())
    code = (
        "import sys; from cms.api.caching import all_labels; "
        "print('cms.urls' in sys.modules, sorted(all_labels()))"
    )
    result = run_django(["shell", "--no-imports", "-c", code], "cms.settings.test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"False {expected}"
