"""The year's call, the citizens' nominations and the jury's votes.

A nomination moves only along declared transitions (``NominationTransitions``), which check
the city's rules on every path: the jury screen and the generated inbox alike.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from ben_plugins.core.intake.models import Submission
from ben_plugins.core.letters import Letter
from ben_plugins.core.personal_data import GroupAccess, PersonalData, Retention
from ben_plugins.core.transitions import Transition, TransitionRefused, Transitions

from . import rules

#: The jury appointed by the Arbeitskreis (managed by administrators); it sees nominations.
JURY = "Jury Ehrenamtsmedaille"
#: Its chair (also a member of the jury): closes the round, prints letters, records consent.
CHAIR = "Jury Ehrenamtsmedaille – Vorsitz"

FIELDS_OF_ENGAGEMENT = [
    "Soziales",
    "Sport",
    "Kultur",
    "Jugend",
    "Senioren",
    "Migration und Integration",
    "Umwelt",
    "Gesundheit",
    "Feuerwehr und Rettungsdienst",
    "Kirche",
    "Sonstiges",
]
FIELD_CHOICES = [(name, name) for name in FIELDS_OF_ENGAGEMENT]
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


LETTER_PLACEHOLDERS = {
    "name": "Name der/des Geehrten",
    "field": "Engagementbereich",
    "date": "Tag der Verleihung",
    "year": "Jahr",
}


#: The chair and administrators: they print letters and may edit or delete a nomination.
CHAIR_ACCESS = GroupAccess(CHAIR)


def chair_letter(*statuses: str):
    """A letter only the chair (or an administrator) prints, only for these decisions."""
    return lambda nomination, user: nomination.status in statuses and CHAIR_ACCESS.may_list(user)


def german_date(day) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


class CallQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, closes_at__gte=moment)


class Call(models.Model):
    """The city's call of one year (Aufruf): when proposals are taken and when the award is."""

    year = models.PositiveSmallIntegerField("Jahr", unique=True)
    opens_at = models.DateTimeField("Vorschläge ab")
    closes_at = models.DateTimeField("Vorschläge bis")
    award_date = models.DateField("Verleihung am")
    max_medals = models.PositiveSmallIntegerField("Höchstens Medaillen", default=5)
    focus = models.CharField(
        "Schwerpunkt (optional)", max_length=40, choices=FIELD_CHOICES, blank=True
    )
    public_text = models.TextField("Text des Aufrufs")

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = "Aufruf"
        verbose_name_plural = "Aufrufe"
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="call_closes_after_opening"
            )
        ]

    def __str__(self):
        return f"Ehrenamtsmedaille {self.year}"

    def save(self, *args, **kwargs):
        """A moved award date moves the nominations' too: retention and publication count
        from it."""
        super().save(*args, **kwargs)
        self.nominations.exclude(award_date=self.award_date).update(award_date=self.award_date)

    def is_open(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.opens_at <= moment <= self.closes_at

    def previous(self):
        return Call.objects.filter(year=self.year - 1).first()

    def next(self):
        return Call.objects.filter(year=self.year + 1).first()


def new_reference() -> str:
    """A reference the nominator can quote; random, so a fake one (honeypot) looks the same."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "EM-" + "".join(secrets.choice(alphabet) for _ in range(8))


class NominationTransitions(Transitions):
    """The declared moves, plus the city's rules for a decision (``rules.refusal``)."""

    def move(self, instance, target, user, comment=""):
        self.find(instance, target, user)
        if reason := rules.refusal(instance, str(target)):
            raise TransitionRefused(reason)
        return super().move(instance, target, user, comment)


class Nomination(Submission):
    """A citizen's proposal of a person or group for the year's call (Vorschlag)."""

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        GROUP = "group", "Gruppe"

    class Status(models.TextChoices):
        OPEN = "open", "Offen"
        MEDAL = "medal", "Medaille"
        LETTER = "letter", "Dankesbrief"
        NONE = "none", "Keine Ehrung"
        MERGED = "merged", "Zusammengeführt"

    call = models.ForeignKey(
        Call, verbose_name="Aufruf", on_delete=models.PROTECT, related_name="nominations"
    )
    reference = models.CharField(
        "Aktenzeichen", max_length=20, unique=True, default=new_reference, editable=False
    )
    award_date = models.DateField(
        "Verleihung am", editable=False, help_text="Vom Aufruf; Beginn der Löschfrist."
    )
    nominee_name = models.CharField("Name der vorgeschlagenen Person/Gruppe", max_length=200)
    nominee_kind = models.CharField("Art", max_length=10, choices=Kind.choices)
    nominee_contact = models.CharField(
        "Kontakt der/des Vorgeschlagenen", max_length=300, blank=True
    )
    field_of_engagement = models.CharField(
        "Engagementbereich", max_length=40, choices=FIELD_CHOICES
    )
    reasons = models.TextField("Begründung", max_length=5000)
    nominee_active_in_bitburg = models.BooleanField("Vorgeschlagene sind in Bitburg aktiv")
    nominator_in_bitburg = models.BooleanField("Vorschlagende wohnen oder wirken in Bitburg")
    nominator_name = models.CharField("Name der vorschlagenden Person", max_length=200)
    nominator_phone = models.CharField("Telefon", max_length=40, blank=True)
    relation = models.CharField("Beziehung zur/zum Vorgeschlagenen", max_length=200)
    not_self_nomination = models.BooleanField("Kein Selbstvorschlag (bestätigt)")

    status = models.CharField("Entscheidung", max_length=10, choices=Status.choices, default="open")
    decided_at = models.DateTimeField("Entschieden am", null=True, blank=True, editable=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="Zusammengeführt mit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        editable=False,
    )
    carried_over_from = models.PositiveSmallIntegerField(
        "Übernommen aus dem Aufruf", null=True, blank=True, editable=False
    )
    nominator_informed_at = models.DateTimeField(
        "Vorschlagende informiert am", null=True, blank=True, editable=False
    )
    publication_consent_on = models.DateField(
        "Einwilligung in die Veröffentlichung am",
        null=True,
        blank=True,
        editable=False,
        help_text="Erst nach dem Gespräch mit den Geehrten eintragen (mit dem Hinweis nach "
        "Art. 14 DSGVO). Ohne Datum wird nichts veröffentlicht.",
    )
    laudation = models.TextField(
        "Kurze Laudatio (öffentlich)", max_length=1000, blank=True, editable=False
    )

    transitions = NominationTransitions(
        "status",
        Transition(Status.OPEN, Status.MEDAL, [CHAIR], "Medaille", stamp="decided_at"),
        Transition(Status.OPEN, Status.LETTER, [CHAIR], "Dankesbrief", stamp="decided_at"),
        Transition(Status.OPEN, Status.NONE, [CHAIR], "Keine Ehrung", stamp="decided_at"),
        Transition(Status.OPEN, Status.MERGED, [CHAIR], "Zusammenführen", stamp="decided_at"),
    )
    personal_data = PersonalData(
        purpose="Vorschläge für die Ehrenamtsmedaille der Stadt Bitburg prüfen, durch die "
        "Jury entscheiden, Urkunden und Dankesbriefe erstellen und – mit Einwilligung der "
        "Geehrten – die Geehrten veröffentlichen",
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung der Vorschlagenden und der "
        "Geehrten); Art. 6 Abs. 1 lit. e DSGVO (Ehrung durch die Stadt)",
        subjects="Vorschlagende; vorgeschlagene Personen und Gruppen",
        fields=[
            "email",
            "nominator_name",
            "nominator_phone",
            "relation",
            "nominee_contact",
            "reasons",
        ],
        email_field="email",
        third_parties={"nominee_contact": ["nominee_name", "nominee_contact", "reasons"]},
        # The jury's votes and notes are about the nominee (their Art. 15 export has them).
        related=["votes"],
        related_about="nominee_contact",
        retention=[
            Retention(
                "award_date",
                months=12,
                where=~Q(status__in=["medal", "letter"], publication_consent_on__isnull=False),
                key="decided",
                description="{months} Monate nach der Verleihung gelöscht",
            ),
            Retention(
                "award_date",
                months=12,
                where=Q(status__in=["medal", "letter"], publication_consent_on__isnull=False),
                action="anonymise",
                key="published",
                description="Veröffentlichte Geehrte: {months} Monate nach der Verleihung bleiben "
                "nur Name, Art, Engagementbereich und Laudatio",
            ),
            Retention(
                "submitted_at",
                hours=48,
                where=Q(confirmed_at__isnull=True),
                description="unbestätigt: 48 Stunden nach Eingang gelöscht",
            ),
        ],
        access=GroupAccess(JURY, CHAIR),
        # Jurors read and vote; renaming a nominee or shortening reasons would bypass the
        # duplicate and consecutive-year rules, deleting would lose a proposal.
        change_access=CHAIR_ACCESS,
        delete_access=CHAIR_ACCESS,
        listed=["reference", "field_of_engagement", "submitted_at"],
    )
    letters = (
        Letter(
            key="ehrenamtsmedaille.certificate",
            title="Urkunde Ehrenamtsmedaille",
            placeholders=LETTER_PLACEHOLDERS,
            values=lambda nomination: nomination.letter_values(),
            subject="Urkunde",
            allows=chair_letter("medal"),
            body=(
                "Die Stadt Bitburg verleiht\n\n{name}\n\ndie Ehrenamtsmedaille {year} "
                "der Stadt Bitburg\n\nin Anerkennung und Würdigung des herausragenden "
                "ehrenamtlichen Engagements im Bereich {field}.\n\nBitburg, den {date}\n\n"
                "Bürgermeisterin / Bürgermeister der Stadt Bitburg"
            ),
        ),
        Letter(
            key="ehrenamtsmedaille.thank_you",
            title="Dankesbrief der Bürgermeisterin / des Bürgermeisters",
            placeholders=LETTER_PLACEHOLDERS,
            values=lambda nomination: nomination.letter_values(),
            subject="Herzlichen Dank für Ihr Engagement",
            allows=chair_letter("letter"),
            body=(
                "Für Ihr ehrenamtliches Engagement im Bereich {field} danke ich Ihnen, {name}, "
                "im Namen der Stadt Bitburg von Herzen. Menschen wie Sie machen unsere Stadt "
                "lebenswert.\n\nBitburg, den {date}\n\nMit herzlichen Grüßen\n\n"
                "Bürgermeisterin / Bürgermeister der Stadt Bitburg"
            ),
        ),
        Letter(
            key="ehrenamtsmedaille.art14_notice",
            title="Datenschutzhinweis für Geehrte (Art. 14 DSGVO)",
            placeholders=LETTER_PLACEHOLDERS,
            values=lambda nomination: nomination.letter_values(),
            subject="Ihre Daten im Verfahren der Ehrenamtsmedaille {year}",
            allows=chair_letter("medal", "letter"),
            body=(
                "Guten Tag {name},\n\njemand hat Sie für die Ehrenamtsmedaille {year} der "
                "Stadt Bitburg vorgeschlagen. Dafür speichert die Stadt Bitburg (Verantwortliche, "
                "Rathausplatz 1, 54634 Bitburg) Ihren Namen, Ihren Kontakt, den "
                "Engagementbereich ({field}) und die Begründung des Vorschlags. Die Daten "
                "stammen von der vorschlagenden Person; die Jury der Ehrenamtsmedaille "
                "entscheidet mit ihnen über die Ehrung (Art. 6 Abs. 1 lit. e DSGVO).\n\n"
                "Veröffentlicht wird Ihr Name nur, wenn Sie einwilligen. Zwölf Monate nach der "
                "Verleihung am {date} löschen wir die Daten; mit Ihrer Einwilligung bleiben Name, "
                "Engagementbereich und eine kurze Laudatio veröffentlicht.\n\nSie haben das "
                "Recht auf Auskunft, Berichtigung, Löschung, Einschränkung und Widerspruch sowie "
                "auf Beschwerde bei der Aufsichtsbehörde (Landesbeauftragter für den Datenschutz "
                "Rheinland-Pfalz).\n\nMit freundlichen Grüßen\nStadt Bitburg"
            ),
        ),
    )

    class Meta(Submission.Meta):
        verbose_name = "Vorschlag Ehrenamtsmedaille"
        verbose_name_plural = "Vorschläge Ehrenamtsmedaille"

    def __str__(self):
        return f"Vorschlag {self.reference}"

    def save(self, *args, **kwargs):
        if self.award_date is None and self.call_id:
            self.award_date = self.call.award_date
        super().save(*args, **kwargs)

    @property
    def person_key(self) -> str:
        return rules.same_person_key(self.nominee_name)

    def letter_values(self) -> dict:
        return {
            "name": self.nominee_name,
            "field": self.field_of_engagement,
            "date": german_date(self.award_date),
            "year": str(self.call.year),
        }


class Vote(models.Model):
    """One juror's private vote on one nomination; others see it once they voted themselves."""

    class Choice(models.TextChoices):
        MEDAL = "medal", "Medaille"
        LETTER = "letter", "Dankesbrief"
        NONE = "none", "Keine Ehrung"

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    juror = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Jurorin / Juror", on_delete=models.CASCADE
    )
    choice = models.CharField("Stimme", max_length=10, choices=Choice.choices)
    note = models.TextField("Anmerkung", max_length=2000, blank=True)
    cast_at = models.DateTimeField("Abgegeben am", default=timezone.now)

    class Meta:
        verbose_name = "Stimme"
        verbose_name_plural = "Stimmen"
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror"], name="one_vote_per_juror")
        ]

    def __str__(self):
        return f"Stimme zu {self.nomination}"
