"""Organisations confirm the activities of an application; reminders after 7 and 14 days."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ben_plugins.core import tokens
from cms.core import sites
from cms.pages.models import ClubPage

from . import notifications
from .models import CardApplication, OrganisationConfirmation

#: Days after the request on which an unanswered organisation is reminded.
REMINDER_DAYS = (7, 14)
Status = OrganisationConfirmation.Status


def start_confirmations(application: CardApplication, root: str) -> None:
    """One confirmation per activity, addressed to the club's contact address for BEN clubs,
    else to the address the applicant gave (moved out of the application's activities).

    A club's Sammelantrag is confirmed by the club at once; otherwise each organisation
    gets its request with the Art. 14 notice.
    """
    implicit = application.filed_by_club_id is not None
    now = timezone.now()
    confirmations = []
    for index, activity in enumerate(application.activities):
        club = ClubPage.objects.filter(pk=activity.get("club")).first()
        given = activity.pop("contact_email", "") or ""
        confirmations.append(
            OrganisationConfirmation.objects.create(
                application=application,
                index=index,
                club=club,
                organisation=activity.get("organisation") or (club.title if club else ""),
                contact_email=(club.email if club and club.email else given),
                contact_from_applicant=not implicit and not (club and club.email),
                status=Status.CONFIRMED if implicit else Status.PENDING,
                answered_at=now if implicit else None,
                requested_at=now,
            )
        )
    application.save(update_fields=["activities"])
    if implicit:
        CardApplication.transitions.move(
            application, CardApplication.Status.CONFIRMED, None, "Sammelantrag des Vereins"
        )
    else:
        for confirmation in confirmations:
            notifications.send_confirmation_request(confirmation, root)
    notifications.send_received(application, root)


def answerable(confirmation: OrganisationConfirmation) -> bool:
    """An organisation answers once, and only while the application waits for it."""
    return (
        confirmation.status == Status.PENDING
        and confirmation.application.status == CardApplication.Status.RECEIVED
    )


def answer(confirmation: OrganisationConfirmation, confirmed: bool, comment: str) -> None:
    """The organisation's answer; once every activity is confirmed, so is the application.
    Every link of the confirmation (the request's and the reminders') is revoked with it."""
    with transaction.atomic():
        tokens.revoke_for(confirmation)
        confirmation.status = Status.CONFIRMED if confirmed else Status.REJECTED
        confirmation.comment = comment
        confirmation.answered_at = timezone.now()
        confirmation.save(update_fields=["status", "comment", "answered_at"])
        application = confirmation.application
        all_confirmed = not application.confirmations.exclude(status=Status.CONFIRMED).exists()
        if all_confirmed and application.status == CardApplication.Status.RECEIVED:
            CardApplication.transitions.move(
                application,
                CardApplication.Status.CONFIRMED,
                None,
                "Alle Organisationen haben bestätigt.",
            )


def send_reminders(now=None) -> int:
    """Remind organisations that have not answered 7 and 14 days after the request."""
    now = now or timezone.now()
    sent = 0
    waiting = OrganisationConfirmation.objects.filter(
        status=Status.PENDING,
        application__status=CardApplication.Status.RECEIVED,
        reminders_sent__lt=len(REMINDER_DAYS),
    ).select_related("application")
    for confirmation in waiting:
        due = confirmation.requested_at + timedelta(days=REMINDER_DAYS[confirmation.reminders_sent])
        if due > now:
            continue
        with transaction.atomic():
            confirmation.reminders_sent += 1
            confirmation.save(update_fields=["reminders_sent"])
            notifications.send_confirmation_request(
                confirmation, sites.base_url(None), reminder=confirmation.reminders_sent
            )
        sent += 1
    return sent
