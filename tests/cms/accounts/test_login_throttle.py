"""Failed logins are throttled per account and per client address (django-axes)."""

import pytest
from django.test import override_settings

from .conftest import current_code, log_in, staff_member

LIMIT = 5


def fail(client, username, times=LIMIT, **extra):
    return [log_in(client, username, password="falsch", **extra) for _ in range(times)]


@pytest.mark.django_db
def test_an_account_is_locked_after_five_failures_even_from_other_addresses(client):
    staff_member("redaktion")
    responses = fail(client, "redaktion")
    assert [r.status_code for r in responses] == [200] * (LIMIT - 1) + [429]
    assert "Anmeldung vorübergehend gesperrt" in responses[-1].text
    assert "0:15:00" in responses[-1].text
    elsewhere = log_in(client, "redaktion", REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 429, "the right password does not help"


@pytest.mark.django_db
def test_an_address_is_locked_after_five_failures_on_any_accounts(client):
    staff_member("redaktion")
    for number in range(LIMIT):
        log_in(client, f"geraten{number}", password="falsch")
    assert log_in(client, "redaktion").status_code == 429
    other_address = log_in(client, "redaktion", REMOTE_ADDR="203.0.113.9")
    assert other_address.status_code == 302, "the account itself is not locked"


@pytest.mark.django_db
def test_wrong_codes_count_as_failed_logins(client, device_of):
    device = device_of(staff_member("redaktion"))
    responses = [log_in(client, "redaktion", code="000000") for _ in range(LIMIT)]
    assert responses[-1].status_code == 429
    assert log_in(client, "redaktion", code=current_code(device)).status_code == 429


@pytest.mark.django_db
def test_without_trusted_proxies_x_forwarded_for_is_ignored(client):
    """A client cannot dodge the address lock by sending a new X-Forwarded-For each time."""
    staff_member("redaktion")
    for number in range(LIMIT):
        log_in(
            client, f"geraten{number}", password="falsch", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}"
        )
    assert log_in(client, "redaktion", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


@pytest.mark.django_db
@override_settings(API_TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_forwarded_client_address_is_locked(client):
    """All requests come from the proxy (REMOTE_ADDR); the lock hits the client behind it."""
    staff_member("redaktion")
    for number in range(LIMIT):
        log_in(client, f"geraten{number}", password="falsch", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert log_in(client, "redaktion", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert log_in(client, "redaktion", HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_earlier_failures(client):
    staff_member("redaktion")
    fail(client, "redaktion", times=LIMIT - 1)
    assert log_in(client, "redaktion").status_code == 302
    client.post("/admin/logout/")
    assert [r.status_code for r in fail(client, "redaktion", times=LIMIT - 1)] == [200] * 4
