"""Staff sessions end after a working day."""

import pytest

from tests.factories.users import DEFAULT_PASSWORD

from .conftest import LOGIN_URL, log_in, staff_member

WORKING_DAY = 9 * 60 * 60


@pytest.mark.django_db
def test_a_remembered_login_lasts_a_working_day(client):
    staff_member("redaktion")
    credentials = {"username": "redaktion", "password": DEFAULT_PASSWORD, "remember": "on"}
    response = client.post(LOGIN_URL, credentials)
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == WORKING_DAY
    assert client.session.get_expiry_age() == WORKING_DAY


@pytest.mark.django_db
def test_a_login_without_remember_ends_with_the_browser_and_at_most_after_a_working_day(client):
    staff_member("redaktion")
    response = log_in(client, "redaktion")
    assert response.cookies["sessionid"]["max-age"] == ""
    assert client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == WORKING_DAY, "the server forgets it then"
