"""Clubs, initiatives and institutions that the seeds name, as ClubPages.

The descriptions state what the seeds say about each of them. Addresses, coordinates,
contact e-mails (example.org), meeting times and languages are INVENTED DEMO DATA.
The slugs are a contract: other parts of the project (demo accounts, tests) rely on them.
"""

from decimal import Decimal

from cms.pages.models import ClubPage

from .stream import rich_text

Kind = ClubPage.Kind

INDEX = {
    "slug": "vereine",
    "title": "Vereine und Einrichtungen",
    "show_in_menus": True,
    "intro": rich_text(
        """
        Vereine, Initiativen, Kirchengemeinden und Einrichtungen, die im Bitburger Engagement Netz
        zusammenarbeiten.
        """
    ),
}

CLUB_DEFAULTS = {
    "postal_code": "54634",
    "city": "Bitburg",
    "meeting_times": "",
    "languages": ["de"],
    "accessibility": "",
    "founded_year": None,
    "seeks_volunteers": False,
    "contact_person": "",
    "phone": "",
    "website": "",
}

_CLUB_FIELDS = [
    {
        "slug": "engagierte-stadt-bitburg",
        "title": "Engagierte Stadt Bitburg",
        "kind": Kind.INITIATIVE,
        "categories": ["engagementfoerderung"],
        "description": rich_text(
            """
            Die Engagierte Stadt Bitburg ist 2015 entstanden, weil überzeugte Menschen aus
            gemeinnützigen Organisationen, Vereinen, der Kommunalverwaltung und interessierte
            Bürger*innen sich in einem Netzwerk zusammengeschlossen haben. Bitburg wurde im
            bundesweiten Netzwerkprogramm „Engagierte Stadt“ unter 272 Städten als eine von 50
            ausgesucht.
            """,
            """
            Eine Steuerungsgruppe, in der auch Vertreter der politischen Parteien mitarbeiten,
            trifft sich mehrmals jährlich. Die Engagierte Stadt hat die Engagementstrategie für
            Bitburg erarbeitet und gestaltet alle zwei Jahre das Fest „Bitburg engagiert sich“.
            """,
        ),
        "founded_year": 2015,
        "contact_person": "Koordinierung Engagierte Stadt",
        "email": "engagierte-stadt@example.org",
        "website": "https://www.bitburger-engagement-netz.de",
        "street": "Rathausplatz 1",
        "latitude": Decimal("49.974700"),
        "longitude": Decimal("6.525000"),
    },
    {
        "slug": "ehrenamtsagentur-bitburg",
        "title": "Ehrenamtsagentur der Stadt Bitburg",
        "kind": Kind.INSTITUTION,
        "categories": ["engagementfoerderung", "soziales"],
        "description": rich_text(
            """
            Die Ehrenamtsagentur wurde im Netzwerk der Engagierten Stadt Bitburg bei der Stadt
            eingerichtet. Sie ist Anlaufstelle für Bürgerinnen und Bürger, die sich engagieren
            wollen, und stärkt Engagement durch Vermittlung, Begleitung und Qualifikation.
            """,
            """
            Gemeinsam mit der Engagierten Stadt Bitburg bietet die Ehrenamtsagentur einen
            monatlichen offenen Treff für Ehrenamtliche und Interessierte an.
            """,
        ),
        "meeting_times": (
            "Offener Treff für Ehrenamtliche und Interessierte: "
            "jeden ersten Dienstag im Monat, 18:00 bis 20:00 Uhr"
        ),
        "languages": ["de", "en", "fr"],
        "accessibility": "Barrierefreier Zugang über den Seiteneingang, Aufzug vorhanden.",
        "seeks_volunteers": True,
        "contact_person": "Team der Ehrenamtsagentur",
        "email": "ehrenamtsagentur@example.org",
        "website": "https://www.bitburger-engagement-netz.de",
        "street": "Rathausplatz 1",
        "latitude": Decimal("49.974800"),
        "longitude": Decimal("6.525300"),
    },
    {
        "slug": "stadt-bitburg",
        "title": "Stadt Bitburg (Stadtverwaltung)",
        "kind": Kind.INSTITUTION,
        "categories": ["engagementfoerderung"],
        "description": rich_text(
            """
            Die Stadtverwaltung stellt die Ehrenamtskarte Rheinland-Pfalz aus: Wer sich mehr als
            fünf Stunden wöchentlich bzw. 250 Stunden im Jahr ohne pauschale Aufwandsentschädigung
            in der Stadt Bitburg engagiert oder in Bitburg wohnt und sich andernorts in diesem
            Rahmen engagiert, kann sie hier beantragen.
            """,
            """
            Die Stadt Bitburg ist Partnerin im Netzwerkprogramm „Engagierte Stadt“, hat sich um die
            Ausrichtung des landesweiten Ehrenamtstages Rheinland-Pfalz 2024 beworben und führt als
            Auszeichnung für herausragendes Engagement die Stadtmedaille Bitburg ein.
            """,
        ),
        "contact_person": "Bürgerbüro",
        "email": "stadtverwaltung@example.org",
        "street": "Rathausplatz 1",
        "latitude": Decimal("49.974600"),
        "longitude": Decimal("6.524800"),
    },
    {
        "slug": "caritasverband-westeifel",
        "title": "Caritasverband Westeifel e.V.",
        "kind": Kind.INSTITUTION,
        "categories": ["soziales", "kirche", "engagementfoerderung"],
        "description": rich_text(
            """
            Der Caritasverband Westeifel e.V. (Referat Gemeindecaritas/Förderung Ehrenamt) ist
            Kooperationspartner der Stadt Bitburg im Netzwerkprogramm „Engagierte Stadt“. Von 2015
            bis 2020 lag hier die Projektleitung für Bewerbung, Aufbau, Prozesssteuerung,
            Weiterentwicklung, Berichterstattungen und Finanzierung.
            """,
            """
            Die Engagementstrategie für Bitburg ist Ergebnis der engen Zusammenarbeit zwischen der
            Stadt Bitburg, dem Caritasverband Westeifel e.V. und vielen weiteren Netzwerkpartnern.
            Im Arbeitskreis Engagierte Stadt ist der Caritasverband als Kooperationspartner
            vertreten.
            """,
        ),
        "contact_person": "Referat Gemeindecaritas/Förderung Ehrenamt",
        "email": "gemeindecaritas@example.org",
        "street": "Brodenheckstraße 1",
        "latitude": Decimal("49.971900"),
        "longitude": Decimal("6.521500"),
    },
    {
        "slug": "elisabeth-konferenz",
        "title": "Elisabeth-Konferenz der Pfarreiengemeinschaft Bitburg",
        "kind": Kind.PARISH,
        "categories": ["senioren", "kirche", "soziales"],
        "description": rich_text(
            """
            Die Elisabeth-Konferenz der Pfarreiengemeinschaft Bitburg ist Trägerin des
            ehrenamtlichen Fahrdienstes für Senioren, der im Netzwerk der Engagierten Stadt Bitburg
            entstanden ist.
            """
        ),
        "meeting_times": "Fahrdienst nach telefonischer Absprache, Montag bis Freitag",
        "seeks_volunteers": True,
        "contact_person": "Koordination Seniorenfahrdienst",
        "email": "fahrdienst@example.org",
        "street": "Liebfrauenplatz 2",
        "latitude": Decimal("49.975400"),
        "longitude": Decimal("6.526300"),
    },
    {
        "slug": "initiative-solidarische-welt",
        "title": "Initiative Bitburg für eine solidarische Welt",
        "kind": Kind.INITIATIVE,
        "categories": ["migration-integration", "soziales"],
        "description": rich_text(
            """
            Die Initiative Bitburg für eine solidarische Welt ist Trägerin der Arbeitsgruppe zur
            Unterstützung von Flüchtlingen, die im Netzwerk der Engagierten Stadt Bitburg
            entstanden ist.
            """
        ),
        "meeting_times": "Arbeitsgruppe Flüchtlingshilfe: jeden zweiten Donnerstag, 19:00 Uhr",
        "languages": ["de", "en", "fr", "ar"],
        "seeks_volunteers": True,
        "contact_person": "Arbeitsgruppe Flüchtlingshilfe",
        "email": "solidarische-welt@example.org",
        "street": "Hauptstraße 20",
        "latitude": Decimal("49.973900"),
        "longitude": Decimal("6.527100"),
    },
    {
        "slug": "drk-bitburg",
        "title": "Deutsches Rotes Kreuz (DRK) Bitburg",
        "kind": Kind.CLUB,
        "categories": ["gesundheit", "soziales", "senioren"],
        "description": rich_text(
            """
            Das DRK ist im Arbeitskreis Engagierte Stadt Bitburg vertreten, der die Umsetzung der
            Engagementstrategie steuert, berät und unterstützt.
            """
        ),
        "seeks_volunteers": True,
        "contact_person": "Ortsverein Bitburg",
        "email": "drk@example.org",
        "street": "Saarstraße 12",
        "latitude": Decimal("49.970600"),
        "longitude": Decimal("6.528400"),
    },
    {
        "slug": "pflegestuetzpunkt-bitburg",
        "title": "Pflegestützpunkt Bitburg",
        "kind": Kind.INSTITUTION,
        "categories": ["senioren", "gesundheit"],
        "description": rich_text(
            """
            Der Pflegestützpunkt Bitburg ist im Arbeitskreis Engagierte Stadt Bitburg als
            Interessenvertreter der Senioren vertreten.
            """
        ),
        "contact_person": "Pflegeberatung",
        "email": "pflegestuetzpunkt@example.org",
        "street": "Mötscher Straße 5",
        "latitude": Decimal("49.976900"),
        "longitude": Decimal("6.521900"),
    },
    {
        "slug": "haus-der-jugend",
        "title": "Haus der Jugend Bitburg",
        "kind": Kind.INSTITUTION,
        "categories": ["jugend"],
        "description": rich_text(
            """
            Das Haus der Jugend bietet Ferienfreizeiten, einen Mittagstisch im House-Café (Montag
            bis Mittwoch), den Verleih von Spielmaterial und eine Kegelbahn. Als Partner der
            Ehrenamtskarte gewährt es Inhaber*innen Vergünstigungen auf all diese Angebote.
            """
        ),
        "meeting_times": "House-Café: Montag bis Mittwoch mittags",
        "contact_person": "Jugendpflege",
        "email": "hausderjugend@example.org",
        "street": "Am Spittel 3",
        "latitude": Decimal("49.972100"),
        "longitude": Decimal("6.529800"),
    },
    {
        "slug": "volkshochschule-bitburg",
        "title": "Volkshochschule Bitburg",
        "kind": Kind.INSTITUTION,
        "categories": ["bildung"],
        "description": rich_text(
            """
            Die Volkshochschule Bitburg ist Partnerin der Ehrenamtskarte: Inhaber*innen erhalten 25
            % Rabatt auf VHS-Kurse.
            """
        ),
        "contact_person": "VHS-Geschäftsstelle",
        "email": "vhs@example.org",
        "street": "Schulstraße 10",
        "latitude": Decimal("49.973600"),
        "longitude": Decimal("6.526900"),
    },
    {
        "slug": "kulturgemeinschaft-bitburg",
        "title": "Kulturgemeinschaft Bitburg",
        "kind": Kind.CLUB,
        "categories": ["kultur"],
        "description": rich_text(
            """
            Die Kulturgemeinschaft Bitburg ist Partnerin der Ehrenamtskarte: Inhaber*innen zahlen
            Eintrittspreise zum Mitgliedertarif.
            """
        ),
        "contact_person": "Vorstand",
        "email": "kulturgemeinschaft@example.org",
        "street": "Am Markt 5",
        "latitude": Decimal("49.974900"),
        "longitude": Decimal("6.525200"),
    },
]

CLUBS = [{**CLUB_DEFAULTS, **fields} for fields in _CLUB_FIELDS]
