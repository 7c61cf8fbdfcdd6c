"""News items (NewsItem snippets) of the clubs, from the facts of seed 000.

Owned by the clubs named in "club" (a ClubPage slug). Loaded as published revisions.
"""

from .stream import rich_text

INDEX = {
    "slug": "neuigkeiten",
    "title": "Neuigkeiten",
    "show_in_menus": True,
    "intro": rich_text(
        "Neues aus den Vereinen, Initiativen und Einrichtungen im Bitburger Engagement Netz."
    ),
}

NEWS = [
    {
        "slug": "engagementstrategie-politische-zustimmung",
        "club": "engagierte-stadt-bitburg",
        "title": "Politische Zustimmung zur Engagementstrategie für Bitburg",
        "teaser": (
            "Bürger*innen, Vereine, Einrichtungen, Politik und Wirtschaft haben die "
            "Engagementstrategie für Bitburg gemeinsam entwickelt – nun liegt die politische "
            "Zustimmung zur Umsetzung vor."
        ),
        "body": rich_text(
            """
            Die Akteure der Engagierten Stadt Bitburg haben eine Engagementstrategie für Bitburg
            entwickelt. Bürger*innen, Vereine, Einrichtungen, Politik und Wirtschaft waren
            beteiligt. Sehr erfreulich: Inzwischen liegt die politische Zustimmung zur Umsetzung
            vor.
            """,
            """
            Die Strategie ist der gesamtstädtische Handlungsrahmen, der zu einer positiven
            sozialen, demografischen und wirtschaftlichen Entwicklung der Stadt beitragen soll. Sie
            ist hier im Bitburger Engagement Netz Kapitel für Kapitel nachzulesen.
            """,
        ),
        "categories": ["engagementfoerderung"],
    },
    {
        "slug": "monatlicher-offener-treff",
        "club": "ehrenamtsagentur-bitburg",
        "title": "Neu: monatlicher offener Treff für Ehrenamtliche und Interessierte",
        "teaser": (
            "Die Engagierte Stadt Bitburg und die Ehrenamtsagentur laden jeden Monat zu einem "
            "offenen Treff ein."
        ),
        "body": rich_text(
            """
            Die Engagierte Stadt Bitburg bietet in Zusammenarbeit mit der Ehrenamtsagentur einen
            monatlichen Termin als offenen Treff für Ehrenamtliche und Interessierte an. Wer sich
            engagieren möchte oder Fragen rund ums Ehrenamt hat, ist ohne Anmeldung willkommen.
            """
        ),
        "categories": ["engagementfoerderung"],
    },
    {
        "slug": "bewerbung-landesweiter-ehrenamtstag-2024",
        "club": "stadt-bitburg",
        "title": "Bitburg bewirbt sich um den landesweiten Ehrenamtstag 2024",
        "teaser": (
            "Die Stadt Bitburg hat sich um die Ausrichtung des landesweiten Ehrenamtstages in "
            "Rheinland-Pfalz für das Jahr 2024 beworben."
        ),
        "body": rich_text(
            """
            Durch die Ausrichtung eines landesweiten Ehrenamtstages könnte die Stadt Bitburg
            während eines Wochenendes in den Fokus von ehrenamtlichem Engagement gerückt werden,
            und Vereine und Organisationen hätten die Möglichkeit, ihre Arbeit einem großen
            Publikum aus dem gesamten Bundesland zu präsentieren.
            """
        ),
        "categories": ["engagementfoerderung"],
    },
    {
        "slug": "steuerungsgruppe-plant-workshop",
        "club": "engagierte-stadt-bitburg",
        "title": "Steuerungsgruppe plant Workshop mit dem Bundesnetz der Engagierten Städte",
        "teaser": (
            "Bekanntheit steigern, Parteien einbinden, neue Partner gewinnen: Die Ziele der "
            "Steuerungsgruppe werden in einem Workshop angegangen."
        ),
        "body": rich_text(
            """
            Die Steuerungsgruppe der Engagierten Stadt Bitburg hat das Ziel, weiterhin am
            Bekanntheitsgrad der Engagierten Stadt zu arbeiten und die Leistungen sichtbarer zu
            machen. Ferner sollen die politischen Parteien stärker als bisher eingebunden, die
            Rahmenbedingungen für Engagement weiterentwickelt sowie Interessierte, Vereine und
            Gruppen als weitere Kooperationspartner zur Mitarbeit im Netzwerk motiviert werden.
            """,
            """
            Einig waren sich die Mitglieder darüber, dass diese Ziele mit einem Workshop und
            externer Prozessbegleitung durch das Bundesnetz der Engagierten Städte angegangen
            werden.
            """,
        ),
        "categories": ["engagementfoerderung"],
    },
    {
        "slug": "caritas-kooperationspartner-engagierte-stadt",
        "club": "caritasverband-westeifel",
        "title": "Caritasverband Westeifel: fünf Jahre Kooperationspartner der Engagierten Stadt",
        "teaser": (
            "Von 2015 bis 2020 hat der Caritasverband Westeifel e.V. die Engagierte Stadt Bitburg "
            "als Kooperationspartner begleitet – das Ergebnis ist die Engagementstrategie."
        ),
        "body": rich_text(
            """
            Kooperationspartner der Stadt Bitburg im Netzwerkprogramm Engagierte Stadt wurde der
            Caritasverband Westeifel e.V., Referat Gemeindecaritas/Förderung Ehrenamt. Die
            Engagementstrategie ist Ergebnis von fünfjähriger enger Zusammenarbeit zwischen der
            Stadt Bitburg, dem Caritasverband Westeifel e.V., vielen weiteren Netzwerkpartnern und
            der Beteiligung der Bitburger Bürger*innen.
            """
        ),
        "categories": ["engagementfoerderung", "soziales"],
    },
    {
        "slug": "haus-der-jugend-ehrenamtskarte",
        "club": "haus-der-jugend",
        "title": "Haus der Jugend: Vergünstigungen mit der Ehrenamtskarte",
        "teaser": (
            "Inhaber*innen der Ehrenamtskarte Rheinland-Pfalz erhalten im Haus der Jugend "
            "Ermäßigungen auf Ferienfreizeiten, Mittagstisch und Kegelbahn."
        ),
        "body": rich_text(
            """
            Das Haus der Jugend gewährt Inhaber*innen der Ehrenamtskarte 10 % Ermäßigung auf
            Ferienfreizeiten, den Mittagstisch im House-Café (Montag bis Mittwoch) zum Preis eines
            Schülermenüs, den kostenlosen Verleih von Spielmaterial und eine Vergünstigung bei der
            Kegelbahnmiete.
            """
        ),
        "categories": ["jugend"],
    },
]
