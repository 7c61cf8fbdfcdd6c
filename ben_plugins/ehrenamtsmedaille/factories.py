"""Test factories of this plugin's models, found by the BEN CMS test suite (the plugin
contract covers every model with personal data through them)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Call, Nomination

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
