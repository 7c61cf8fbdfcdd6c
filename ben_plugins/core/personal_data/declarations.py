"""What a model says about the personal data it holds; the core derives everything else.

Admin views, the access log, retention, Art. 15/17 requests and the Art. 30 record are built
from these declarations (``ben_plugins.core.personal_data``, docs/plugins.md).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings
from django.db.models import Q


def _is_admin(user) -> bool:
    """Superusers and the group „Administratoren“ (cms.moderation.roles)."""
    from cms.moderation.roles import ADMINISTRATORS

    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()


def club_ids_for(user) -> frozenset[int]:
    """The user's clubs, from the club permission policy.

    The core's moderation modules are imported late, here and in ``_is_admin``: this package
    is imported while Django loads the apps, before models can be.
    """
    from cms.moderation.policies import club_ids_for as policy_club_ids

    return policy_club_ids(user)


def _in_groups(user, groups: Sequence[str]) -> bool:
    if not (user.is_authenticated and user.is_active) or not groups:
        return False
    return user.groups.filter(name__in=groups).exists()


@dataclass(frozen=True)
class GroupAccess:
    """Members of one of ``groups`` (and administrators) see every record."""

    groups: Sequence[str]

    def __init__(self, *groups: str):
        object.__setattr__(self, "groups", tuple(groups))

    def may_list(self, user) -> bool:
        return _is_admin(user) or _in_groups(user, self.groups)

    def visible(self, queryset, user):
        return queryset if self.may_list(user) else queryset.none()

    def allows(self, user, record) -> bool:
        return self.may_list(user)

    def recipients(self) -> list[str]:
        return [f"Gruppe „{group}“" for group in self.groups]


@dataclass(frozen=True)
class ClubAccess:
    """Row-level: club editors see the records of their own clubs (club permission policy).

    ``field`` names the record's foreign key to the club page; members of ``groups`` (and
    administrators) see every record.
    """

    field: str = "club"
    groups: Sequence[str] = ()

    def _sees_all(self, user) -> bool:
        return _is_admin(user) or _in_groups(user, self.groups)

    def may_list(self, user) -> bool:
        return self._sees_all(user) or bool(club_ids_for(user))

    def visible(self, queryset, user):
        if self._sees_all(user):
            return queryset
        return queryset.filter(**{f"{self.field}__in": club_ids_for(user)})

    def allows(self, user, record) -> bool:
        if self._sees_all(user):
            return True
        return getattr(record, f"{self.field}_id") in club_ids_for(user)

    def recipients(self) -> list[str]:
        return [
            "Redaktion des jeweiligen Vereins (nur eigene Datensätze)",
            *(f"Gruppe „{group}“" for group in self.groups),
        ]


@dataclass(frozen=True)
class Retention:
    """Records whose ``after`` date lies longer ago than the period have expired.

    ``where`` narrows the rule (e.g. ``Q(confirmed_at__isnull=True)`` for unconfirmed
    submissions); ``action`` is ``"delete"`` or ``"anonymise"`` (personal fields emptied,
    the record kept for statistics). ``months`` can be changed through the setting
    ``BEN_RETENTION_MONTHS``: per plugin (``ehrenamtskarte=12``) or, for a rule with a ``key``,
    per rule (``ehrenamtskarte.closed=3``), which wins. A ``description`` may say
    ``{months}``: the Art. 30 record then names the months in force.
    """

    after: str
    months: int = 0
    days: int = 0
    hours: int = 0
    where: Q | None = None
    action: str = "delete"
    description: str = ""
    key: str = ""

    def __post_init__(self):
        if self.action not in {"delete", "anonymise"}:
            raise ValueError(f"Retention action must be delete or anonymise, not {self.action}")

    def months_for(self, plugin_label: str | None) -> int:
        overrides = getattr(settings, "BEN_RETENTION_MONTHS", {})
        if not self.months:
            return 0
        for name in (f"{plugin_label}.{self.key}" if self.key else None, plugin_label):
            if name in overrides:
                return overrides[name]
        return self.months

    def period(self, plugin_label: str | None) -> relativedelta:
        return relativedelta(months=self.months_for(plugin_label), days=self.days, hours=self.hours)

    def expired(self, queryset, now, plugin_label: str | None):
        """The records of ``queryset`` this rule lets expire at ``now``."""
        expired = queryset.filter(**{f"{self.after}__lte": now - self.period(plugin_label)})
        return expired.filter(self.where) if self.where is not None else expired

    def describe(self, model, plugin_label: str | None) -> str:
        if self.description:
            return self.description.format(months=self.months_for(plugin_label))
        parts = []
        for amount, one, many in (
            (self.months_for(plugin_label), "Monat", "Monate"),
            (self.days, "Tag", "Tage"),
            (self.hours, "Stunde", "Stunden"),
        ):
            if amount:
                parts.append(f"{amount} {one if amount == 1 else many}")
        after = model._meta.get_field(self.after).verbose_name
        verb = "gelöscht" if self.action == "delete" else "anonymisiert"
        return f"{' '.join(parts)} nach „{after}“ {verb}"


@dataclass
class PersonalData:
    """The personal data of a model, declared as its class attribute ``personal_data``.

    ``fields`` are the fields holding personal data (emptied when anonymised, exported for
    Art. 15), ``email_field`` finds a person's records (Art. 15/17), ``access`` says who may
    see the records, ``listed`` the fields shown in the admin's list (nothing personal: the
    list is not logged, opening a record is). ``third_parties`` maps the email field of
    another person named in the record (a speaker, a nominee) to the fields about them: an
    Art. 15 request of that person exports those fields, an Art. 17 request empties them.
    ``search_fields`` and ``list_filter`` add a search box and filters to the admin's list
    (Django's lookups, e.g. ``"activities__organisation"``, ``"submitted_at"``).
    ``change_access`` and ``delete_access`` narrow who of those who see a record may edit or
    delete it in the admin (e.g. ``GroupAccess(MODERATORS)``); unset, ``access`` decides.
    ``related`` names reverse relations whose rows say something about one person of the record
    (a jury's votes and notes about a nominee); ``related_about`` names that person's email
    field (the submitter's ``email_field`` unless set, or a key of ``third_parties``). The rows
    are part of that person's Art. 15 export (without their foreign keys: a vote's choice, note
    and date, not the juror – Art. 15(4) DSGVO), not of the others'; they go when the record is
    deleted or anonymised or that person's data is erased.
    """

    purpose: str
    fields: Sequence[str]
    email_field: str
    retention: Retention | Sequence[Retention]
    access: GroupAccess | ClubAccess
    change_access: GroupAccess | ClubAccess | None = None
    delete_access: GroupAccess | ClubAccess | None = None
    subjects: str = "Bürgerinnen und Bürger, die das Formular absenden"
    legal_basis: str = "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"
    listed: Sequence[str] = ()
    search_fields: Sequence[str] = ()
    list_filter: Sequence[str] = ()
    third_parties: Mapping[str, Sequence[str]] = field(default_factory=dict)
    anonymised_values: Mapping[str, object] = field(default_factory=dict)
    related: Sequence[str] = ()
    related_about: str = ""
    model: type | None = field(default=None, init=False, repr=False)

    def __set_name__(self, owner, name):
        self.model = owner

    def may_change(self, user, record) -> bool:
        """Edit in the admin: who sees the record and, if declared, passes ``change_access``."""
        return self.access.allows(user, record) and (
            self.change_access is None or self.change_access.allows(user, record)
        )

    def may_delete(self, user, record) -> bool:
        """Delete in the admin: who sees the record and, if declared, passes ``delete_access``."""
        return self.access.allows(user, record) and (
            self.delete_access is None or self.delete_access.allows(user, record)
        )

    @property
    def related_subject_field(self) -> str:
        """The email field of the person the ``related`` rows are about."""
        return self.related_about or self.email_field

    @property
    def rules(self) -> list[Retention]:
        if isinstance(self.retention, Retention):
            return [self.retention]
        return list(self.retention)

    def anonymous_value(self, field_name: str):
        """What a personal field holds after anonymisation."""
        if field_name in self.anonymised_values:
            return self.anonymised_values[field_name]
        model_field = self.model._meta.get_field(field_name)
        return None if model_field.null else ""


def declared_models() -> list[type]:
    """Every installed model with a personal-data declaration."""
    return [
        model
        for model in apps.get_models()
        if isinstance(getattr(model, "personal_data", None), PersonalData)
    ]
