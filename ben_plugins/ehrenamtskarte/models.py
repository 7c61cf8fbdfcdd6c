"""Rule sets, applications for the card, organisations' confirmations and issued cards."""

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone

from ben_plugins.core import tokens
from ben_plugins.core.intake.models import Submission
from ben_plugins.core.letters import Letter
from ben_plugins.core.personal_data import GroupAccess, PersonalData, Retention
from ben_plugins.core.transitions import Transition, TransitionRefused, Transitions

from .notifications import RENEWAL, send_rejection

#: The city office that works the applications (and the only group that sees them).
OFFICE = "Ehrenamtskarte-Büro"


#: The state's criteria (the fields' defaults), stored by migration 0002.
STATE_CRITERIA = "Ehrenamtskarte Rheinland-Pfalz (Landeskriterien)"


class RuleSetQuerySet(models.QuerySet):
    def in_force(self, day=None) -> "RuleSet":
        """The rule set valid on ``day`` (today): the latest one whose valid-from has come;
        the state's criteria (unsaved) if none has, so that an answer is always possible."""
        day = day or timezone.localdate()
        found = self.filter(valid_from__lte=day).order_by("-valid_from").first()
        return found or RuleSet(name=STATE_CRITERIA, valid_from=date(2000, 1, 1))


class RuleSet(models.Model):
    """The state's criteria as data: the office adds a new set with a valid-from date when the
    criteria change; every answer names the set it used."""

    name = models.CharField("Bezeichnung", max_length=100, unique=True)
    valid_from = models.DateField("Gültig ab", unique=True)
    min_age = models.PositiveSmallIntegerField(
        "Mindestalter (Jahre)", default=14, validators=[MaxValueValidator(100)]
    )
    min_hours_per_week = models.DecimalField(
        "Mindeststunden pro Woche",
        max_digits=5,
        decimal_places=2,
        default=Decimal(5),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(168)],
    )
    min_hours_per_year = models.DecimalField(
        "Mindeststunden pro Jahr",
        max_digits=6,
        decimal_places=2,
        default=Decimal(250),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(8760)],
    )
    weeks_per_year = models.PositiveSmallIntegerField(
        "Wochen pro Jahr",
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text="Stunden pro Woche zählen so viele Wochen im Jahr (5 h × 50 = 250 h).",
    )
    min_months = models.PositiveSmallIntegerField(
        "Mindestdauer des Engagements (Monate)",
        default=12,
        validators=[MaxValueValidator(120)],
        help_text="Kürzeres Engagement führt nicht zur Ablehnung, sondern zur Einzelprüfung.",
    )
    jubilee_years = models.PositiveSmallIntegerField(
        "Jahre für die Jubiläums-Ehrenamtskarte",
        default=25,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    validity_years = models.PositiveSmallIntegerField(
        "Gültigkeit der Ehrenamtskarte (Jahre)",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )

    objects = RuleSetQuerySet.as_manager()

    class Meta:
        verbose_name = "Regelwerk"
        verbose_name_plural = "Regelwerke"
        ordering = ["-valid_from"]

    def __str__(self):
        return self.name

    def clean(self):
        """Both thresholds are one rule: hours per week × weeks per year = hours per year
        (otherwise the weekly one would never decide anything)."""
        super().clean()
        week, weeks, year = self.min_hours_per_week, self.weeks_per_year, self.min_hours_per_year
        if None not in (week, weeks, year) and week * weeks != year:
            raise ValidationError(
                {
                    "min_hours_per_year": "Muss Mindeststunden pro Woche × Wochen pro Jahr "
                    f"sein ({week.normalize():f} × {weeks} = {(week * weeks).normalize():f})."
                }
            )


class Card(models.TextChoices):
    EHRENAMTSKARTE = "ehrenamtskarte", "Ehrenamtskarte"
    JUBILAEUMSKARTE = "jubilaeumskarte", "Jubiläums-Ehrenamtskarte"


class Allowance(models.TextChoices):
    NONE = "none", "keine"
    EXPENSES = "expenses", "Erstattung tatsächlicher Auslagen"
    FLAT_RATE = "flat_rate", "pauschale Aufwandsentschädigung (z. B. Ehrenamtspauschale)"


class ReferenceCounter(models.Model):
    """The last reference number handed out per year (EAK-2027-0042)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, year: int) -> str:
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            cls.objects.filter(year=year).update(last=F("last") + 1)
            number = cls.objects.select_for_update().get(year=year).last
        return f"EAK-{year}-{number:04d}"


def issue_card(application, comment):
    """„Karte ausgestellt“: needs the card number; sets the validity and keeps a card record."""
    if not application.card_number:
        raise TransitionRefused(
            "Bitte zuerst die Kartennummer eintragen (Bearbeiten), dann „Karte ausgestellt“ wählen."
        )
    issued = application.issued_on or timezone.localdate()
    application.issued_on = issued
    application.valid_until = None
    if application.card == Card.EHRENAMTSKARTE:
        rules = RuleSet.objects.in_force(issued)
        application.valid_until = issued + relativedelta(years=rules.validity_years)
    application.save(update_fields=["issued_on", "valid_until"])
    IssuedCard.objects.create(
        application=application,
        holder_name=f"{application.first_name} {application.last_name}",
        email=application.email,
        card=application.card,
        card_number=application.card_number,
        issued_on=issued,
        valid_until=application.valid_until,
    )


def revoke_organisation_links(application, comment=""):
    """Once an application is closed, the organisations' links (request and reminders) stop
    working: nobody may still answer or read the applicant's details through them."""
    for confirmation in application.confirmations.all():
        tokens.revoke_for(confirmation)


def tell_rejection(application, comment):
    """„abgelehnt“ needs a reason (the comment); the applicant gets it by email."""
    if not comment.strip():
        raise TransitionRefused("Bitte den Grund der Ablehnung als Kommentar angeben.")
    revoke_organisation_links(application)
    send_rejection(application, comment)


class CardApplication(Submission):
    """An application for the Ehrenamtskarte or the Jubiläums-Ehrenamtskarte.

    Taken through the intake (JSON and HTML form, double opt-in) or filed by a club for its
    volunteers (Sammelantrag). The eligibility rules run again on receipt; their answer is
    stored with it. Activities are stored as the applicant gave them; the organisations'
    contact addresses live in ``OrganisationConfirmation`` (one per activity).
    """

    #: Personal data: kept out of Wagtail's reference index (its task reads `objects`).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        RECEIVED = "eingegangen", "eingegangen"
        CONFIRMED = "organisation_bestaetigt", "von Organisation bestätigt"
        CHECKED = "geprueft", "von Stadt geprüft"
        FORWARDED = "weitergeleitet", "an Staatskanzlei weitergeleitet"
        ISSUED = "ausgestellt", "Karte ausgestellt"
        REJECTED = "abgelehnt", "abgelehnt"
        WITHDRAWN = "zurueckgezogen", "zurückgezogen"

    class Kind(models.TextChoices):
        FIRST = "first", "Erstantrag"
        RENEWAL = "renewal", "Verlängerung"

    reference = models.CharField("Aktenzeichen", max_length=20, unique=True, editable=False)
    first_name = models.CharField("Vorname", max_length=100)
    last_name = models.CharField("Nachname", max_length=100)
    birth_date = models.DateField("Geburtsdatum")
    street = models.CharField("Straße und Hausnummer", max_length=200)
    postal_code = models.CharField("PLZ", max_length=10)
    city = models.CharField("Ort", max_length=100)
    phone = models.CharField("Telefon", max_length=50, blank=True)
    lives_in_bitburg = models.BooleanField("Wohnt in Bitburg", default=False)
    years_of_engagement = models.PositiveSmallIntegerField(
        "Jahre ehrenamtlichen Engagements", default=0
    )
    card = models.CharField("Karte", max_length=20, choices=Card.choices)
    kind = models.CharField("Antragsart", max_length=10, choices=Kind.choices, default=Kind.FIRST)
    renewal_of = models.ForeignKey(
        "self",
        verbose_name="Verlängerung von",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="renewals",
        editable=False,
    )
    activities = models.JSONField(
        "Tätigkeiten", default=list, encoder=DjangoJSONEncoder, editable=False
    )
    eligibility_result = models.CharField("Ergebnis der Prüfung", max_length=20, editable=False)
    eligibility_card = models.CharField(
        "Karte laut Prüfung", max_length=20, blank=True, editable=False
    )
    eligibility_reasons = models.JSONField(
        "Gründe der Prüfung", default=list, encoder=DjangoJSONEncoder, editable=False
    )
    rule_set = models.CharField("Regelwerk", max_length=100, editable=False)
    filed_by_club = models.ForeignKey(
        "pages.ClubPage",
        verbose_name="Sammelantrag des Vereins",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    status = models.CharField(
        "Status", max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    card_number = models.CharField("Kartennummer", max_length=40, blank=True)
    issued_on = models.DateField("Ausgestellt am", null=True, blank=True)
    valid_until = models.DateField("Gültig bis", null=True, blank=True, editable=False)
    forwarded_at = models.DateTimeField("Weitergeleitet am", null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(
        "Abgelehnt/zurückgezogen am", null=True, blank=True, editable=False
    )

    #: Before forwarding: the applicant may still withdraw.
    OPEN_STATES = [Status.RECEIVED, Status.CONFIRMED, Status.CHECKED]
    transitions = Transitions(
        "status",
        # Also a system move: the last organisation's link, or a club's Sammelantrag.
        Transition(
            Status.RECEIVED,
            Status.CONFIRMED,
            [OFFICE],
            "Von Organisation bestätigt",
            system=True,
        ),
        Transition(Status.CONFIRMED, Status.CHECKED, [OFFICE], "Von Stadt geprüft"),
        Transition(
            Status.CHECKED,
            Status.FORWARDED,
            [OFFICE],
            "An Staatskanzlei weitergeleitet",
            stamp="forwarded_at",
        ),
        Transition(
            Status.FORWARDED, Status.ISSUED, [OFFICE], "Karte ausgestellt", effect=issue_card
        ),
        Transition(
            [*OPEN_STATES, Status.FORWARDED],
            Status.REJECTED,
            [OFFICE],
            "Ablehnen (Grund als Kommentar)",
            stamp="decided_at",
            effect=tell_rejection,
        ),
        # Only by the applicant's own link (system move), and only until it is forwarded.
        Transition(
            OPEN_STATES,
            Status.WITHDRAWN,
            [],
            "Zurückgezogen",
            stamp="decided_at",
            system=True,
            effect=revoke_organisation_links,
        ),
    )
    personal_data = PersonalData(
        purpose="Anträge auf die Ehrenamtskarte Rheinland-Pfalz prüfen und an die "
        "Staatskanzlei weiterleiten, die Karte aushändigen",
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
        subjects="Antragstellende Ehrenamtliche",
        fields=[
            "email",
            "first_name",
            "last_name",
            "birth_date",
            "street",
            "postal_code",
            "city",
            "phone",
            "activities",
            "eligibility_reasons",
            "card_number",
        ],
        email_field="email",
        retention=[
            Retention(
                "decided_at",
                months=6,
                where=Q(status__in=["abgelehnt", "zurueckgezogen"]),
                key="closed",
                description="{months} Monate nach Ablehnung oder Rücknahme gelöscht",
            ),
            Retention(
                "valid_until",
                months=6,
                where=Q(card="ehrenamtskarte"),
                key="expired",
                description="Ehrenamtskarte: {months} Monate nach Ablauf der Karte gelöscht",
            ),
            Retention(
                "issued_on",
                months=6,
                where=Q(card="jubilaeumskarte", status="ausgestellt"),
                key="jubilee",
                description="Jubiläumskarte: {months} Monate nach Ausstellung gelöscht (die "
                "Kartendaten bleiben unter „Ausgestellte Karten“)",
            ),
            Retention(
                "submitted_at",
                months=24,
                where=Q(
                    status__in=[
                        "eingegangen",
                        "organisation_bestaetigt",
                        "geprueft",
                        "weitergeleitet",
                    ]
                ),
                key="stalled",
                description="nicht abgeschlossen (eingegangen bis weitergeleitet): {months} Monate "
                "nach Eingang gelöscht",
            ),
            Retention(
                "submitted_at",
                hours=48,
                where=Q(confirmed_at__isnull=True),
                description="unbestätigt: 48 Stunden nach Eingang gelöscht",
            ),
        ],
        access=GroupAccess(OFFICE),
        listed=["reference", "card", "kind", "submitted_at"],
        search_fields=["reference", "last_name", "first_name", "confirmations__organisation"],
        list_filter=["card", "confirmations__club", "submitted_at"],
    )
    letters = (
        Letter(
            key="ehrenamtskarte.antrag",
            title="Antrag für die Staatskanzlei",
            placeholders={
                "reference": "Aktenzeichen",
                "card": "Karte",
                "kind": "Erstantrag oder Verlängerung",
                "name": "Vor- und Nachname",
                "birth_date": "Geburtsdatum",
                "address": "Anschrift",
                "email": "E-Mail",
                "phone": "Telefon",
                "activities": "Tätigkeiten mit Bestätigung",
                "received": "Eingangsdatum",
                "eligibility": "Ergebnis der Prüfung",
            },
            values=lambda application: application.letter_values(),
            subject="Antrag auf Ausstellung der {card} – {reference}",
            body=(
                "1. Angaben zur Person\n"
                "Name: {name}\nGeburtsdatum: {birth_date}\nAnschrift: {address}\n"
                "E-Mail: {email}\nTelefon: {phone}\n\n"
                "2. Art des Antrags\n{kind}, eingegangen am {received}\n\n"
                "3. Ehrenamtliche Tätigkeiten (Bestätigung der Organisation)\n{activities}\n\n"
                "4. Prüfung durch die Stadt Bitburg\n{eligibility}\n\n"
                "Die Angaben wurden von der Stadtverwaltung Bitburg geprüft. Wir bitten um "
                "Ausstellung der Karte."
            ),
        ),
    )

    class Meta(Submission.Meta):
        verbose_name = "Antrag auf Ehrenamtskarte"
        verbose_name_plural = "Anträge auf Ehrenamtskarte"

    def __str__(self):
        """The reference only: lists that show it (the confirmations') show no names."""
        return f"Antrag {self.reference}"

    @property
    def renewal_token(self) -> str:
        return getattr(self, "_renewal_token", "")

    @renewal_token.setter
    def renewal_token(self, token: str):
        """The renewal link an application is filed with (set by the intake)."""
        self._renewal_token = token

    def clean(self):
        """Once issued, card number and issue date are on the card record (``IssuedCard``,
        validity, renewal reminder): they no longer change here."""
        super().clean()
        if self.pk is None or self.status != self.Status.ISSUED:
            return
        stored = type(self).all_submissions.filter(pk=self.pk).values("card_number", "issued_on")
        stored = stored.first() or {}
        locked = "Nach „Karte ausgestellt“ nicht mehr änderbar."
        errors = {
            name: locked
            for name in ("card_number", "issued_on")
            if name in stored and getattr(self, name) != stored[name]
        }
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self._state.adding and self.renewal_token:
            # Used up in the transaction that stores the renewal: one renewal per link.
            with transaction.atomic():
                tokens.consume(RENEWAL, self.renewal_token)
                self._renewal_token = ""
                self.save(*args, **kwargs)
            return
        if not self.reference:
            year = timezone.localdate(self.submitted_at or timezone.now()).year
            self.reference = ReferenceCounter.next_reference(year)
        super().save(*args, **kwargs)

    def letter_values(self) -> dict:
        confirmations = {c.index: c for c in self.confirmations.all()}
        lines = []
        for index, activity in enumerate(self.activities):
            hours = (
                f"{activity.get('hours_per_week')} Std./Woche"
                if activity.get("hours_per_week") is not None
                else f"{activity.get('hours_per_year')} Std./Jahr"
            )
            confirmation = confirmations.get(index)
            answer = confirmation.get_status_display() if confirmation else "–"
            lines.append(
                f"{activity.get('organisation')}: {activity.get('role', '')}, {hours}, seit "
                f"{activity.get('since')}, Aufwandsentschädigung: "
                f"{Allowance(activity.get('allowance', 'none')).label}; {answer}"
            )
        return {
            "reference": self.reference,
            "card": self.get_card_display(),
            "kind": self.get_kind_display(),
            "name": f"{self.first_name} {self.last_name}",
            "birth_date": self.birth_date.strftime("%d.%m.%Y"),
            "address": f"{self.street}, {self.postal_code} {self.city}",
            "email": self.email,
            "phone": self.phone or "–",
            "activities": "\n".join(lines),
            "received": timezone.localdate(self.submitted_at).strftime("%d.%m.%Y"),
            "eligibility": f"{self.eligibility_result} (Regelwerk {self.rule_set}): "
            + "; ".join(reason["message"] for reason in self.eligibility_reasons),
        }


class OrganisationConfirmation(models.Model):
    """One activity of an application, to be confirmed by its organisation with a one-time
    link (reminders after 7 and 14 days). The contact address is the organisation's, given by
    the applicant or taken from the club's page: an Art. 14 notice goes with the request."""

    #: Personal data: kept out of Wagtail's reference index (its task reads `objects`).
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "offen", "offen"
        CONFIRMED = "bestaetigt", "bestätigt"
        REJECTED = "abgelehnt", "abgelehnt"

    application = models.ForeignKey(
        CardApplication,
        verbose_name="Antrag",
        on_delete=models.CASCADE,
        related_name="confirmations",
    )
    index = models.PositiveSmallIntegerField("Nr. der Tätigkeit")
    club = models.ForeignKey(
        "pages.ClubPage",
        verbose_name="Verein",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField("Organisation", max_length=200)
    contact_email = models.EmailField("E-Mail der Organisation", blank=True)
    contact_from_applicant = models.BooleanField(
        "Adresse vom Antragsteller angegeben",
        default=False,
        help_text="Nicht die hinterlegte Adresse eines BEN-Vereins: vor der Prüfung "
        "gegebenenfalls nachprüfen, ob sie wirklich zur Organisation gehört.",
    )
    status = models.CharField(
        "Antwort", max_length=12, choices=Status.choices, default=Status.PENDING
    )
    comment = models.TextField("Kommentar der Organisation", blank=True, max_length=2000)
    requested_at = models.DateTimeField("Angefragt am", default=timezone.now)
    reminders_sent = models.PositiveSmallIntegerField("Erinnerungen", default=0)
    answered_at = models.DateTimeField("Beantwortet am", null=True, blank=True)

    personal_data = PersonalData(
        purpose="Die Organisation bestätigt die Angaben einer Antragstellerin / eines "
        "Antragstellers zur Ehrenamtskarte",
        legal_basis="Art. 6 Abs. 1 lit. e DSGVO",
        subjects="Ansprechpersonen der Organisationen",
        fields=["contact_email", "comment"],
        email_field="contact_email",
        retention=Retention(
            "requested_at",
            months=30,
            key="confirmations",
            description="mit dem Antrag gelöscht, spätestens {months} Monate nach der Anfrage",
        ),
        access=GroupAccess(OFFICE),
        listed=[
            "application",
            "organisation",
            "contact_from_applicant",
            "status",
            "requested_at",
            "reminders_sent",
        ],
        search_fields=["organisation", "application__reference"],
        list_filter=["status", "contact_from_applicant", "requested_at"],
    )

    class Meta:
        verbose_name = "Bestätigung der Organisation"
        verbose_name_plural = "Bestätigungen der Organisationen"
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "index"], name="eak_one_per_activity")
        ]

    def __str__(self):
        return f"{self.organisation} zu {self.application.reference}"


class IssuedCard(models.Model):
    """The record of an issued card: what remains of a Jubiläumskarte's application, what the
    renewal reminder and the statistics of valid cards read."""

    #: Personal data: kept out of Wagtail's reference index (its task reads `objects`).
    wagtail_reference_index_ignore = True

    application = models.ForeignKey(
        CardApplication,
        verbose_name="Antrag",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="issued_cards",
    )
    holder_name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail-Adresse")
    card = models.CharField("Karte", max_length=20, choices=Card.choices)
    card_number = models.CharField("Kartennummer", max_length=40)
    issued_on = models.DateField("Ausgestellt am")
    valid_until = models.DateField("Gültig bis", null=True, blank=True)
    renewal_reminded_at = models.DateTimeField("An Verlängerung erinnert am", null=True, blank=True)

    personal_data = PersonalData(
        purpose="Ausgestellte Ehrenamtskarten nachweisen und vor Ablauf an die Verlängerung "
        "erinnern",
        legal_basis="Art. 6 Abs. 1 lit. a DSGVO (Einwilligung im Antrag)",
        subjects="Inhaberinnen und Inhaber der Ehrenamtskarte",
        fields=["holder_name", "email", "card_number"],
        email_field="email",
        retention=Retention(
            "valid_until",
            months=6,
            key="cards",
            description="{months} Monate nach Ablauf gelöscht (Jubiläumskarte: unbefristet)",
        ),
        access=GroupAccess(OFFICE),
        listed=["card", "issued_on", "valid_until"],
        search_fields=["holder_name", "card_number"],
        list_filter=["card", "valid_until"],
    )

    class Meta:
        verbose_name = "Ausgestellte Karte"
        verbose_name_plural = "Ausgestellte Karten"
        ordering = ["-issued_on"]

    def __str__(self):
        return f"{self.get_card_display()} {self.card_number}"
