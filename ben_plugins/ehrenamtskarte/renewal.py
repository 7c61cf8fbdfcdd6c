"""The renewal reminder: 90 days before an Ehrenamtskarte expires (a Jubiläumskarte never does)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .models import Card, IssuedCard
from .notifications import send_renewal_reminder

REMIND_DAYS_BEFORE = 90


def remind_holders(now=None) -> int:
    """Email every holder whose card expires within 90 days, once per card."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = IssuedCard.objects.filter(
        card=Card.EHRENAMTSKARTE,
        renewal_reminded_at__isnull=True,
        valid_until__gte=today,
        valid_until__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
    ).select_related("application")
    sent = 0
    for card in due:
        with transaction.atomic():
            card.renewal_reminded_at = now
            card.save(update_fields=["renewal_reminded_at"])
            send_renewal_reminder(card)
        sent += 1
    return sent
