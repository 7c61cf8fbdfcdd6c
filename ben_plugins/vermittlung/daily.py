"""What the daily command does (``manage.py vermittlung_daily``): escalate unanswered
messages and remind clubs of review dates. Each step is idempotent: a stamp on the message
or a ReviewReminder row records what was sent, so a second run the same day sends nothing."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.log_actions import log

from ben_plugins.core import mail, tokens
from ben_plugins.core.activation import is_enabled
from cms.core.sites import site_for_object
from cms.snippets.models import VolunteerOpportunity

from .models import InterestMessage, ReviewReminder

LABEL = "vermittlung"
#: Untouched this long: the Ehrenamtsagentur is told and may take the message over.
FLAG_AFTER = timedelta(days=7)
#: Still without a first contact this long: the citizen is told the agency will help.
CITIZEN_AFTER = timedelta(days=14)
#: The first reminder comes this many days before the review date, the second on the day.
REMIND_BEFORE = timedelta(days=14)
#: A daily run catches up „on the day“ reminders missed for this long.
CATCH_UP = timedelta(days=14)
#: How far the one-click link moves the review date.
EXTENSION = relativedelta(months=6)
#: The extend link works once, until a while after the offer has expired.
EXTEND = tokens.Purpose("vermittlung.extend", lifetime=timedelta(days=60))
#: The entry in the opportunity's history (Wagtail's audit log) when the link is used.
EXTEND_LOG_ACTION = "vermittlung.extend"


def _switched_on(obj) -> bool:
    return is_enabled(LABEL, site_for_object(obj))


def _stamp_once(due, stamp: str, now, send) -> list[InterestMessage]:
    """Set ``stamp`` on each due message of a switched-on site and ``send`` its email, in one
    transaction per message; a message stamped meanwhile (a parallel run) is skipped."""
    done = []
    for message in due.select_related("club"):
        if not _switched_on(message.club):
            continue
        with transaction.atomic():
            unstamped = InterestMessage.objects.filter(pk=message.pk, **{f"{stamp}__isnull": True})
            if not unstamped.update(**{stamp: now}):
                continue
            send(message)
        done.append(message)
    return done


def flag_unanswered(base_url: str, now=None) -> list[InterestMessage]:
    """Messages still „Neu“ a week after their confirmation: flagged for the agency."""
    now = now or timezone.now()
    due = InterestMessage.objects.filter(
        status=InterestMessage.Status.NEW,
        flagged_at__isnull=True,
        confirmed_at__lte=now - FLAG_AFTER,
    )
    return _stamp_once(
        due,
        "flagged_at",
        now,
        lambda message: mail.send_later(
            "vermittlung/mail/agency_flag",
            message,
            recipient_field="agency_address",
            base_url=base_url,
        ),
    )


def tell_citizens(base_url: str, now=None) -> list[InterestMessage]:
    """Messages without a first contact two weeks after confirmation: the citizen learns
    that the agency helps."""
    now = now or timezone.now()
    due = InterestMessage.objects.filter(
        status__in=[InterestMessage.Status.NEW, InterestMessage.Status.TAKEN_OVER],
        first_contact_at__isnull=True,
        citizen_notified_at__isnull=True,
        confirmed_at__lte=now - CITIZEN_AFTER,
    )
    return _stamp_once(
        due,
        "citizen_notified_at",
        now,
        lambda message: mail.send_later(
            "vermittlung/mail/agency_helps",
            message,
            language=message.language,
            base_url=base_url,
        ),
    )


def remind_reviews(base_url: str, today=None) -> list[ReviewReminder]:
    """Live opportunities whose review date is at most 14 days ahead, or has come: the club
    gets a reminder with a one-time link that extends the date by six months.

    Windows rather than exact days, so a missed daily run loses no reminder: the next run
    sends it (a review date up to 14 days past still gets its „on the day“ reminder, saying
    the offer has expired; older ones are on the moderators' list). The unique row per
    opportunity, date and kind keeps each reminder to one."""
    today = today or timezone.localdate()
    reminders = []
    for kind, window in (
        (
            ReviewReminder.Kind.BEFORE,
            {"review_by__gt": today, "review_by__lte": today + REMIND_BEFORE},
        ),
        (ReviewReminder.Kind.DUE, {"review_by__lte": today, "review_by__gte": today - CATCH_UP}),
    ):
        sent = ReviewReminder.objects.filter(
            opportunity=OuterRef("pk"), review_by=OuterRef("review_by"), kind=kind
        )
        due = (
            VolunteerOpportunity.objects.filter(live=True, **window)
            .exclude(Exists(sent))
            .select_related("club")
        )
        for opportunity in due:
            if not _switched_on(opportunity.club):
                continue
            day = opportunity.review_by
            try:
                with transaction.atomic():
                    reminder = ReviewReminder.objects.create(
                        opportunity=opportunity, review_by=day, kind=kind, sent_at=timezone.now()
                    )
                    mail.send_later(
                        "vermittlung/mail/review_reminder",
                        reminder,
                        recipient_field="recipient",
                        base_url=base_url,
                        links={"extend_url": mail.Link(EXTEND, "vermittlung_public:extend")},
                        context={
                            "due": "ja" if kind == ReviewReminder.Kind.DUE else "",
                            "expired": "ja" if day < today else "",
                        },
                    )
            except IntegrityError:  # sent before (by a parallel run)
                continue
            reminders.append(reminder)
    return reminders


class AlreadyExtended(Exception):
    """The opportunity's review date moved since the reminder (by another link or an edit)."""


def extend(reminder: ReviewReminder) -> VolunteerOpportunity:
    """Move the review date six months on from the later of the old date and today.

    The live row is saved in full (the API's caches follow a full save of live content), and
    the live and latest revisions get the date too, so publishing a draft later keeps it. The
    opportunity's history records it („Prüfdatum verlängert“).
    """
    opportunity = VolunteerOpportunity.objects.select_for_update().get(pk=reminder.opportunity_id)
    if opportunity.review_by != reminder.review_by:
        raise AlreadyExtended
    new_date = max(opportunity.review_by, timezone.localdate()) + EXTENSION
    opportunity.review_by = new_date
    opportunity.save()
    for revision in {opportunity.live_revision, opportunity.latest_revision} - {None}:
        revision.content["review_by"] = new_date.isoformat()
        revision.save(update_fields=["content"])
    reminder.extended_at = timezone.now()
    reminder.save(update_fields=["extended_at"])
    log(opportunity, EXTEND_LOG_ACTION, data={"review_by": new_date.isoformat()})
    return opportunity


def expired_offers():
    """Opportunities that would be live but are past their review date (for moderators)."""
    return (
        VolunteerOpportunity.objects.filter(live=True, review_by__lt=timezone.localdate())
        .select_related("club")
        .order_by("review_by", "title")
    )
