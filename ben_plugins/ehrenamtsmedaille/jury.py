"""What the jury does: vote, merge duplicates, close the round, carry over to next year."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ben_plugins.core.transitions import LOG_ACTION, TransitionRefused

from . import rules
from .models import CHAIR, JURY, Call, Nomination, Vote


def is_juror(user) -> bool:
    return user.is_authenticated and user.groups.filter(name__in=[JURY, CHAIR]).exists()


def is_chair(user) -> bool:
    """The chair closes the round; administrators (superusers) may act for them."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=CHAIR).exists()


def current_call(now=None) -> Call | None:
    """The call the jury works on: the latest one that has opened, else the next one."""
    now = now or timezone.now()
    opened = Call.objects.filter(opens_at__lte=now).order_by("-year").first()
    return opened or Call.objects.order_by("year").first()


def checked_text(text: str, limit: int, label: str) -> str:
    """Free text from the jury screen, refused (not cut) when it cannot be stored as typed."""
    text = text.strip()
    if "\x00" in text:
        raise TransitionRefused(f"{label} enthält ein unzulässiges Steuerzeichen.")
    if len(text) > limit:
        raise TransitionRefused(f"{label} darf höchstens {limit} Zeichen lang sein.")
    return text


def cast_vote(nomination: Nomination, user, choice: str, note: str = "") -> Vote:
    """A vote is final: who has voted sees the others' votes and notes, so a change
    afterwards would no longer be a private vote."""
    if not is_juror(user):
        raise TransitionRefused("Nur Mitglieder der Jury stimmen ab.")
    if nomination.status != Nomination.Status.OPEN:
        raise TransitionRefused("Über diesen Vorschlag ist bereits entschieden.")
    if choice not in rules.DECISIONS:
        raise TransitionRefused("Bitte wählen Sie Medaille, Dankesbrief oder keine Ehrung.")
    note = checked_text(note, 2000, "Die Anmerkung")
    vote, created = Vote.objects.get_or_create(
        nomination=nomination,
        juror=user,
        defaults={"choice": choice, "note": note, "cast_at": timezone.now()},
    )
    if not created:
        raise TransitionRefused(
            "Sie haben zu diesem Vorschlag bereits abgestimmt; eine Stimme lässt sich nicht ändern."
        )
    return vote


def visible_votes(nomination: Nomination, user) -> list[Vote]:
    """Other jurors' votes and notes stay private until the user has voted (or it is decided)."""
    votes = sorted(nomination.votes.all(), key=lambda vote: (vote.cast_at, vote.pk))
    if nomination.status != Nomination.Status.OPEN or any(v.juror_id == user.pk for v in votes):
        return votes
    return []


def duplicate_groups(call: Call) -> list[list[Nomination]]:
    """Open nominations of the call that name the same nominee, oldest first in each group."""
    groups: dict[str, list[Nomination]] = {}
    for nomination in call.nominations.filter(status="open").order_by("submitted_at", "pk"):
        groups.setdefault(nomination.person_key, []).append(nomination)
    return [group for group in groups.values() if len(group) > 1]


def merge(nominations: list[Nomination], user) -> Nomination:
    """The later nominations join the first; their reasons stay readable in their records."""
    primary, *duplicates = nominations
    with transaction.atomic():
        for duplicate in duplicates:
            duplicate.merged_into = primary
            Nomination.transitions.move(
                duplicate, "merged", user, f"Zusammengeführt mit {primary.reference}"
            )
            duplicate.save(update_fields=["merged_into"])
    return primary


@dataclass
class RoundResult:
    decided: list[Nomination] = field(default_factory=list)
    refused: list[tuple[Nomination, str]] = field(default_factory=list)


def close_round(call: Call, user, tie_breaks: dict[int, str]) -> RoundResult:
    """Decide every open nomination by its majority; the chair's ``tie_breaks`` (by pk)
    settle ties and majorities the caps refuse. Medal majorities with the most medal votes
    are decided first, so the cap keeps the strongest ones."""
    if not is_chair(user):
        raise TransitionRefused("Nur der Vorsitz der Jury schließt die Runde.")
    result = RoundResult()
    open_ones = list(call.nominations.filter(status="open").prefetch_related("votes"))
    open_ones.sort(key=lambda n: -rules.tally(n).get("medal", 0))
    for nomination in open_ones:
        winners = rules.majority(nomination)
        target = tie_breaks.get(nomination.pk) or (winners[0] if len(winners) == 1 else "")
        if not target:
            reason = (
                "Noch keine Stimmen."
                if not winners
                else "Gleichstand: der Vorsitz entscheidet zwischen "
                + " und ".join(rules.LABELS[w] for w in winners)
                + "."
            )
            result.refused.append((nomination, reason))
            continue
        try:
            with transaction.atomic():
                Nomination.transitions.move(nomination, target, user, "Runde geschlossen")
        except TransitionRefused as refusal:
            result.refused.append((nomination, str(refusal)))
        else:
            result.decided.append(nomination)
    return result


def carry_over(call: Call, user) -> list[Nomination]:
    """Open and not chosen nominations move to next year's call: open again, votes reset, the
    nominator to be informed of the new decision; merged duplicates move along with them.
    A direct update with its own audit-log entry, not a transition: only this one action
    changes the call together with the state."""
    if not is_chair(user):
        raise TransitionRefused("Nur der Vorsitz der Jury übernimmt Vorschläge.")
    following = call.next()
    if following is None:
        raise TransitionRefused(
            f"Es gibt noch keinen Aufruf {call.year + 1}. Bitte zuerst anlegen lassen."
        )
    declared = Nomination.transitions
    moving = {
        "call": following,
        "award_date": following.award_date,
        "carried_over_from": call.year,
        "nominator_informed_at": None,
    }
    with transaction.atomic():
        moved = list(call.nominations.select_for_update().filter(status__in=["open", "none"]))
        Vote.objects.filter(nomination__in=moved).delete()
        call.nominations.filter(pk__in=[n.pk for n in moved]).update(
            status=Nomination.Status.OPEN, decided_at=None, **moving
        )
        call.nominations.filter(status="merged", merged_into__in=moved).update(**moving)
        for nomination in moved:
            log(
                nomination,
                LOG_ACTION,
                user=user,
                data={
                    "from": nomination.status,
                    "to": Nomination.Status.OPEN,
                    "from_label": declared.state_label(nomination.status),
                    "to_label": declared.state_label(Nomination.Status.OPEN),
                    "comment": f"In den Aufruf {following.year} übernommen",
                },
            )
    return moved


def record_publication(nomination: Nomination, user, consent_on: str, laudation: str) -> None:
    """The chair records whether and when an awardee consented to publication (an empty
    date: no consent), and the short laudation that is published with the name."""
    if not is_chair(user):
        raise TransitionRefused("Nur der Vorsitz der Jury trägt die Einwilligung ein.")
    if nomination.status not in rules.HONOURS:
        raise TransitionRefused("Veröffentlicht werden nur Geehrte (Medaille oder Dankesbrief).")
    try:
        consented = date.fromisoformat(consent_on) if consent_on else None
    except ValueError:
        raise TransitionRefused("Bitte das Datum der Einwilligung als Datum angeben.") from None
    if consented and consented > timezone.localdate():
        raise TransitionRefused("Die Einwilligung kann nicht in der Zukunft liegen.")
    laudation = checked_text(laudation, 1000, "Die Laudatio")
    nomination.publication_consent_on = consented
    nomination.laudation = laudation
    nomination.save(update_fields=["publication_consent_on", "laudation"])
    log(nomination, "wagtail.edit", user=user)
