"""Events of the network (seed 000 and chapter 4.3 of the strategy).

What takes place is from the seeds (a monthly open meeting, the biennial Vereinsfest, the
state volunteer day 2024 in Bitburg, the steering group's meetings and its workshop). The
dates, weekdays, times and places are INVENTED DEMO DATA.

"parent" is the slug of the club whose page holds the event, or None for the calendar
(EventIndexPage); "organiser" is a club slug.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from .stream import rich_text

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


INDEX = {
    "slug": "veranstaltungen",
    "title": "Veranstaltungen",
    "show_in_menus": True,
    "intro": "Termine der Vereine, Initiativen und Einrichtungen im Bitburger Engagement Netz.",
}

TOWN_HALL = {
    "location_name": "Rathaus Bitburg, Sitzungssaal",
    "street": "Rathausplatz 1",
    "latitude": Decimal("49.974700"),
    "longitude": Decimal("6.525000"),
}

EVENT_DEFAULTS = {
    "end": None,
    "all_day": False,
    "recurrence_rule": "",
    "exception_dates": [],
    "postal_code": "54634",
    "city": "Bitburg",
    "price": "kostenlos",
    "registration_url": "",
    "accessibility": "",
}

_EVENT_FIELDS = [
    {
        "slug": "offener-treff-fuer-ehrenamtliche",
        "parent": "ehrenamtsagentur-bitburg",
        "organiser": "ehrenamtsagentur-bitburg",
        "title": "Offener Treff für Ehrenamtliche und Interessierte",
        "start": berlin(2026, 1, 6, 18, 0),
        "end": berlin(2026, 1, 6, 20, 0),
        "recurrence_rule": "FREQ=MONTHLY;BYDAY=1TU",
        # Summer break in August (demo data).
        "exception_dates": [{"date": dt.date(2026, 8, 4)}],
        "description": rich_text(
            """
            Die Engagierte Stadt Bitburg bietet in Zusammenarbeit mit der Ehrenamtsagentur einen
            monatlichen Termin als offenen Treff für Ehrenamtliche und Interessierte an: zum
            Kennenlernen, für Fragen rund ums Ehrenamt und zum Austausch über Ideen.
            """
        ),
        "categories": ["engagementfoerderung"],
        "target_groups": ["ehrenamtliche", "interessierte"],
        "accessibility": "Barrierefreier Zugang über den Seiteneingang, Aufzug vorhanden.",
        **TOWN_HALL,
    },
    {
        "slug": "sitzung-steuerungsgruppe",
        "parent": "engagierte-stadt-bitburg",
        "organiser": "engagierte-stadt-bitburg",
        "title": "Sitzung der Steuerungsgruppe Engagierte Stadt Bitburg",
        "start": berlin(2026, 1, 14, 18, 30),
        "end": berlin(2026, 1, 14, 20, 30),
        "recurrence_rule": "FREQ=MONTHLY;INTERVAL=3;BYDAY=2WE",
        "description": rich_text(
            """
            Die Steuerungsgruppe, in der auch Vertreter der politischen Parteien mitarbeiten,
            trifft sich mehrmals jährlich, um sich über Ideen zur Weiterentwicklung in der
            Engagierten Stadt sowie über weitere Handlungsfelder auszutauschen und diese zu
            besprechen.
            """
        ),
        "categories": ["engagementfoerderung"],
        "target_groups": ["vereine"],
        **TOWN_HALL,
    },
    {
        "slug": "workshop-engagierte-stadt-weiterentwickeln",
        "parent": None,
        "organiser": "engagierte-stadt-bitburg",
        "title": "Workshop: Die Engagierte Stadt Bitburg weiterentwickeln",
        "start": berlin(2026, 3, 14, 10, 0),
        "end": berlin(2026, 3, 14, 16, 0),
        "description": rich_text(
            """
            Mit externer Prozessbegleitung durch das Bundesnetz der Engagierten Städte arbeitet die
            Steuerungsgruppe an ihren Zielen: den Bekanntheitsgrad der Engagierten Stadt steigern,
            die politischen Parteien stärker einbinden, die Rahmenbedingungen für Engagement
            weiterentwickeln und weitere Kooperationspartner gewinnen. Interessierte, Vereine und
            Gruppen sind zur Mitarbeit eingeladen.
            """
        ),
        "categories": ["engagementfoerderung"],
        "target_groups": ["vereine", "ehrenamtliche", "interessierte"],
        "registration_url": "https://www.bitburger-engagement-netz.de",
        "location_name": "Haus der Jugend Bitburg",
        "street": "Am Spittel 3",
        "latitude": Decimal("49.972100"),
        "longitude": Decimal("6.529800"),
    },
    {
        "slug": "vereinsfest-bitburg-engagiert-sich",
        "parent": None,
        "organiser": "engagierte-stadt-bitburg",
        "title": "Vereinsfest „Bitburg engagiert sich“",
        "start": berlin(2026, 9, 12, 11, 0),
        "end": berlin(2026, 9, 12, 18, 0),
        # Every two years, on the second Saturday in September (the day is demo data).
        "recurrence_rule": "FREQ=YEARLY;INTERVAL=2;BYMONTH=9;BYDAY=2SA",
        "description": rich_text(
            """
            Das Fest „Bitburg engagiert sich“ würdigt alle Engagierten und Ehrenamtlichen der Stadt
            gleichermaßen und findet alle zwei Jahre statt. Ein abwechslungsreiches Programm mit
            vielfachen Informations- und Mitmachangeboten macht die Vielfalt des Engagements
            sichtbar und regt den Austausch zwischen Vereinen, Ehrenamtlichen, Einrichtungen und
            Wirtschaft an.
            """,
            """
            Einladende sind der Bürgermeister und die Verantwortlichen in der Engagierten Stadt;
            die Vorbereitung übernimmt eine ehrenamtliche Planungsgruppe unter Federführung der
            Engagierten Stadt Bitburg.
            """,
        ),
        "categories": ["engagementfoerderung", "kultur"],
        "target_groups": ["alle-buergerinnen", "ehrenamtliche", "vereine", "familien"],
        "location_name": "Beda-Platz",
        "street": "Beda-Platz",
        "latitude": Decimal("49.975100"),
        "longitude": Decimal("6.524100"),
        "accessibility": "Ebenerdiges Festgelände, barrierefreie Toiletten.",
    },
    {
        "slug": "landesweiter-ehrenamtstag-2024",
        "parent": None,
        "organiser": "stadt-bitburg",
        "title": "Landesweiter Ehrenamtstag Rheinland-Pfalz 2024 in Bitburg",
        "start": berlin(2024, 9, 1, 0, 0),
        "all_day": True,
        "description": rich_text(
            """
            Durch die Ausrichtung des landesweiten Ehrenamtstages rückt die Stadt Bitburg in den
            Fokus von ehrenamtlichem Engagement: Vereine und Organisationen präsentieren ihre
            Arbeit einem großen Publikum aus dem gesamten Bundesland.
            """
        ),
        "categories": ["engagementfoerderung"],
        "target_groups": ["alle-buergerinnen", "ehrenamtliche", "vereine"],
        "location_name": "Innenstadt Bitburg",
        "street": "",
        "latitude": Decimal("49.974700"),
        "longitude": Decimal("6.525000"),
    },
]

EVENTS = [{**EVENT_DEFAULTS, **fields} for fields in _EVENT_FIELDS]
