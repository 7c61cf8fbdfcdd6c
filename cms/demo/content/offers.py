"""Volunteer opportunities and training offers of the clubs.

The services exist according to the seeds (the senior driving service, the refugee support
working group, information on insurance and data protection for volunteers); tasks, times,
dates, places and contacts are INVENTED DEMO DATA, and so are the four further opportunities
(homework help, language café, old-town festival, first-aid service), which give the citizens'
search of /api/v1/opportunities/ something to find: hours, languages, flags, who may help and
places in and around Bitburg.
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
        "hours_per_week": Decimal("3"),
        "suitable_for": ["senioren"],
        "location_name": "Bitburg und Stadtteile",
        "street": "Liebfrauenplatz 2",
        "postal_code": "54634",
        "city": "Bitburg",
        "latitude": Decimal("49.975400"),
        "longitude": Decimal("6.526300"),
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
        "hours_per_week": Decimal("2"),
        "suitable_for": ["familien", "senioren"],
        "accessible": True,
        "location_name": "Bitburg",
        "street": "Hauptstraße 20",
        "postal_code": "54634",
        "city": "Bitburg",
        "latitude": Decimal("49.973900"),
        "longitude": Decimal("6.527100"),
        "contact_name": "Arbeitsgruppe Flüchtlingshilfe",
        "contact_email": "solidarische-welt@example.org",
        "review_by": dt.date(2027, 3, 31),
    },
    {
        "slug": "hausaufgabenhilfe-haus-der-jugend",
        "club": "haus-der-jugend",
        "title": "Hausaufgabenhilfe im Haus der Jugend",
        "description": rich_text(
            """
            Nach der Schule kommen Kinder und Jugendliche ins Haus der Jugend. Wer Geduld hat
            und gern erklärt, hilft ihnen bei den Hausaufgaben – gerne auch als Schülerin oder
            Schüler der Oberstufe oder im Ruhestand.
            """
        ),
        "tasks": "Bei Hausaufgaben helfen, beim Lesen üben, für Klassenarbeiten abfragen.",
        "time_commitment": "ein Nachmittag pro Woche, 14 bis 16 Uhr",
        "commitment_type": Commitment.REGULAR,
        "target_groups": ["kinder", "jugendliche"],
        "categories": ["jugend", "bildung"],
        "skills": "Geduld; Ukrainisch- oder Englischkenntnisse sind willkommen",
        "languages": ["de", "en", "uk"],
        "hours_per_week": Decimal("2"),
        "suitable_for": ["jugendliche", "senioren"],
        "accessible": True,
        "location_name": "Haus der Jugend",
        "street": "Am Spittel 3",
        "postal_code": "54634",
        "city": "Bitburg",
        "latitude": Decimal("49.972100"),
        "longitude": Decimal("6.529800"),
        "contact_name": "Team Haus der Jugend",
        "contact_email": "hdj@example.org",
        "review_by": dt.date(2027, 7, 31),
    },
    {
        "slug": "sprachcafe-speicher",
        "club": "caritasverband-westeifel",
        "title": "Sprachcafé in Speicher: übersetzen und ins Gespräch kommen",
        "description": rich_text(
            """
            Im Sprachcafé treffen sich Zugewanderte und Einheimische zum Gespräch. Gesucht
            werden auch Menschen, die selbst Arabisch, Ukrainisch oder Russisch sprechen und
            beim Übersetzen helfen – dafür braucht es keine Deutschkenntnisse.
            """
        ),
        "tasks": "Gespräche am Tisch begleiten, übersetzen, Getränke vorbereiten.",
        "time_commitment": "jeden Dienstag, 17 bis 18:30 Uhr",
        "commitment_type": Commitment.REGULAR,
        "target_groups": ["gefluechtete"],
        "categories": ["migration-integration"],
        "skills": "Offenheit; jede weitere Sprache hilft",
        "languages": ["de", "en", "ar", "uk", "ru"],
        "hours_per_week": Decimal("1.5"),
        "suitable_for": ["familien", "jugendliche", "senioren"],
        "no_german_needed": True,
        "accessible": True,
        "location_name": "Pfarrheim Speicher",
        "postal_code": "54662",
        "city": "Speicher",
        "latitude": Decimal("49.933000"),
        "longitude": Decimal("6.640000"),
        "contact_name": "Migrationsdienst der Caritas",
        "contact_email": "migration@example.org",
        "review_by": dt.date(2027, 5, 31),
    },
    {
        "slug": "helferinnen-altstadtfest",
        "club": "kulturgemeinschaft-bitburg",
        "title": "Helfer*innen für das Altstadtfest",
        "description": rich_text(
            """
            Für das Altstadtfest sucht die Kulturgemeinschaft Menschen, die an einem Tag mit
            anpacken: beim Aufbau, an der Information oder an der Kinderbühne.
            """
        ),
        "tasks": "Aufbau, Infostand mit Gästen aus Luxemburg und Frankreich, Kinderbühne.",
        "time_commitment": "ein Samstag im Sommer, eine Schicht von 4 Stunden",
        "commitment_type": Commitment.ONE_OFF,
        "target_groups": ["alle-buergerinnen"],
        "categories": ["kultur"],
        "skills": "Freude am Kontakt mit Gästen",
        "languages": ["de", "en", "fr", "lb"],
        "suitable_for": ["familien", "jugendliche"],
        "no_german_needed": True,
        "location_name": "Am Markt",
        "street": "Am Markt 5",
        "postal_code": "54634",
        "city": "Bitburg",
        "latitude": Decimal("49.974900"),
        "longitude": Decimal("6.525200"),
        "contact_name": "Kulturgemeinschaft Bitburg",
        "contact_email": "kultur@example.org",
        "review_by": dt.date(2027, 6, 30),
    },
    {
        "slug": "sanitaetsdienst-westeifel",
        "club": "drk-bitburg",
        "title": "Sanitätsdienst bei Veranstaltungen in Prüm",
        "description": rich_text(
            """
            Der Sanitätsdienst des DRK sichert Sportfeste, Märkte und Konzerte in der
            Westeifel ab. Die Ausbildung zur Sanitäterin oder zum Sanitäter bietet das DRK an.
            """
        ),
        "tasks": "Erste Hilfe bei Veranstaltungen leisten, Material pflegen.",
        "time_commitment": "etwa ein Einsatz im Monat, dazu Übungsabende",
        "commitment_type": Commitment.REGULAR,
        "target_groups": ["alle-buergerinnen"],
        "categories": ["gesundheit"],
        "skills": "Sanitätsausbildung (wird angeboten), ab 16 Jahren",
        "languages": ["de"],
        "hours_per_week": Decimal("4"),
        "suitable_for": ["jugendliche"],
        "location_name": "Prüm und Umgebung",
        "postal_code": "54595",
        "city": "Prüm",
        "latitude": Decimal("50.207000"),
        "longitude": Decimal("6.424000"),
        "contact_name": "Bereitschaftsleitung",
        "contact_email": "drk@example.org",
        "review_by": dt.date(2027, 9, 30),
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
