"""Volunteer opportunities and training offers of the clubs.

The services exist according to the seeds (the senior driving service, the refugee support
working group, information on insurance and data protection for volunteers); tasks, times,
dates, places and contacts are INVENTED DEMO DATA.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from cms.snippets.models import VolunteerOpportunity

from .stream import rich_text

BERLIN = ZoneInfo("Europe/Berlin")
Commitment = VolunteerOpportunity.Commitment

OPPORTUNITIES = [
    {
        "slug": "fahrerinnen-seniorenfahrdienst",
        "club": "elisabeth-konferenz",
        "title": "Fahrer*innen für den Seniorenfahrdienst",
        "description": rich_text(
            """
            Der ehrenamtliche Fahrdienst für Senioren in Trägerschaft der Elisabeth-Konferenz der
            Pfarreiengemeinschaft Bitburg bringt ältere Menschen, die nicht mehr selbst fahren
            können, zu Arztterminen, zum Einkaufen oder zum Gottesdienst.
            """
        ),
        "tasks": (
            "Senior*innen zu Hause abholen, zum Ziel fahren und bei Bedarf begleiten; "
            "Fahrten mit der Koordination absprechen."
        ),
        "time_commitment": "nach Absprache, etwa 2 bis 4 Stunden pro Woche",
        "commitment_type": Commitment.REGULAR,
        "target_groups": ["seniorinnen"],
        "categories": ["senioren", "soziales"],
        "skills": "Führerschein Klasse B, Zuverlässigkeit, Freude am Umgang mit älteren Menschen",
        "languages": ["de"],
        "location_name": "Bitburg und Stadtteile",
        "postal_code": "54634",
        "city": "Bitburg",
        "contact_name": "Koordination Seniorenfahrdienst",
        "contact_email": "fahrdienst@example.org",
        "review_by": dt.date(2027, 6, 30),
    },
    {
        "slug": "begleitung-gefluechteter-familien",
        "club": "initiative-solidarische-welt",
        "title": "Begleitung geflüchteter Familien im Alltag",
        "description": rich_text(
            """
            Die Arbeitsgruppe zur Unterstützung von Flüchtlingen in Trägerschaft der Initiative
            Bitburg für eine solidarische Welt sucht Menschen, die Familien beim Ankommen in
            Bitburg zur Seite stehen.
            """
        ),
        "tasks": (
            "Begleitung zu Behörden und Ärzten, Hilfe bei Formularen, gemeinsames Deutschüben."
        ),
        "time_commitment": "etwa 2 Stunden pro Woche",
        "commitment_type": Commitment.REGULAR,
        "target_groups": ["gefluechtete", "familien"],
        "categories": ["migration-integration"],
        "skills": "Geduld und Offenheit; Englisch-, Französisch- oder Arabischkenntnisse helfen",
        "languages": ["de", "en", "fr", "ar"],
        "location_name": "Bitburg",
        "postal_code": "54634",
        "city": "Bitburg",
        "contact_name": "Arbeitsgruppe Flüchtlingshilfe",
        "contact_email": "solidarische-welt@example.org",
        "review_by": dt.date(2027, 3, 31),
    },
]

TRAININGS = [
    {
        "slug": "versicherungsschutz-und-datenschutz-im-ehrenamt",
        "club": "ehrenamtsagentur-bitburg",
        "title": "Versicherungsschutz und Datenschutz im Ehrenamt",
        "description": rich_text(
            """
            Allgemeine Informationen über ehrenamtliches Engagement, zum Versicherungsschutz und
            der Datenschutzgrundverordnung: Was Vereine und Ehrenamtliche wissen sollten – mit Zeit
            für Fragen aus der Praxis.
            """
        ),
        "start": dt.datetime(2026, 4, 21, 18, 0, tzinfo=BERLIN),
        "end": dt.datetime(2026, 4, 21, 20, 30, tzinfo=BERLIN),
        "location_name": "Volkshochschule Bitburg",
        "street": "Schulstraße 10",
        "postal_code": "54634",
        "city": "Bitburg",
        "latitude": Decimal("49.973600"),
        "longitude": Decimal("6.526900"),
        "trainer": "Team der Ehrenamtsagentur",
        "costs": "kostenlos",
        "max_participants": 25,
        "registration_url": "https://www.bitburger-engagement-netz.de",
        "target_groups": ["ehrenamtliche", "vereine"],
        "categories": ["bildung", "engagementfoerderung"],
    },
]
