"""The eligibility question and the application: their serializers and the submission type."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ben_plugins.core import tokens
from ben_plugins.core.intake.serializers import IntakeSerializer, StrictSerializer
from ben_plugins.core.intake.service import Consent, Intake
from cms.core import sites
from cms.core.publication import published
from cms.pages.models import ClubPage

from . import eligibility
from .confirmations import start_confirmations
from .models import Allowance, Card, CardApplication, RuleSet
from .notifications import RENEWAL


def not_in_future(value):
    if value > timezone.localdate():
        raise serializers.ValidationError(_("The date must not be in the future."))
    return value


def hours_schema(maximum: int) -> dict:
    return {"type": "number", "minimum": 0, "maximum": maximum, "nullable": True}


class HoursField(serializers.DecimalField):
    """Hours as a JSON number (the issue's examples: ``"hours_per_week": 3``); the HTML form
    sends text, which is fine there."""

    def to_internal_value(self, data):
        wrong_type = isinstance(data, bool) or not isinstance(data, int | float)
        if self.root.context.get("json_types") and wrong_type:
            self.fail("invalid")
        return super().to_internal_value(data)


@extend_schema_field(hours_schema(168))
class WeeklyHoursField(HoursField):
    pass


@extend_schema_field(hours_schema(8760))
class YearlyHoursField(HoursField):
    pass


def club_choices() -> list[tuple[int, str]]:
    """The published clubs, chosen per request (the list changes)."""
    clubs = published(ClubPage.objects.all()).order_by("title").only("pk", "title")
    return [(club.pk, club.title) for club in clubs]


@extend_schema_field({"type": "integer", "minimum": 1, "nullable": True})
class ClubField(serializers.ChoiceField):
    """A published BEN club by id. The choices are read from the database when used (the
    form's select, validation), never when the serializer is built (the OpenAPI schema)."""

    def __init__(self, **kwargs):
        super().__init__(choices=[], **kwargs)

    @property
    def choices(self):
        return dict(club_choices())

    @choices.setter
    def choices(self, value):
        """Ignored: the choices come from the database."""

    def to_internal_value(self, data):
        wrong_type = isinstance(data, bool) or not isinstance(data, int)
        if self.root.context.get("json_types") and wrong_type:
            self.fail("invalid_choice", input=data)
        try:
            club_id = int(data)
        except (TypeError, ValueError):
            self.fail("invalid_choice", input=data)
        if club_id not in self.choices:
            self.fail("invalid_choice", input=data)
        return club_id


class ActivitySerializer(StrictSerializer):
    """One engagement; hours either per week or per year."""

    organisation = serializers.CharField(label="Organisation", max_length=200)
    in_bitburg = serializers.BooleanField(label="Engagement in Bitburg", default=False)
    hours_per_week = WeeklyHoursField(
        label="Stunden pro Woche",
        max_digits=5,
        decimal_places=2,
        min_value=0,
        max_value=168,
        required=False,
        allow_null=True,
    )
    hours_per_year = YearlyHoursField(
        label="Stunden pro Jahr",
        max_digits=6,
        decimal_places=2,
        min_value=0,
        max_value=8760,
        required=False,
        allow_null=True,
    )
    since = serializers.DateField(label="Aktiv seit", validators=[not_in_future])
    allowance = serializers.ChoiceField(
        label="Aufwandsentschädigung", choices=Allowance.choices, default=Allowance.NONE
    )

    def validate(self, attrs):
        given = [
            name for name in ("hours_per_week", "hours_per_year") if attrs.get(name) is not None
        ]
        if len(given) != 1:
            raise serializers.ValidationError(
                {"hours_per_week": [_("Give the hours either per week or per year.")]}
            )
        return attrs


class EligibilitySerializer(StrictSerializer):
    """The question „Do I qualify?“; nothing of it is stored."""

    birth_date = serializers.DateField(label="Geburtsdatum", validators=[not_in_future])
    lives_in_bitburg = serializers.BooleanField(label="Ich wohne in Bitburg", default=False)
    years_of_engagement = serializers.IntegerField(
        label="Jahre ehrenamtlichen Engagements insgesamt",
        min_value=0,
        max_value=100,
        default=0,
    )
    activities = ActivitySerializer(
        label="Ehrenamtliche Tätigkeiten",
        many=True,
        min_length=1,
        max_length=10,
        allow_empty=False,
    )


class EligibilityCheck(Intake):
    """Not a submission (no model, nothing stored): lends the eligibility serializer to the
    HTML form's helpers and to the intake's strict OpenAPI description of bodies."""

    serializer_class = EligibilitySerializer


def club_in_bitburg(club: ClubPage) -> bool:
    """The club's town is Bitburg itself (not „Bitburger Land“ or „Bitburg-Prüm“)."""
    return " ".join(club.city.split()).casefold() == "bitburg"


class ApplicationActivitySerializer(ActivitySerializer):
    """An activity of an application: a BEN club (its contact address gets the confirmation
    request) or another organisation with a contact address."""

    club = ClubField(label="Verein in BEN", required=False, allow_null=True)
    organisation = serializers.CharField(
        label="Andere Organisation", max_length=200, required=False, allow_blank=True
    )
    contact_email = serializers.EmailField(
        label="E-Mail der Organisation", max_length=254, required=False, allow_blank=True
    )
    role = serializers.CharField(label="Ihre Aufgabe", max_length=200)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        club_id = attrs.pop("club", None)
        if club_id:
            club = ClubPage.objects.get(pk=club_id)
            attrs["club"] = club.pk
            attrs["organisation"] = club.title
            attrs["in_bitburg"] = attrs["in_bitburg"] or club_in_bitburg(club)
            if not club.email and not attrs.get("contact_email"):
                raise serializers.ValidationError(
                    {"contact_email": [_("This club has no contact address: please give one.")]}
                )
        else:
            errors = {}
            if not attrs.get("organisation"):
                errors["organisation"] = [_("Choose a club or name the organisation.")]
            if not attrs.get("contact_email"):
                errors["contact_email"] = [
                    _("The organisation's email address is needed for its confirmation.")
                ]
            if errors:
                raise serializers.ValidationError(errors)
        return attrs


class ApplicationSerializer(IntakeSerializer):
    """The application; the eligibility rules run again and their answer is stored with it."""

    first_name = serializers.CharField(label="Vorname", max_length=100)
    last_name = serializers.CharField(label="Nachname", max_length=100)
    birth_date = serializers.DateField(label="Geburtsdatum", validators=[not_in_future])
    street = serializers.CharField(label="Straße und Hausnummer", max_length=200)
    postal_code = serializers.RegexField(
        r"^\d{5}$", label="PLZ", max_length=5, error_messages={"invalid": _("Five digits.")}
    )
    city = serializers.CharField(label="Ort", max_length=100)
    phone = serializers.CharField(label="Telefon", max_length=50, required=False)
    lives_in_bitburg = serializers.BooleanField(label="Ich wohne in Bitburg", default=False)
    years_of_engagement = serializers.IntegerField(
        label="Jahre ehrenamtlichen Engagements insgesamt",
        min_value=0,
        max_value=100,
        default=0,
    )
    card = serializers.ChoiceField(label="Karte", choices=Card.choices)
    kind = serializers.ChoiceField(
        label="Antragsart",
        choices=CardApplication.Kind.choices,
        default=CardApplication.Kind.FIRST,
    )
    activities = ApplicationActivitySerializer(
        label="Ehrenamtliche Tätigkeiten",
        many=True,
        min_length=1,
        max_length=10,
        allow_empty=False,
    )
    renewal_token = serializers.CharField(
        label="Verlängerungslink",
        max_length=100,
        required=False,
        write_only=True,
        help_text="The token of the renewal link in the reminder email (the last part of "
        "/mitmachen/ehrenamtskarte/verlaengern/<token>/). Required for `kind` `renewal`; "
        "used up when the renewal is filed.",
    )

    def validate_renewal(self, attrs):
        """A renewal only with a valid renewal link: it names the card renewed (``renewal_of``)
        and is used up when the application is stored (``CardApplication.save``)."""
        token = attrs.pop("renewal_token", "")
        if not token:
            if attrs.get("kind") == CardApplication.Kind.RENEWAL:
                raise serializers.ValidationError(
                    {"kind": [_("A renewal needs the link from the reminder email.")]}
                )
            return
        try:
            card = tokens.peek(RENEWAL, token)
        except tokens.TokenError:
            raise serializers.ValidationError(
                {"renewal_token": [_("The renewal link is invalid, expired or already used.")]}
            ) from None
        attrs.update(kind=CardApplication.Kind.RENEWAL, renewal_of=card.application)
        attrs["renewal_token"] = token

    def validate_contacts(self, attrs):
        """An organisation confirms the activity, not the applicant: their own address as
        the organisation's is refused."""
        own = attrs.get("email", "").strip().casefold()
        errors = {
            index: {"contact_email": [_("Give the organisation's address, not your own.")]}
            for index, activity in enumerate(attrs.get("activities", []))
            if own and (activity.get("contact_email") or "").strip().casefold() == own
        }
        if errors:
            raise serializers.ValidationError({"activities": errors})

    def validate(self, attrs):
        attrs = super().validate(attrs)
        self.validate_contacts(attrs)
        self.validate_renewal(attrs)
        rules = RuleSet.objects.in_force()
        answer = eligibility.assess(attrs, rules, timezone.localdate())
        attrs.update(
            eligibility_result=answer.result,
            eligibility_card=answer.card or "",
            eligibility_reasons=answer.reasons,
            rule_set=answer.rule_set,
        )
        return attrs


class CardApplicationIntake(Intake):
    model = CardApplication
    serializer_class = ApplicationSerializer
    title = "Ehrenamtskarte beantragen"
    title_en = "Apply for the Ehrenamtskarte"
    consent = Consent(
        version="2026-12-01",
        text_de=(
            "Ich bin einverstanden, dass die Stadt Bitburg meine Angaben speichert, sie von "
            "den genannten Organisationen bestätigen lässt, prüft und an die Staatskanzlei "
            "Rheinland-Pfalz weiterleitet, die die Karte ausstellt. Die Organisationen "
            "erhalten meinen Namen und meine Angaben zur jeweiligen Tätigkeit. Ich kann die "
            "Einwilligung jederzeit widerrufen."
        ),
        text_en=(
            "I agree that the town of Bitburg stores my details, has them confirmed by the "
            "organisations I name, checks them and forwards them to the Staatskanzlei "
            "Rheinland-Pfalz, which issues the card. The organisations receive my name and my "
            "details of the activity concerned. I can withdraw this consent at any time."
        ),
    )

    @classmethod
    def confirmed(cls, submission, request):
        """Confirmed by the applicant: the organisations are asked (with the Art. 14 notice),
        or, for a club's Sammelantrag, the club's confirmation counts at once."""
        start_confirmations(submission, sites.base_url(request))
