"""Test factories of the plugin's models with personal data, found by the BEN CMS test suite
(the plugin contract, docs/plugins.md section 5, reads, moves, exports and expires one record
of each and posts a valid application through the intake)."""

import datetime

import factory
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import STATE_CRITERIA, CardApplication, IssuedCard, OrganisationConfirmation


class CardApplicationFactory(DjangoModelFactory):
    """A confirmed application for the Ehrenamtskarte (what the office sees)."""

    email = factory.Sequence(lambda n: f"antrag{n}@example.org")
    first_name = "Maria"
    last_name = "Hoffmann"
    birth_date = datetime.date(1980, 4, 2)
    street = "Hauptstraße 1"
    postal_code = "54634"
    city = "Bitburg"
    lives_in_bitburg = True
    card = "ehrenamtskarte"
    activities = factory.LazyFunction(
        lambda: [
            {
                "organisation": "DRK Bitburg",
                "in_bitburg": True,
                "hours_per_week": "5",
                "hours_per_year": None,
                "since": "2020-01-01",
                "allowance": "none",
                "role": "Sanitätsdienst",
            }
        ]
    )
    eligibility_result = "eligible"
    eligibility_card = "ehrenamtskarte"
    rule_set = STATE_CRITERIA
    consent_text = "Ich bin einverstanden."
    consent_version = "1"
    submitted_at = factory.LazyFunction(lambda: timezone.now())
    confirmed_at = factory.LazyFunction(lambda: timezone.now())

    class Meta:
        model = CardApplication

    @classmethod
    def intake_body(cls) -> dict:
        """A valid JSON body for POST /api/v1/ehrenamtskarte/applications/: five hours a week
        for three years at an organisation in Bitburg."""
        since = timezone.localdate() - relativedelta(years=3)
        return {
            "email": "maria.hoffmann@example.org",
            "first_name": "Maria",
            "last_name": "Hoffmann",
            "birth_date": "1980-04-02",
            "street": "Hauptstraße 1",
            "postal_code": "54634",
            "city": "Bitburg",
            "phone": "06561 1234",
            "lives_in_bitburg": True,
            "years_of_engagement": 6,
            "card": "ehrenamtskarte",
            "kind": "first",
            "activities": [
                {
                    "organisation": "Tafel Bitburg",
                    "contact_email": "kontakt@tafel-bitburg.example",
                    "role": "Ausgabe",
                    "in_bitburg": True,
                    "hours_per_week": 5,
                    "since": since.isoformat(),
                    "allowance": "none",
                }
            ],
            "consent": True,
        }


class OrganisationConfirmationFactory(DjangoModelFactory):
    application = factory.SubFactory(CardApplicationFactory)
    index = 0
    organisation = "DRK Bitburg"
    contact_email = factory.Sequence(lambda n: f"verein{n}@example.org")

    class Meta:
        model = OrganisationConfirmation


class IssuedCardFactory(DjangoModelFactory):
    application = factory.SubFactory(CardApplicationFactory)
    holder_name = "Maria Hoffmann"
    email = factory.Sequence(lambda n: f"karte{n}@example.org")
    card = "ehrenamtskarte"
    card_number = factory.Sequence(lambda n: f"RP-{n:06d}")
    issued_on = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=730))

    class Meta:
        model = IssuedCard
