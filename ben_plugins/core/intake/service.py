"""The steps every submission goes through, shared by the JSON endpoint and the HTML form."""

import hashlib
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.api.throttling import count_request, parse_rate
from cms.core.client_address import client_ip
from cms.core.sites import base_url

from .. import mail, privacy, tokens
from .models import CONFIRMATION_WINDOW, Submission
from .serializers import HONEYPOT_FIELD

#: The link in the confirmation email; valid as long as the submission waits for it.
CONFIRM = tokens.Purpose("intake.confirm", lifetime=CONFIRMATION_WINDOW)
CONFIRMATION_TEMPLATE = "ben_plugins/mail/confirm_submission"


@dataclass(frozen=True)
class Consent:
    """A consent text with its version; change the version with every change of the text.
    The text the person saw is stored verbatim with the submission."""

    version: str
    text_de: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_de


class Intake:
    """Declares a submission type; subclass it once per type::

    class TopicSuggestionIntake(Intake):
        model = TopicSuggestion                      # a models.Submission subclass
        serializer_class = TopicSuggestionSerializer # a serializers.IntakeSerializer
        consent = Consent(version="2026-12-01", text_de="…", text_en="…")
        title, title_en = "Thema vorschlagen", "Suggest a topic"

    ``confirmed(submission, request)`` runs when the submitter clicks the confirmation link
    (in its transaction): the place for an Art. 14 notice to a third party.
    """

    model: type[Submission]
    serializer_class = None
    consent: Consent
    #: Heading of the HTML form and name in the confirmation email (German, and English).
    title = ""
    title_en = ""
    confirmation_template = CONFIRMATION_TEMPLATE

    registry: dict[str, type["Intake"]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if getattr(cls, "model", None) is not None:
            Intake.registry[cls.model._meta.label] = cls

    @classmethod
    def for_model(cls, model) -> type["Intake"]:
        return Intake.registry[model._meta.label]

    @classmethod
    def confirmed(cls, submission, request) -> None:
        """Hook: the submission has just been confirmed."""

    @classmethod
    def closed(cls, request) -> str:
        """Hook: why no submission is taken now (German), e.g. outside a call's window. The
        HTML form then shows this instead of its fields, so nobody fills it in for nothing."""
        return ""


class Refused(Exception):
    """A submission refused for its size (413), a rate limit (429) or a missing privacy
    notice (503)."""

    def __init__(self, status: int, code: str, detail, retry_after: int | None = None):
        super().__init__(str(detail))
        self.status, self.code, self.detail, self.retry_after = status, code, detail, retry_after


def _count(scope: str, identity: str, rate: str) -> int | None:
    """Count one event; the seconds to wait if it exceeds ``rate``, else None."""
    limit, period = parse_rate(rate)
    now = time.time()
    window = int(now // period)
    if count_request(f"intake:{scope}:{identity}:{window}", period + 1) <= limit:
        return None
    return max(1, round((window + 1) * period - now))


def check_client_rate(request) -> None:
    wait = _count("ip", client_ip(request), settings.INTAKE_RATE_LIMIT_IP)
    if wait is not None:
        raise Refused(
            429,
            "throttled",
            _("Too many submissions from your address. Please try again later."),
            retry_after=wait,
        )


def check_email_rate(email: str) -> None:
    """Per address, hashed: the cache never holds email addresses."""
    identity = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    wait = _count("email", identity, settings.INTAKE_RATE_LIMIT_EMAIL)
    if wait is not None:
        raise Refused(
            429,
            "throttled",
            _("Too many submissions for this email address. Please try again later."),
            retry_after=wait,
        )


#: Why a form takes no data while the site has no privacy notice (German, on the HTML form).
NO_PRIVACY_NOTICE = _(
    "This form is not available yet: the privacy notice it must link to is missing. Please "
    "try again later."
)


def check_privacy_notice(request) -> str:
    """The privacy notice's URL; ``Refused`` (503) without one.

    503, not 409: nothing in the request conflicts with anything, and the client can do
    nothing about it; the service is unavailable until the operator publishes the notice
    (or sets BEN_PRIVACY_URL), as it would be while down for maintenance.
    """
    url = privacy.privacy_url(request)
    if not url:
        raise Refused(503, "no_privacy_notice", NO_PRIVACY_NOTICE)
    return url


def check_size(request) -> None:
    """Refuse bodies above INTAKE_MAX_BODY_BYTES before anything parses them."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > settings.INTAKE_MAX_BODY_BYTES:
        raise Refused(
            413,
            "too_large",
            _("The submission is too large (at most %(limit)s bytes).")
            % {"limit": settings.INTAKE_MAX_BODY_BYTES},
        )


def is_spam(validated) -> bool:
    """Whether the honeypot field of a valid submission is filled in: then the answer looks
    like success, but nothing is stored and no email goes out."""
    return bool(validated.get(HONEYPOT_FIELD, "").strip())


def accept(intake: type[Intake], validated: dict, request, language: str) -> Submission:
    """Store a validated submission unconfirmed and queue its confirmation email.

    ``language`` is the one the consent text was shown in (the page's or the request's);
    the emails follow the person's choice in the ``language`` field, else the same.

    Raises ``Refused`` when the email address has sent too many submissions.
    """
    check_email_rate(validated["email"])
    email_language = validated.get("language") or language
    fields = {
        name: value
        for name, value in validated.items()
        if name not in {"consent", HONEYPOT_FIELD, "language"}
    }
    with transaction.atomic():
        submission = intake.model.all_submissions.create(
            **fields,
            language=email_language,
            consent_text=intake.consent.text(language),
            consent_version=intake.consent.version,
            submitted_at=timezone.now(),
        )
        mail.send_later(
            intake.confirmation_template,
            submission,
            language=email_language,
            base_url=base_url(request),
            links={"confirm_url": mail.Link(CONFIRM, "ben_intake_confirm")},
            context={"title": intake.title_en if email_language == "en" else intake.title},
        )
    return submission


def confirm(token: str, request) -> Submission:
    """Count the submission of a confirmation link (raises ``tokens.TokenError``)."""
    with transaction.atomic():
        submission = tokens.consume(CONFIRM, token)
        submission.confirmed_at = timezone.now()
        submission.save(update_fields=["confirmed_at"])
        Intake.for_model(type(submission)).confirmed(submission, request)
    return submission


def submission_models() -> list[type[Submission]]:
    """Every concrete submission model of every installed plugin."""
    return [model for model in apps.get_models() if issubclass(model, Submission)]


def delete_unconfirmed(now=None) -> dict[str, int]:
    """Delete every submission not confirmed within 48 hours, and stale one-time tokens.

    Called daily (``manage.py ben_retention``; ``manage.py ben_intake_cleanup`` alone).
    Returns the number deleted per model label.
    """
    deleted = {}
    for model in submission_models():
        queryset = model.all_submissions.unconfirmed_expired(now)
        for submission in queryset:
            tokens.revoke_for(submission)
        _total, per_model = queryset.delete()
        deleted[model._meta.label] = per_model.get(model._meta.label, 0)
    deleted["ben_plugins.OneTimeToken"] = tokens.delete_stale(now)
    return deleted
