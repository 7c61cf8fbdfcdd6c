import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.users import DEFAULT_PASSWORD, UserFactory

LOGIN_URL = "/admin/login/"
SETUP_URL = "/admin/zwei-faktor/"


def staff_member(username: str, group: str | None = None):
    """A user who may open the admin, optionally in one of the BEN groups."""
    user = UserFactory(username=username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or ``steps_ahead`` periods later), computed by
    django-otp itself. A code is accepted once, so a second login uses the next one."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{code:0{device.digits}d}"


def skip_throttle_delay(device: TOTPDevice) -> None:
    """After a wrong code django-otp refuses every code for 1 s (doubling with each further
    wrong one); tests do not wait that out."""
    device.refresh_from_db()
    device.throttle_reset()


def log_in(client, username, password=DEFAULT_PASSWORD, code=None, **extra):
    data = {"username": username, "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN_URL, data, **extra)


@pytest.fixture
def moderator(db):
    return staff_member("moderation", "Moderatoren")


@pytest.fixture
def club_editor(db):
    return staff_member("redaktion", "Vereinsredaktion")


@pytest.fixture
def device_of():
    def confirm(user) -> TOTPDevice:
        return TOTPDevice.objects.create(user=user, name="App", confirmed=True)

    return confirm
