"""The home page: the network's self-description (seed 000), verbatim but for "bitburg"."""

from .stream import bullets, paragraph, rich_text

HOME = {
    "slug": "ben",
    "title": "Bitburger Engagement Netz",
    "intro": rich_text(
        """
        Die Engagierte Stadt Bitburg ist 2015 entstanden, weil überzeugte Menschen aus
        gemeinnützigen Organisationen, Vereinen, der Kommunalverwaltung und interessierte
        Bürger*innen sich in einem Netzwerk zusammengeschlossen haben, um an gemeinsamen Zielen zur
        Bewältigung gesellschaftlicher Herausforderungen zu arbeiten und vor Ort gute
        Rahmenbedingungen für bürgerschaftliches Engagement und Beteiligung zu schaffen.
        """
    ),
    "body": [
        bullets(
            [
                "die Online-Plattform des Bitburger-Engagement-Netzes,",
                "die Einrichtung einer Ehrenamtsagentur bei der Stadt,",
                "eine Engagementstrategie für Bitburg,",
                "Bestandserhebung von Vereinen und ehrenamtlichen Initiativen,",
                """
                ein ehrenamtlicher Fahrdienst für Senioren in Trägerschaft der Elisabeth-Konferenz
                der Pfarreiengemeinschaft Bitburg,
                """,
                """
                Arbeitsgruppe zur Unterstützung von Flüchtlingen in Trägerschaft der Initiative
                Bitburg für eine solidarische Welt,
                """,
                "Fest für Ehrenamtliche und Vereine,",
                """
                Entwicklung und Verleihung der Bitburger Ehrenamtsmedaille für außergewöhnliches
                Engagement,
                """,
                "themenbezogene Workshops",
                "und vieles mehr.",
            ],
            intro="""
                In den zurückliegenden sieben Jahren konnte durch die Zusammenarbeit von Vielen so
                Sehenswertes auf die Beine gestellt werden, wie z.B.:
                """,
        ),
        paragraph(
            """
            Eine Steuerungsgruppe, in der auch Vertreter der politischen Parteien mitarbeiten,
            trifft sich mehrmals jährlich, um sich über Ideen zur Weiterentwicklung in der
            Engagierten Stadt sowie über weitere Handlungsfelder auszutauschen und diese zu
            besprechen.
            """
        ),
        paragraph(
            """
            Die Steuerungsgruppe der Engagierten Stadt Bitburg hat das Ziel, weiterhin am
            Bekanntheitsgrad der Engagierten Stadt zu arbeiten und die Leistungen sichtbarer zu
            machen. Ferner sollen die politischen Parteien stärker als bisher eingebunden, die
            Rahmenbedingungen für Engagement weiterentwickelt sowie Interessierte, Vereine und
            Gruppen als weitere Kooperationspartner zur Mitarbeit im Netzwerk der Engagierten Stadt
            motiviert werden.
            """
        ),
        paragraph(
            """
            Einig waren sich die Mitglieder der Steuerungsgruppe darüber, dass die Ziele mit einem
            Workshop und externer Prozessbegleitung durch das Bundesnetz der Engagierten Städte in
            diesem Jahr angegangen werden. Besprochen wurde ferner, dass die Engagierte Stadt
            Bitburg in Zusammenarbeit mit der Ehrenamtsagentur in Zukunft einen monatlichen Termin
            als offenen Treff für Ehrenamtliche und Interessierte anbieten wird, und dass die Stadt
            Bitburg sich um die Ausrichtung des landesweiten Ehrenamtstages in Rheinland-Pfalz für
            das Jahr 2024 beworben hat.
            """
        ),
        paragraph(
            """
            Durch die Ausrichtung eines landesweiten Ehrenamtstages könnte die Stadt Bitburg
            während eines Wochenendes in den Fokus von ehrenamtlichem Engagement gerückt werden,
            und Vereine und Organisationen hätten die Möglichkeit ihre Arbeit einem großen Publikum
            aus dem gesamten Bundesland zu präsentieren.
            """
        ),
        paragraph(
            """
            Weitere Informationen zur Engagierten Stadt Bitburg finden Sie hier auf
            www.bitburger-engagement-netz.de.
            """
        ),
    ],
}
