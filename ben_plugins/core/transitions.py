"""Statuses that move only along declared transitions, each one written to Wagtail's audit log.

A table of our own rather than django-fsm-2 or viewflow.fsm: what BEN needs is a list of
allowed (from, to, groups) rows that the admin can show as buttons and the audit log can
name. Both libraries add decorated methods and protected fields for that; the table is
shorter than the glue code either would need, and it adds no dependency.

A model declares::

    status = models.CharField(choices=Status.choices, default=Status.NEW)
    transitions = Transitions(
        "status",
        Transition(Status.NEW, Status.ACCEPTED, groups=["Ehrenamtskarte-Büro"]),
        Transition([Status.NEW, Status.ACCEPTED], Status.CLOSED, groups=["Ehrenamtskarte-Büro"]),
    )

and moves an instance with ``Model.transitions.move(instance, target, user, comment)``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

#: The action of the audit log entries (ModelLogEntry) written for every transition.
LOG_ACTION = "ben.transition"


class TransitionRefused(Exception):
    """A transition that the declaration does not allow; the message is German."""


class TransitionNotDefined(TransitionRefused):
    """There is no transition from the current state to the wanted one."""


class TransitionForbidden(TransitionRefused, PermissionDenied):
    """The transition exists, but the user is in none of the groups that may make it."""


@dataclass(frozen=True)
class Transition:
    """From one of ``sources`` to ``target``, allowed to members of ``groups``.

    Administrators (superusers) may make every declared transition. ``stamp`` names a
    date/time field set to now when the transition is made (e.g. ``decided_at``, the start of
    a retention period). ``effect(instance, comment)`` runs after the move in its transaction
    (set derived fields, queue an email); raising ``TransitionRefused`` there undoes the move.
    ``system=True``: the system makes it too (``user=None``: a person's one-time link, a daily
    task); with no ``groups`` only the system – and administrators. The system makes no other.
    """

    sources: str | Iterable[str]
    target: str
    groups: Iterable[str] = ()
    label: str = ""
    stamp: str | None = None
    effect: Callable[[object, str], None] | None = field(default=None, compare=False)
    system: bool = False
    source_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        sources = [self.sources] if isinstance(self.sources, str) else list(self.sources)
        object.__setattr__(self, "source_set", frozenset(str(source) for source in sources))
        object.__setattr__(self, "target", str(self.target))
        object.__setattr__(self, "groups", tuple(self.groups))

    def allows_user(self, user) -> bool:
        if not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or user.groups.filter(name__in=self.groups).exists()


class Transitions:
    """The declared transitions of one model's state field (a class attribute)."""

    def __init__(self, state_field: str, *transitions: Transition):
        self.state_field = state_field
        self.transitions = transitions
        self.model = None

    def __set_name__(self, owner, name):
        self.model = owner

    def state_label(self, value: str) -> str:
        """The German label of a state (the field's choice label)."""
        choices = dict(self.model._meta.get_field(self.state_field).flatchoices)
        return str(choices.get(value, value))

    def current(self, instance) -> str:
        return str(getattr(instance, self.state_field))

    def from_state(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if state in t.source_set]

    def available(self, instance, user) -> list[Transition]:
        """The transitions the user may make from the instance's current state."""
        state = self.current(instance)
        return [t for t in self.from_state(state) if t.allows_user(user)]

    def find(self, instance, target: str, user) -> Transition:
        """The transition to ``target`` the user may make, or TransitionRefused.

        ``user=None`` is the system acting on a person's one-time link or in a daily task
        (an organisation confirming, an applicant withdrawing): only moves declared with
        ``system=True``; a staff move (a decision) is ``TransitionForbidden`` for it.
        """
        state = self.current(instance)
        candidates = [t for t in self.from_state(state) if t.target == str(target)]
        if not candidates:
            raise TransitionNotDefined(
                f"Von „{self.state_label(state)}“ nach „{self.state_label(str(target))}“ "
                "ist kein Übergang vorgesehen."
            )
        for candidate in candidates:
            if candidate.system if user is None else candidate.allows_user(user):
                return candidate
        if user is None:
            raise TransitionForbidden(
                f"Den Übergang von „{self.state_label(state)}“ nach "
                f"„{self.state_label(str(target))}“ nimmt das System nicht selbst vor."
            )
        raise TransitionForbidden(
            f"Den Übergang von „{self.state_label(state)}“ nach "
            f"„{self.state_label(str(target))}“ dürfen nur Mitglieder der Gruppe "
            + " oder ".join(f"„{group}“" for group in candidates[0].groups)
            + " vornehmen."
        )

    def move(self, instance, target: str, user, comment: str = "") -> Transition:
        """Make the transition and write it to the audit log; refused ones raise.

        The state is changed with a conditional UPDATE (only while it is still the state
        the user saw), so two people acting at once cannot both move the same record.
        """
        chosen = self.find(instance, target, user)
        source = self.current(instance)
        changes = {self.state_field: chosen.target}
        if chosen.stamp:
            changes[chosen.stamp] = timezone.now()
        manager = type(instance)._default_manager
        with transaction.atomic():
            updated = manager.filter(pk=instance.pk, **{self.state_field: source}).update(**changes)
            if not updated:
                raise TransitionNotDefined(
                    "Der Datensatz wurde inzwischen geändert; bitte neu laden."
                )
            for name, value in changes.items():
                setattr(instance, name, value)
            log(
                instance,
                LOG_ACTION,
                user=user,
                data={
                    "from": source,
                    "to": chosen.target,
                    "from_label": self.state_label(source),
                    "to_label": self.state_label(chosen.target),
                    "comment": comment,
                },
            )
            if chosen.effect:
                chosen.effect(instance, comment)
        return chosen


def transitions_of(model) -> Transitions | None:
    """The model's declared transitions, if it has any."""
    declared = getattr(model, "transitions", None)
    return declared if isinstance(declared, Transitions) else None
