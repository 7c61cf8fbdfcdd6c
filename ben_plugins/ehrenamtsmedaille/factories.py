"""Test factories of this plugin's models, found by the BEN CMS test suite (the plugin
contract, docs/plugins.md section 5, covers every model with personal data and every intake
through them)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.factories.users import UserFactory

from .models import Call, Nomination, Vote

BERLIN = ZoneInfo("Europe/Berlin")
REASONS = (
    "Seit zwanzig Jahren trainiert sie ehrenamtlich die Jugendmannschaften, organisiert "
    "Fahrgemeinschaften zu jedem Auswärtsspiel, kümmert sich um die Trikots und hat im letzten "
    "Winter mit anderen Eltern den Vereinsraum renoviert. Ohne ihre Geduld und ihre gute Laune "
    "hätten viele Kinder in Bitburg keinen Ort, an dem sie sich nach der Schule bewegen können."
)


class CallFactory(DjangoModelFactory):
    """A call of ``year``: open from 5 December of the year before to 31 January."""

    year = factory.Sequence(lambda n: 2030 + n)
    opens_at = factory.LazyAttribute(lambda c: datetime(c.year - 1, 12, 5, tzinfo=BERLIN))
    closes_at = factory.LazyAttribute(
        lambda c: datetime(c.year, 2, 1, tzinfo=BERLIN) - timedelta(seconds=1)
    )
    award_date = factory.LazyAttribute(lambda c: date(c.year, 5, 1))
    public_text = "Schlagen Sie Menschen vor, die sich in Bitburg besonders engagieren."

    class Meta:
        model = Call
        django_get_or_create = ("year",)


class NominationFactory(DjangoModelFactory):
    """A confirmed nomination: what the jury sees."""

    call = factory.SubFactory(CallFactory)
    nominee_name = "Jürgen Größ"
    nominee_kind = Nomination.Kind.PERSON
    field_of_engagement = "Feuerwehr und Rettungsdienst"
    reasons = REASONS
    nominee_active_in_bitburg = True
    nominator_in_bitburg = True
    nominator_name = "Käthe Müller"
    email = factory.Sequence(lambda n: f"vorschlag{n}@example.org")
    relation = "Nachbarin"
    not_self_nomination = True
    consent_text = "Ich bin einverstanden."
    consent_version = "1"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Nomination

    @classmethod
    def intake_body(cls) -> dict:
        """A valid JSON body for POST /api/v1/ehrenamtsmedaille/nominations/, with a call
        open now (the next year's, opened a day ago)."""
        now = timezone.now()
        CallFactory(
            year=timezone.localdate().year + 1,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=30),
        )
        return cls.nomination_body()

    @staticmethod
    def nomination_body() -> dict:
        """The body alone, for a call the test opens itself."""
        return {
            "nominee_name": "Jürgen Größ",
            "nominee_kind": "person",
            "nominee_contact": "Hauptstraße 1, 54634 Bitburg",
            "field_of_engagement": "Feuerwehr und Rettungsdienst",
            "reasons": REASONS[:300],
            "nominee_active_in_bitburg": True,
            "nominator_in_bitburg": True,
            "nominator_name": "Käthe Müller",
            "nominator_email": "kaethe.mueller@example.org",
            "nominator_phone": "06561 1234",
            "relation": "Nachbarin",
            "not_self_nomination": True,
            "consent": True,
        }

    @classmethod
    def movable(cls) -> Nomination:
        """A nomination the chair can decide: a juror voted for the medal (the decision
        follows the jury's majority)."""
        nomination = cls()
        Vote.objects.create(nomination=nomination, juror=UserFactory(), choice="medal")
        return nomination
