"""Who must log in with a second factor, and checking a TOTP code.

Everyone who handles citizens' personal data does: superusers and the groups in
``BEN_2FA_REQUIRED_GROUPS`` (administrators, moderators, and whatever groups a
personal-data declaration of the plugin core names, through ``require_second_factor_for``).
Anyone else may set it up; once a user has a confirmed
device, every login asks for its code. ``BEN_REQUIRE_2FA`` off (demo, tests) makes it
optional for everyone.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

_group_sources: list[Callable[[], Iterable[str]]] = []


def require_second_factor_for(groups: Callable[[], Iterable[str]]) -> None:
    """Let a higher layer name more groups whose members handle personal data. The source is
    asked at every check, so groups declared by plugins loaded later count too."""
    if groups not in _group_sources:
        _group_sources.append(groups)


def required_groups() -> set[str]:
    names = set(settings.BEN_2FA_REQUIRED_GROUPS)
    for source in _group_sources:
        names.update(source())
    return names


def must_use_second_factor(user) -> bool:
    if not settings.BEN_REQUIRE_2FA:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=required_groups()).exists()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def unconfirmed_device(user) -> TOTPDevice:
    """The device being set up: kept across page loads so the shown secret stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)


def code_is_valid(device: TOTPDevice, code: str) -> bool:
    """True for the device's current code; django-otp throttles wrong guesses per device."""
    code = (code or "").replace(" ", "")
    return code.isdigit() and device.verify_token(code)
