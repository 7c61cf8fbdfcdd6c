"""TOTP second factor for staff, through the admin's login and setup pages."""

import re

import pytest
from django.test import override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.forms import MISSING_CODE, WRONG_CODE
from tests.cms.test_settings import PRODUCTION_ENV, print_settings
from tests.factories.users import SuperuserFactory

from .conftest import (
    LOGIN_URL,
    SETUP_URL,
    current_code,
    log_in,
    skip_throttle_delay,
    staff_member,
)

REQUIRED = override_settings(BEN_REQUIRE_2FA=True)


@pytest.mark.django_db
def test_a_club_editor_sets_up_the_second_factor_and_then_needs_the_code(client, club_editor):
    assert log_in(client, "redaktion").status_code == 302
    page = client.get(SETUP_URL)
    assert page.status_code == 200
    assert "<svg" in page.text, "the QR code is inline SVG, rendered by BEN"
    assert "http" not in re.search(r"<svg.*?</svg>", page.text, re.S).group().replace(
        "http://www.w3.org/2000/svg", ""
    )
    device = TOTPDevice.objects.get(user=club_editor, confirmed=False)
    secret = re.search(r"<code data-secret>([A-Z2-7 ]+)</code>", page.text).group(1)
    assert len(secret.replace(" ", "")) == 32

    refused = client.post(SETUP_URL, {"otp_token": "000000"})
    assert refused.status_code == 200
    assert WRONG_CODE in refused.text
    skip_throttle_delay(device)
    confirmed = client.post(SETUP_URL, {"otp_token": current_code(device), "next": "/admin/"})
    assert confirmed.status_code == 302 and confirmed.url == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    client.post("/admin/logout/")
    without_code = log_in(client, "redaktion")
    assert without_code.status_code == 200
    assert MISSING_CODE in without_code.text
    wrong = log_in(client, "redaktion", code="123456")
    assert WRONG_CODE in wrong.text
    assert client.get("/admin/").status_code == 302, "no session after a wrong code"
    skip_throttle_delay(device)
    right = log_in(client, "redaktion", code=current_code(device, steps_ahead=1))
    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_login_page_offers_the_code_field_in_german(client):
    page = client.get(LOGIN_URL)
    assert 'name="otp_token"' in page.text
    assert "Bestätigungscode" in page.text


@pytest.mark.django_db
@REQUIRED
@pytest.mark.parametrize("group", ["Moderatoren", "Administratoren"])
def test_staff_with_personal_data_are_sent_to_the_setup_before_any_admin_page(client, group):
    staff_member("personal", group)
    assert log_in(client, "personal").status_code == 302
    for path in ["/admin/", "/admin/pages/", "/django-admin/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith(f"{SETUP_URL}?next=")
    setup = client.get(SETUP_URL)
    assert setup.status_code == 200
    assert "Zugriff auf personenbezogene Daten" in setup.text


@pytest.mark.django_db
@REQUIRED
def test_superusers_must_set_it_up_too(client):
    SuperuserFactory(username="chefin")
    log_in(client, "chefin")
    assert client.get("/admin/").url.startswith(SETUP_URL)


@pytest.mark.django_db
def test_groups_named_in_the_setting_are_enforced(client, settings):
    settings.BEN_REQUIRE_2FA = True
    settings.BEN_2FA_REQUIRED_GROUPS = [*settings.BEN_2FA_REQUIRED_GROUPS, "Kartenbüro"]
    staff_member("karten", "Kartenbüro")
    log_in(client, "karten")
    assert client.get("/admin/").url.startswith(SETUP_URL)


@pytest.mark.django_db
@REQUIRED
def test_club_editors_are_not_forced(client, club_editor):
    log_in(client, "redaktion")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_without_ben_require_2fa_moderators_are_not_forced(client, moderator):
    log_in(client, "moderation")
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@REQUIRED
def test_a_moderator_who_set_it_up_logs_in_with_the_code(client, moderator, device_of):
    device = device_of(moderator)
    assert WRONG_CODE in log_in(client, "moderation", code="999999").text
    skip_throttle_delay(device)
    assert log_in(client, "moderation", code=current_code(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_right_codes_right_after_a_wrong_one_are_delayed(client, club_editor, device_of):
    """django-otp's own throttle per device, on top of the login throttle."""
    device = device_of(club_editor)
    log_in(client, "redaktion", code="000000")
    assert WRONG_CODE in log_in(client, "redaktion", code=current_code(device)).text


@pytest.mark.django_db
def test_a_session_without_the_code_of_an_existing_device_is_ended(client, club_editor, device_of):
    """E.g. logged in before the device existed, or by any way other than the admin login."""
    device_of(club_editor)
    client.force_login(club_editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/admin/pages/"
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_django_admin_login_is_the_wagtail_login(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/django-admin/"


@pytest.mark.parametrize(
    ("settings_module", "environment", "required"),
    [
        ("cms.settings.production", PRODUCTION_ENV, True),
        ("cms.settings.production", {**PRODUCTION_ENV, "BEN_REQUIRE_2FA": "false"}, False),
        ("cms.settings.dev", {}, False),
        ("cms.settings.dev", {"BEN_REQUIRE_2FA": "true"}, True),
    ],
)
def test_required_in_production_and_off_in_the_demo_unless_set(
    settings_module, environment, required
):
    result = print_settings(settings_module, "settings.BEN_REQUIRE_2FA", **environment)
    assert result.stdout.strip() == f"({required},)", result.stderr


@pytest.mark.django_db
def test_groups_named_by_a_personal_data_declaration_are_enforced(client, settings):
    """The example plugin's declaration names the group "Vereinsabend-Team" (GroupAccess)."""
    settings.BEN_REQUIRE_2FA = True
    staff_member("team", "Vereinsabend-Team")
    log_in(client, "team")
    assert client.get("/admin/").url.startswith(SETUP_URL)
    staff_member("andere", "Eine andere Gruppe")
    client.post("/admin/logout/")
    log_in(client, "andere")
    assert client.get("/admin/").status_code == 200
