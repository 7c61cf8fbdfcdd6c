"""The city's rules for the jury's decision, applied to every move of a nomination.

The decision follows the majority of the jury's votes; the chair chooses among tied options.
Medals are capped per call; a nominee honoured (medal or Dankesbrief) in the previous year's
call cannot be honoured again; open duplicates of one nominee are merged first. When the
majority's choice is refused by these rules, the chair may choose any option they allow.

Works on instances only (no import of the models), so ``models`` can use it.
"""

from collections import Counter

HONOURS = ("medal", "letter")
DECISIONS = ("medal", "letter", "none")
LABELS = {"medal": "Medaille", "letter": "Dankesbrief", "none": "Keine Ehrung"}


def same_person_key(name: str) -> str:
    """Two spellings of a name that differ only in case or spaces are one nominee."""
    return " ".join(name.casefold().split())


def tally(nomination) -> Counter:
    """The votes per choice (from ``prefetch_related("votes")`` where the caller did so)."""
    return Counter(vote.choice for vote in nomination.votes.all())


def majority(nomination) -> list[str]:
    """The choices with the most votes (more than one: a tie), in the order of DECISIONS."""
    counts = tally(nomination)
    if not counts:
        return []
    top = max(counts.values())
    return [choice for choice in DECISIONS if counts.get(choice) == top]


def previous_honours(call, model) -> dict:
    """The previous year's honoured nominations of ``model``, by their nominee."""
    earlier = model.objects.filter(call__year=call.year - 1, status__in=HONOURS)
    return {same_person_key(nomination.nominee_name): nomination for nomination in earlier}


def previous_honour(nomination):
    """The nominee's medal or Dankesbrief in the previous year's call, if any."""
    honours = previous_honours(nomination.call, type(nomination))
    return honours.get(same_person_key(nomination.nominee_name))


def open_duplicates(nomination) -> list:
    """Other open nominations of the same call for the same nominee."""
    model = type(nomination)
    key = same_person_key(nomination.nominee_name)
    others = model.objects.filter(call=nomination.call, status="open").exclude(pk=nomination.pk)
    return [other for other in others if same_person_key(other.nominee_name) == key]


def medals_awarded(call) -> int:
    return call.nominations.filter(status="medal").count()


def cap_refusal(nomination, target: str) -> str | None:
    """Why the caps forbid ``target`` for this nomination, if they do."""
    call = nomination.call
    if target in HONOURS and (earlier := previous_honour(nomination)):
        return (
            f"„{nomination.nominee_name}“ wurde im Aufruf {call.year - 1} bereits geehrt "
            f"({LABELS[earlier.status]}). Niemand wird in zwei aufeinanderfolgenden Jahren "
            "geehrt."
        )
    if target == "medal" and medals_awarded(call) >= call.max_medals:
        return (
            f"Im Aufruf {call.year} sind höchstens {call.max_medals} Medaillen möglich, "
            "und sie sind alle vergeben."
        )
    return None


def refusal(nomination, target: str) -> str | None:
    """Why the nomination cannot move to ``target`` now (German), or None."""
    if target == "merged":
        if nomination.merged_into_id is None:
            return "Zusammenführen geht nur über den Jury-Bildschirm."
        return None
    if target not in DECISIONS:
        return None
    if open_duplicates(nomination):
        return (
            f"Für „{nomination.nominee_name}“ gibt es mehrere offene Vorschläge. Bitte führen "
            "Sie sie zuerst zusammen."
        )
    if reason := cap_refusal(nomination, target):
        return reason
    winners = majority(nomination)
    if not winners:
        return "Zu diesem Vorschlag hat noch niemand aus der Jury abgestimmt."
    allowed = [choice for choice in winners if cap_refusal(nomination, choice) is None]
    if allowed and target not in allowed:
        names = " oder ".join(f"„{LABELS[choice]}“" for choice in allowed)
        return f"Die Entscheidung folgt der Mehrheit der Jury: {names}."
    return None
