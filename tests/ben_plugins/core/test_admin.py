"""The admin page where administrators switch plugins on and off per site."""

import pytest

from ben_plugins.core.activation import is_enabled
from ben_plugins.core.models import PluginActivation
from tests.factories.users import UserFactory

URL = "/admin/plugins/"


@pytest.mark.django_db
def test_lists_every_plugin_with_its_state(admin_client, site):
    response = admin_client.get(URL)
    assert response.status_code == 200
    for name in ("Webhooks", "Feeds", "Vereinsprojekte (Beispiel)"):
        assert name in response.text
    assert "Voreinstellung" in response.text


@pytest.mark.django_db
def test_switching_off_and_on_writes_one_row_per_site_and_plugin(admin_client, superuser, site):
    response = admin_client.post(URL, {"site": site.pk, "plugin": "feeds", "action": "disable"})
    assert response.status_code == 302
    assert not is_enabled("feeds", site)
    activation = PluginActivation.objects.get(site=site, plugin="feeds")
    assert activation.changed_by == superuser
    admin_client.post(URL, {"site": site.pk, "plugin": "feeds", "action": "enable"})
    assert is_enabled("feeds", site)
    assert PluginActivation.objects.filter(plugin="feeds").count() == 1


@pytest.mark.django_db
def test_unknown_plugin_or_site_is_refused(admin_client, site):
    response = admin_client.post(
        URL, {"site": site.pk, "plugin": "gibtsnicht", "action": "disable"}, follow=True
    )
    assert "Unbekanntes Plugin oder ungültige Aktion." in response.text
    assert not PluginActivation.objects.exists()
    assert admin_client.get(URL, {"site": "999"}).status_code in {302, 403}
    assert admin_client.get(URL, {"site": "abc"}).status_code in {302, 403}


@pytest.mark.django_db
def test_editors_without_permission_cannot_switch_plugins(client, site):
    editor = UserFactory()
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(URL, {"site": site.pk, "plugin": "feeds", "action": "disable"})
    assert response.status_code in {302, 403}
    assert is_enabled("feeds", site)
