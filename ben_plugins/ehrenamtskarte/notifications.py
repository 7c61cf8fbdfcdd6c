"""The plugin's emails and one-time links (templates under templates/ehrenamtskarte/mail/)."""

from datetime import timedelta

from ben_plugins.core import mail, tokens
from cms.core import sites

#: An organisation confirms or rejects one activity.
ORGANISATION = tokens.Purpose("ehrenamtskarte.organisation", lifetime=timedelta(days=30))
#: The applicant withdraws the application (until it is forwarded).
WITHDRAW = tokens.Purpose("ehrenamtskarte.withdraw", lifetime=timedelta(days=365))
#: A holder files one renewal, pre-filled from the old application; the reminder goes out
#: 90 days before expiry, so the link ends with the card.
RENEWAL = tokens.Purpose("ehrenamtskarte.renewal", lifetime=timedelta(days=90))

MAIL = "ehrenamtskarte/mail"


def send_received(application, root: str) -> None:
    """Confirmed: the applicant gets the reference number and the link to withdraw."""
    mail.send_later(
        f"{MAIL}/received",
        application,
        language=application.language,
        base_url=root,
        links={"withdraw_url": mail.Link(WITHDRAW, "ehrenamtskarte_public:withdraw")},
        context={"reference": application.reference},
    )


def send_confirmation_request(confirmation, root: str, *, reminder: int = 0) -> None:
    """Ask the organisation to confirm one activity (German; with the Art. 14 notice)."""
    mail.send_later(
        f"{MAIL}/organisation_request",
        confirmation,
        recipient_field="contact_email",
        language="de",
        base_url=root,
        links={"answer_url": mail.Link(ORGANISATION, "ehrenamtskarte_public:organisation")},
        context={"reminder": str(reminder) if reminder else ""},
    )
    if not reminder:
        mail.send_art14_notice(
            confirmation,
            recipient_field="contact_email",
            base_url=root,
            purpose="Bestätigung der ehrenamtlichen Tätigkeit einer Antragstellerin oder "
            "eines Antragstellers für die Ehrenamtskarte Rheinland-Pfalz.",
            categories="Name der Organisation, ihre E-Mail-Adresse und ihre Antwort mit Kommentar",
            source="Die Antragstellerin oder der Antragsteller hat Ihre Organisation im "
            "Antrag genannt.",
        )


def send_rejection(application, reason: str) -> None:
    mail.send_later(
        f"{MAIL}/rejected",
        application,
        language=application.language,
        base_url=sites.base_url(None),
        context={"reference": application.reference, "reason": reason},
    )


def send_renewal_reminder(card) -> None:
    mail.send_later(
        f"{MAIL}/renewal",
        card,
        language=card.application.language if card.application else "de",
        base_url=sites.base_url(None),
        links={"renewal_url": mail.Link(RENEWAL, "ehrenamtskarte_public:renewal")},
        context={"valid_until": card.valid_until.strftime("%d.%m.%Y")},
    )
