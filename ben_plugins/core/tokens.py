"""One-time links for people without an account: confirming a submission, an organisation
confirming hours, an applicant withdrawing.

A token is ``<selector>.<secret>``: the selector (72 random bits, stored as is) finds the
row, the secret (192 random bits from ``secrets``) is stored only as its SHA-256 hash and
compared in constant time. A token is bound to one purpose and one object, expires after its
purpose's lifetime and is consumed exactly once (an atomic UPDATE), so two clicks racing each
other cannot both succeed. Purposes are declared once, with their lifetime::

    WITHDRAW = tokens.Purpose("example.withdraw", lifetime=timedelta(days=30))
    link_token = tokens.issue(WITHDRAW, suggestion)
    ...
    suggestion = tokens.consume(WITHDRAW, link_token)  # raises tokens.TokenError
"""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.shortcuts import render
from django.utils import timezone

from .models import OneTimeToken

SELECTOR_BYTES = 9
SECRET_BYTES = 24
SEPARATOR = "."
#: What ``secrets.token_urlsafe`` produces; anything else (a NUL byte, which PostgreSQL
#: refuses in a query, or other junk from a mangled link) is not a token of ours.
URLSAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")


_PURPOSES: dict[str, "Purpose"] = {}


@dataclass(frozen=True)
class Purpose:
    """What a token may be used for and how long it stays valid; declared once at import
    time, under a name unique across plugins (``<plugin label>.<what>``)."""

    name: str
    lifetime: timedelta

    def __post_init__(self):
        _PURPOSES[self.name] = self


def purpose(name: str) -> Purpose:
    """The declared purpose of this name (the mail task gets names, not objects)."""
    return _PURPOSES[name]


def purposes() -> list[Purpose]:
    """Every declared purpose, by name (the plugin contract checks each of them)."""
    return [_PURPOSES[name] for name in sorted(_PURPOSES)]


class TokenProblem(Enum):
    """Why a link does not work; each has its German page (``token_error_page``)."""

    INVALID = "invalid"  # unknown, tampered with, or meant for something else
    EXPIRED = "expired"
    USED = "used"


class TokenError(Exception):
    def __init__(self, problem: TokenProblem):
        super().__init__(problem.value)
        self.problem = problem


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(purpose: Purpose, obj: models.Model) -> str:
    """A new token for ``obj`` and ``purpose``; only its hash is stored, so the returned
    value must go straight into the link."""
    selector = secrets.token_urlsafe(SELECTOR_BYTES)
    secret = secrets.token_urlsafe(SECRET_BYTES)
    OneTimeToken.objects.create(
        purpose=purpose.name,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        selector=selector,
        token_hash=_digest(secret),
        expires_at=timezone.now() + purpose.lifetime,
    )
    return f"{selector}{SEPARATOR}{secret}"


def _find(purpose: Purpose, token: str) -> OneTimeToken:
    selector, separator, secret = str(token).partition(SEPARATOR)
    if not separator or not URLSAFE.fullmatch(selector) or not URLSAFE.fullmatch(secret):
        raise TokenError(TokenProblem.INVALID)
    row = OneTimeToken.objects.select_related("content_type").filter(selector=selector).first()
    # Compare the hash even when the row is missing, so timing tells nothing about selectors.
    stored = row.token_hash if row is not None else _digest(secrets.token_urlsafe(SECRET_BYTES))
    if not hmac.compare_digest(stored, _digest(secret)) or row is None:
        raise TokenError(TokenProblem.INVALID)
    if row.purpose != purpose.name:
        raise TokenError(TokenProblem.INVALID)
    if row.used_at is not None:
        raise TokenError(TokenProblem.USED)
    if row.expires_at <= timezone.now():
        raise TokenError(TokenProblem.EXPIRED)
    return row


def _bound_object(row: OneTimeToken) -> models.Model:
    model = row.content_type.model_class()
    try:
        return model._base_manager.get(pk=row.object_id)
    except model.DoesNotExist as error:  # the object was deleted meanwhile
        raise TokenError(TokenProblem.INVALID) from error


def peek(purpose: Purpose, token: str) -> models.Model:
    """The object a valid, unused token is bound to, without consuming it (for the page
    that shows what a click on its button will do; mail scanners only ever GET)."""
    return _bound_object(_find(purpose, token))


def consume(purpose: Purpose, token: str) -> models.Model:
    """Use the token once and return its object; raises ``TokenError`` otherwise.

    Call it inside the transaction that does what the link is for, so that a failure
    there leaves the token unused.
    """
    row = _find(purpose, token)
    used = OneTimeToken.objects.filter(
        pk=row.pk, used_at__isnull=True, expires_at__gt=timezone.now()
    ).update(used_at=timezone.now())
    if not used:
        raise TokenError(TokenProblem.USED)
    return _bound_object(row)


def revoke_for(obj: models.Model) -> int:
    """Delete every token bound to ``obj`` (when the object goes, so do its links)."""
    deleted, _ = OneTimeToken.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).delete()
    return deleted


def delete_stale(now=None) -> int:
    """Delete used and expired tokens (called by the daily cleanup)."""
    now = now or timezone.now()
    deleted, _ = OneTimeToken.objects.filter(
        models.Q(used_at__isnull=False) | models.Q(expires_at__lte=now)
    ).delete()
    return deleted


PAGES = {
    TokenProblem.INVALID: (
        404,
        "Dieser Link ist ungültig",
        "Der Link ist unvollständig oder gehört nicht zu dieser Seite. Bitte kopieren Sie ihn "
        "vollständig aus der E-Mail in die Adresszeile Ihres Browsers.",
    ),
    TokenProblem.EXPIRED: (
        410,
        "Dieser Link ist abgelaufen",
        "Aus Sicherheitsgründen gilt der Link nur für begrenzte Zeit. Bitte senden Sie Ihr "
        "Anliegen erneut ab; Sie erhalten dann einen neuen Link.",
    ),
    TokenProblem.USED: (
        410,
        "Dieser Link wurde bereits benutzt",
        "Jeder Link funktioniert nur einmal, und dieser wurde schon verwendet. Falls Sie das "
        "nicht selbst waren, wenden Sie sich bitte an die Ehrenamtsagentur Bitburg.",
    ),
}


def token_error_page(request, error: TokenError):
    """The German page for a link that does not work, with a fitting status (404/410)."""
    status, title, explanation = PAGES[error.problem]
    return render(
        request,
        "ben_plugins/tokens/problem.html",
        {"title": title, "explanation": explanation, "problem": error.problem.value},
        status=status,
    )
