"""Nominators learn the jury's decision by email, after the award date and never before."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ben_plugins.core import mail

from .models import Nomination, german_date

TEMPLATE = "ehrenamtsmedaille/mail/nominator_informed"
DECIDED = ("medal", "letter", "none")


def award_day(nomination) -> str:
    day = nomination.award_date
    return german_date(day) if nomination.language == "de" else day.strftime("%-d %B %Y")


def due(today=None):
    """Decided nominations whose award date has passed and whose nominator has not heard."""
    today = today or timezone.localdate()
    return Nomination.objects.filter(
        status__in=DECIDED, award_date__lt=today, nominator_informed_at__isnull=True
    ).select_related("call")


def inform_nominators(base_url: str | None = None) -> int:
    """Queue one email per due nomination; returns how many."""
    base_url = base_url or settings.BEN_BASE_URL
    count = 0
    with transaction.atomic():
        for nomination in due():
            mail.send_later(
                TEMPLATE,
                nomination,
                language=nomination.language,
                base_url=base_url,
                context={"award_date": award_day(nomination)},
            )
            Nomination.objects.filter(pk=nomination.pk).update(nominator_informed_at=timezone.now())
            count += 1
    return count
