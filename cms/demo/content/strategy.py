"""The "Engagementstrategie für Bitburg" (seed 001, Stand 20.06.2020), chapter by chapter.

This is the real text of the strategy. Editorial changes against the PDF extraction only:
the page header "Bitburger Engagement Netz - BEN - Engagementstrategie für Bitburg" that
the extraction glued into the text is dropped; paragraphs torn apart by page breaks are
joined; obvious extraction and typing errors are fixed ("Bürer*innen", "Entscheidungprozessen",
"zusätz-liche", "Ak", "bitburg"); the website's navigation stubs ("Klicken Sie auf die
folgenden Schaltfläche …", "… finden Sie hier…") are left out, as their targets are not part
of the seeds. Discount texts of the Ehrenamtskarte are kept verbatim, see benefits.py.

Chapters are dicts with slug, chapter_number, title, lead, body (raw StreamField data) and
children (nested chapters, e.g. 4.1 to 4.4 under 4).
"""

from .benefits import CARD_CRITERIA, CARD_INTRO, CARD_OUTRO, DISCOUNT_LINES, DISCOUNTS_INTRO
from .stream import bullets, clean, heading, paragraph, quote, recommendation, rich_text

INDEX = {
    "slug": "engagementstrategie",
    "title": "Engagementstrategie für Bitburg",
    "show_in_menus": True,
    "intro": rich_text(
        """
        Die Akteure der Engagierten Stadt Bitburg haben eine Engagementstrategie für Bitburg
        entwickelt.
        """,
        """
        Bürger*innen, Vereine, Einrichtungen, Politik und Wirtschaft waren beteiligt. Sehr
        erfreulich: Inzwischen liegt die politische Zustimmung zur Umsetzung vor.
        """,
    ),
}

CHAPTER_1 = {
    "slug": "1-die-idee",
    "chapter_number": "1",
    "title": "Die Idee: Engagement & Bürgerbeteiligung verstärken durch Vernetzung und Kooperation",
    "lead": "",
    "body": [
        bullets(
            [
                "Der demografische Wandel,",
                "das zu beobachtende Auseinanderdriften der Gesellschaft,",
                "die Mobilitätsprobleme in ländlichen Strukturen und",
                "der Zuzug schutzsuchender Menschen aus anderen Ländern",
            ],
            intro=(
                "Die Städte und Gemeinden in Deutschland sind mit "
                "großen Herausforderungen konfrontiert:"
            ),
        ),
        paragraph(
            """
            sind Themen, die sich vor Ort auswirken und frühzeitig nach kommunalen Lösungen
            verlangen. Auch die Stadt Bitburg ist gefordert, den Veränderungen angemessen zu
            begegnen.
            """
        ),
        bullets(
            [
                "Es gibt Ideen und mutige Menschen mit einer großen Bereitschaft zum Engagement.",
                """
                Es hat fachlich gut geschulte Menschen, die sich mit der demografischen
                Entwicklung, Flüchtlingsproblematiken und einer sich abzeichnenden älter und bunter
                werdenden Kreisstadt in einem großen Flächenkreis auseinandersetzen.
                """,
                """
                Es hat Vereine und Kirchengemeinden, die in der Vergangenheit für Rahmen und
                Zusammenhalt des ehrenamtlichen Engagements gesorgt haben.
                """,
            ],
            intro="Bitburg versteht sich dabei als Stadt, die viele Stärken hat:",
        ),
        paragraph(
            """
            Doch auch in ländlichen Regionen verlieren die Kirchen an Bedeutung und damit kommt es
            zum Verlust an Unterstützung durch Engagierte. Und manche Vereine haben erhebliche
            Nachwuchsprobleme.
            """
        ),
        paragraph(
            """
            Andererseits entstehen Doppelstrukturen und leere Kassen. Dies ist kontraproduktiv
            angesichts der oben beschriebenen Probleme. Für die Verantwortlichen der Stadt Bitburg
            war dies 2015 ein entscheidendes Kriterium sich für das vom Bundesministerium für
            Familie, Senioren, Frauen und Jugend und von fünf Stiftungen (Bertelsmann Stiftung, die
            BMW Stiftung, der Generali Zukunftsfonds, die Herbert Quandt Stiftung, die
            Körber-Stiftung und Robert Bosch Stiftung) ausgeschriebene Netzwerkprogramm „Engagierte
            Stadt“ zu interessieren. Bewerben konnten sich Städte zwischen 10.000 und 100.000
            Einwohner aus ganz Deutschland, wobei die Kommunen selber keine Bewerbung abgeben
            konnten. Nur in Kooperation mit einem in Netzwerkarbeit und Engagementförderung
            erfahrenen Kooperationspartner hatten Bewerbungen Aussicht auf Erfolg.
            Kooperationspartner der Stadt Bitburg im Netzwerkprogramm Engagierte Stadt wurde der
            Caritasverband Westeifel e.V., Referat Gemeindecaritas/Förderung Ehrenamt. Die
            vorgelegte Engagementstrategie ist Ergebnis von fünfjähriger enger Zusammenarbeit
            zwischen der Stadt Bitburg, dem Caritasverband Westeifel e.V., vielen weiteren
            Netzwerkpartnern und der Partizipation und Beteiligung der Bitburger Bürger*innen.
            """
        ),
        paragraph(
            """
            Mit ihrer Beteiligung wurde die erfolgreiche Bewerbung für das bundesweite
            Netzwerkprogramm Engagierte Stadt geschrieben. Bitburg wurde unter 272 Städten als eine
            von 50 ausgesucht. Gemeinsam, prozess- und ergebnisoffen wird seitdem an den bis 2025
            vereinbarten Visionen und Zielen der Engagierten Stadt Bitburg gearbeitet. Hinter dem
            Namen Engagierte Stadt verbirgt sich ein Paradigmenwechsel in der Förderung des
            Bürgerengagements.
            """
        ),
        paragraph(
            """
            Seit 2015 werden Erfahrungen und Kompetenzen zur Verfügung gestellt mit dem Ziel,
            lokale Kooperationen unterschiedlicher Akteurinnen und Akteure zu fördern, damit diese
            vor Ort zu einer Engagementstrategie aus einem Guss führen. Die Bundesregierung und die
            Stiftungen investierten mehr als drei Millionen Euro, um die Weiterentwicklung von
            Engagementstrukturen in Städten zu stärken.
            """
        ),
        paragraph(
            """
            Das Bundesministerium und die fördernden Stiftungen legten jedoch nicht nur gemeinsam
            Geld in einen Topf, sondern stellen die Marke und die Verwendung des bundesweiten
            Qualitätslogos der Engagierten Stadt zur Verfügung.
            """
        ),
        paragraph(
            """
            Die Bitburger Engagementstrategie ist der gesamtstädtische Handlungsrahmen, der zu
            einer positiven sozialen, demografischen und wirtschaftlichen Entwicklung der Stadt
            beitragen soll.
            """
        ),
        bullets(
            [
                """
                die Bündelung der Ansprechpartner innerhalb der Stadtverwaltung zu einer „Anlauf-,
                Service- und Koordinierungsstelle“,
                """,
                """
                die Bündelung von Fähigkeiten und Leistungen von vielen Kooperations- und
                Mitmachpartnern,
                """,
                "konstruktiv arbeitende Netzwerke,",
                "die Gewinnung von Wirtschaftsunternehmen als Partner und Förderer",
            ],
            intro="Durch",
        ),
        paragraph(
            """
            wird die vorgelegte Bitburger Engagementstrategie zu einem roten Faden und einem
            Handlungsrahmen für alle Beteiligten.
            """
        ),
        quote(
            """
            Die gemeinsame Vision besteht darin, die Stadt Bitburg durch die Engagementstrategie
            noch schöner, smarter, lebenswerter und erfolgreicher zu machen.
            """
        ),
        paragraph(
            """
            Die Stadt Bitburg setzt mit dieser Engagementstrategie auf ihre Stärken, auf Steigerung
            der Attraktivität und auf Partizipationskultur.
            """
        ),
        paragraph(
            """
            Sie wurde in einem breit angelegten Beteiligungs- und Partizipationsprozess
            (öffentliche Einladung und Durchführung einer Zukunftswerkstatt, der Erfassung von
            Interessen von Bürgern, Vereinen, Kommune, Wirtschaft, Politik, Bestandserhebung,
            Abstimmung von Zukunftsvisionen und strategischen Ausrichtungen, Informations- und
            Öffentlichkeitsarbeit, Foren zur Rückmeldung und Interesseneinbringung im
            Entwicklungsprozess der Bitburger Engagementstrategie) erarbeitet.
            """
        ),
        paragraph(
            """
            Auch in Zukunft wird die Stadt Bitburg alle Bürgerinnen und Bürger einladen, sich an
            der Fortentwicklung zu beteiligen. Hierzu bietet die Bitburger Engagementstrategie
            Orientierung und Rahmen.
            """
        ),
    ],
    "children": [],
}

CHAPTER_2 = {
    "slug": "2-grundlagen-und-ziele",
    "chapter_number": "2",
    "title": "Grundlagen & Ziele der Engagementstrategie Bitburg",
    "lead": clean(
        """
        In Bitburg sind sich Politik und Verwaltung der Bedeutung des ehrenamtlichen Engagements
        bewusst und erkennen die Notwendigkeit zur Schaffung einer unterstützenden und fördernden
        Struktur an.
        """
    ),
    "body": [
        bullets(
            [
                "die vorhandenen Angebote und Erfahrungen sowie neue Angebote zu bündeln,",
                "vorhandene Strukturen unterschiedlicher Träger zu vernetzen und zu stärken,",
                """
                Synergieeffekte zu schaffen und für alle Bürgerinnen und Bürger der Stadt Bitburg
                nutzbar zu machen.
                """,
            ],
            intro="Es gilt",
        ),
        paragraph(
            """
            Dabei sollen neue Wege zur Unterstützung des ehrenamtlichen Engagements aufgebaut und
            erfolgreiche Maßnahmen im Stadtgebiet verknüpft und verstetigt werden. In Bitburg sind
            Unternehmen bereits vielfach als Unterstützer und Förderer des ehrenamtlichen
            Engagements tätig.
            """
        ),
        paragraph(
            """
            Hier sollen neue Kooperationsformen auf Augenhöhe geschaffen werden, von denen beide
            Gruppierungen einen Gewinn haben.
            """
        ),
        paragraph("Dabei streben wir folgende Struktur an:"),
        bullets(
            [
                """
                setzt die von allen Akteuren ausgehandelte Engagementstrategie Rahmen, Themen und
                Prioritäten für die städtische Engagemententwicklung
                """,
                "besteht eine zentrale Anlauf-/Kontakt- oder Servicestelle für Engagementförderung",
                """
                kennen Bürgerinnen und Bürger, die sich engagieren wollen, die richtigen
                Anlaufstellen
                """,
                "wird Engagement durch Vermittlung, Begleitung und Qualifikation gestärkt",
                "entstehen lokale Engagementbündnisse für gemeinsame Interessenvertretung",
                """
                arbeiten die unterschiedlichen, Engagement fördernden Einrichtungen abgestimmt
                zusammen
                """,
                "unterstützen Politik und Verwaltung aktiv die Infrastruktur für Engagement",
                "agieren Unternehmer als Partner und Förderer von sozialem Engagement",
                "wirken Bürgerinnen und Bürger aktiv an Entscheidungsprozessen mit",
                """
                ist die zentrale Anlauf-, Kontakt- oder Servicestelle finanziell und personell gut
                ausgestattet
                """,
                """
                wird mit der gemeinsamen unterstützenden Struktur eine gesamtstädtische Vernetzung
                erreicht.
                """,
            ],
            intro="In der Engagierten Stadt Bitburg",
        ),
    ],
    "children": [],
}

CHAPTER_3 = {
    "slug": "3-vereinbarungen",
    "chapter_number": "3",
    "title": "Vereinbarungen zur Realisierung & Umsetzung der Engagementstrategie Bitburg",
    "lead": "",
    "body": [
        paragraph(
            """
            Die Ergebnisse und Evaluationen aus vier Jahren Bürgerbeteiligung und Kooperations- und
            Vernetzungserfahrungen im Netzwerkprogramm Engagierte Stadt, aber auch die gewonnenen
            Erkenntnisse aus zahlreichen Kontakten mit vielen lokalen und überregionalen Akteuren
            im ehrenamtlichen Engagement, führen zum folgenden Schluss:
            """
        ),
        quote(
            """
            Wenn Ehrenamt sich gut und nachhaltig entfalten soll, muss es auf städtischer Ebene
            gesichert werden.
            """
        ),
        paragraph(
            """
            Gemeinsam mit den weiteren Akteuren und Akteursgruppen, die in der Stadt Bitburg in der
            Engagementförderung und im Ehrenamt tätig sind, wird in Kooperation mit diesen eine
            gemeinsame, feste, unterstützende Struktur für die Stadt Bitburg aufgebaut.
            """
        ),
        paragraph(
            """
            Die Struktur wird seit 2015 unter breiter Bürgerbeteiligung im Netzwerkprogramm der
            Engagierten Städte erprobt und weiterentwickelt und soll in eine nachhaltige,
            trägerunabhängige Struktur überführt werden.
            """
        ),
        paragraph(
            """
            Die Handlungsempfehlungen in dieser Engagementstrategie werden i. S. des
            Selbstverständnisses der Engagierten Städte als gemeinsame Aufgabe gesehen. Nur in der
            gleichberechtigten Zusammenarbeit von Zivilgesellschaft, Politik, Verwaltung, sozialen
            Einrichtungen und Unternehmen, die sich alle aktiv einbringen und Angebote und
            Lösungsvorschläge machen (und nicht nur Erwartungen oder Ideen liefern – wenngleich
            beides geschätzt wird) lassen sich komplexe gesellschaftliche Herausforderungen
            bewältigen und die Lebensqualität und Zusammenarbeit vor Ort verbessern. Mit der
            vorgelegten Engagementstrategie wurden verlässliche Rahmenbedingungen für die
            Ehrenamtlichen und die engagierten Bürgerinnen und Bürger in der Stadt Bitburg
            entwickelt. Die oben beschriebenen Erkenntnisse sowie die in der Zukunftswerkstatt zur
            Entwicklung einer Engagementstrategie gesammelten Anregungen und
            Verbesserungsvorschläge finden sich als Handlungsempfehlungen hier wieder.
            """
        ),
        bullets(
            [
                (
                    "Zusammenarbeit und Schnittstellen zwischen Kommune, "
                    "Zivilgesellschaft und Wirtschaft"
                ),
                "Unterstützung des Engagements",
                "Anerkennung und Öffentlichkeitsarbeit für das Engagement",
            ],
            intro=(
                "Die wesentlichen Ideen und Verbesserungsvorschläge "
                "wurden in der Zukunftswerkstatt erarbeitet:"
            ),
        ),
        paragraph("Diese finden sich in den nachstehenden Handlungsempfehlungen wieder."),
    ],
    "children": [],
}

CHAPTER_4_1 = {
    "slug": "4-1-arbeitskreis-engagierte-stadt",
    "chapter_number": "4.1",
    "title": "Arbeitskreis Engagierte Stadt als Steuerungsgruppe „Engagierte Stadt Bitburg“",
    "lead": "",
    "body": [
        paragraph(
            """
            Der wertvolle Austausch im Arbeitskreis „Engagierte Stadt“ zwischen Kommunalverwaltung,
            Politik, Wirtschaft und Zivilgesellschaft soll nach den positiven Erfahrungen während
            der Förderphasen von 2015 bis 2020 fortgeführt werden. Die unterschiedlichen
            Perspektiven der Mitglieder des Arbeitskreises sind dabei von großer Bedeutung. Sie
            ermöglichen einen kontinuierlichen und nachhaltigen Diskurs über die in Bitburg
            anstehenden Herausforderungen und Zukunftsaufgaben. Durch die verschiedenen Blickwinkel
            und Möglichkeiten der Mitglieder können neue Ideen und Lösungsansätze für anstehende
            Fragen entwickelt und Ressourcen aktiviert werden. Die Mitglieder des Arbeitskreises
            sind in der Sache neutral. Sie steuern, beraten und unterstützen die Umsetzung der
            Engagementstrategie.
            """
        ),
        bullets(
            [
                """
                die Ideen, Angebote und Erfahrungen zu sammeln, zu reflektieren und vorhandene
                Strukturen weiterhin zu vernetzen,
                """,
                "Synergieeffekte zu generieren und für alle nutzbar zu machen,",
                """
                neue Wege zur Unterstützung des ehrenamtlichen Engagements zu finden und zu bündeln
                """,
                "Vorschläge zur Verbesserung der Öffentlichkeitsarbeit zu erarbeiten.",
                """
                Der Arbeitskreis ist die strukturelle Schnittstelle zwischen Kommune,
                Bürgerbeteiligung, Einrichtungen, Kirche, Wirtschaft und Politik.
                """,
            ],
            intro="Es gilt",
        ),
        paragraph(
            """
            Er begleitet und reflektiert den Umsetzungsprozess, diskutiert mögliche Innovationen
            und neue Elemente und gibt Empfehlungen für Änderungen in der vorliegenden
            Engagementstrategie.
            """
        ),
        heading("Zusammensetzung des Arbeitskreises Engagierte Stadt Bitburg"),
        bullets(
            [
                "Bürgermeister oder ein ihn vertretendes Mitglied",
                "Koordinierungsperson Engagierte Stadt aus der Stadtverwaltung",
                "Vertreter des Kooperationspartners Caritasverband Westeifel e.V.",
                "Pflegestützpunkt Bitburg als Interessenvertreter der Senioren, DRK",
                "Gleichstellungsbeauftragte der Stadt",
                """
                Vertreter aus der Politik (drei Mitglieder aus in den Stadtrat gewählten Parteien,
                die anderen drei Parteien stellen deren Stellvertreter)
                """,
                "Zwei Mitglieder aus Vereinen/ehrenamtlichen Gruppen bzw. aus der Bürgerschaft",
                "Vertreter der Jugend",
            ],
            intro="Der AK Engagierte Stadt setzt sich wie folgt zusammen:",
        ),
        paragraph(
            """
            Damit die Arbeitsfähigkeit des Arbeitskreises Engagierte Stadt gegeben ist, wird die
            Teilnehmerzahl auf 10 Personen festgelegt. Bei Bedarf kann der AK um Mitglieder ergänzt
            werden. Die Teilnehmerzahl von insgesamt 12 Mitgliedern sollte jedoch nicht
            überschritten werden.
            """
        ),
    ],
    "children": [],
}

CHAPTER_4_2 = {
    "slug": "4-2-anerkennung",
    "chapter_number": "4.2",
    "title": "Anerkennung – der Schlüsselfaktor für eine erfolgreiche Engagementförderung",
    "lead": clean(
        """
        Quer durch alle zielgruppen- und themenbezogenen Veranstaltungen setzen die am
        Diskussionsprozess Beteiligten dieses Thema in der Priorität ganz nach oben.
        """
    ),
    "body": [
        paragraph(
            """
            Den engagierten Bürgerinnen und Bürgern Anerkennung auszusprechen, ist gleichermaßen
            Aufgabe von Verbänden, Organisationen, Vereinen und der Stadt Bitburg. Der Ort der
            Anerkennung ist am besten dort, wo das ehrenamtliche Engagement sichtbar und wirksam
            wird. Die Anerkennung sollte von den Personen ausgesprochen werden, die für den
            Einsatzbereich verantwortlich und in gutem Kontakt mit den Ehrenamtlichen sind. Eine
            Kultur der Anerkennung in den Vereinen und Einrichtungen wird durch Respekt,
            Partizipation und Gestaltungsmöglichkeiten innerhalb der freiwilligen Dienste
            ausgedrückt.
            """
        ),
        bullets(
            [
                "von regelmäßigen Austauschtreffen,",
                "über die Geburtstagskarte,",
                "zu Ehrungen anlässlich von Jubiläen bis hin",
                "zur kostenlosen Teilnahme an Fortbildungen und gemeinsamen Ausflügen.",
            ],
            intro=(
                "In vielen Trägerorganisationen und Vereinen haben sich "
                "so Formen der Anerkennung entwickelt:"
            ),
        ),
    ],
    "children": [],
}

CHAPTER_4_3 = {
    "slug": "4-3-wertschaetzungskultur",
    "chapter_number": "4.3",
    "title": "Wertschätzungskultur stärken",
    "lead": clean(
        """
        Ehrenamtskarte, Dankesbrief, Stadtmedaille, Ehrenamtspreis / Award ausloben, Vereinsfest
        „Bitburg engagiert sich“
        """
    ),
    "body": [
        paragraph(
            """
            Zusätzlich zur Anerkennung und Wertschätzung durch die Vereine, den Trägern und
            Einrichtungen, gibt es in der Stadt Bitburg eine Wertschätzungskultur, die von allen
            Akteur*innen aus Verwaltung, Politik, Wirtschaft und Zivilgesellschaft gemeinsam
            getragen wird.
            """
        ),
        paragraph(
            """
            Die Stadt Bitburg macht das geleistete Engagement sichtbar, bündelt, vernetzt und
            würdigt dieses. Manchmal wird es erforderlich, Vergünstigungen zu gewähren und
            zusätzliche Anerkennung sowie ausdrücklichen Dank durch die Stadt Bitburg für besondere
            Verdienste oder für ehrenamtliche Projekte auszusprechen.
            """
        ),
        heading("Ehrenamtskarte"),
        *(paragraph(text) for text in CARD_INTRO),
        bullets(DISCOUNT_LINES, intro=DISCOUNTS_INTRO),
        paragraph(CARD_OUTRO),
        paragraph(f"Ausstellungskriterien: {CARD_CRITERIA}"),
        heading("Vereinsfest „Bitburg engagiert sich“"),
        paragraph(
            """
            Die Engagierte Stadt Bitburg gestaltet auf Wunsch und in Zusammenarbeit mit Bitburger
            Vereinen, ehrenamtlichen Institutionen, Wirtschaft und weiteren Engagierten das Fest
            „Bitburg engagiert sich“. Dieses Fest, das alle Engagierten und Ehrenamtlichen der
            Stadt gleichermaßen würdigt, findet alle zwei Jahre statt. Diese Regelung stellt das
            gesamtstädtische Engagement stärker in den Vordergrund und wird kooperativ geplant und
            gelebt. Eine gemeinsame Organisation durch Vereine, Verwaltung und Wirtschaft stärkt in
            besonderer Weise die Wertschätzungskultur in der Stadt Bitburg. Mit diesem Fest,
            welches sich an alle Ehrenamtlichen richtet, wird die Vielfalt des Engagements für die
            Öffentlichkeit sichtbar, es regt den Austausch zwischen Vereinen, Ehrenamtlichen,
            Einrichtungen und Wirtschaft an und die gute und große Gemeinschaft in Bitburg wird
            repräsentiert. Ein abwechslungsreiches Programm mit vielfachen Informations- und
            Mitmachangeboten wird den Bürgerinnen und Bürgern sowie weiteren Teilnehmenden geboten.
            Um möglichst viele zum Mitgestalten des Festes „Bitburg engagiert sich“ anzusprechen
            und niemanden auszugrenzen, erfolgt die Einladung über das Bitburger Mitteilungsblatt
            und den bereits vorliegenden Verteiler von Gruppen, Initiativen und Vereinen.
            """
        ),
        paragraph(
            """
            Einladende sind der Bürgermeister und die Verantwortlichen in der Engagierten Stadt.
            Die Vorbereitung, Organisation und die Klärung der Finanzierung übernimmt eine
            ehrenamtliche Planungsgruppe unter Federführung der Engagierten Stadt Bitburg. Angeregt
            wird, dass zukünftig die offizielle Überreichung der Ehrenamtskarte und die Würdigung
            von ehrenamtlichen Projekten oder für sonstiges hervorragendes Engagement beim
            Vereinsfest erfolgen. Diese Ehrungen könnten evtl. auch auf inhaltliche Schwerpunkte
            wie z.B. Gesundheit, Jugend, Senioren, Migration hin erfolgen.
            """
        ),
        paragraph(
            """
            Ergänzend zu der o.a. Präsentationsmöglichkeit kann die Anerkennung dadurch
            unterstrichen werden, dass z.B. dem Projektteam ein Kursangebot, eine Eintrittskarte
            für Cascade oder eine andere auf die Gruppe abgestimmte Anerkennung finanziert wird.
            """
        ),
        heading("Weitere zukünftige Möglichkeiten für Auszeichnungen der Stadt Bitburg"),
        heading("Dankesbrief – Wertschätzungskultur", level="h3"),
        paragraph(
            """
            Verantwortliche von Vereinen sowie Ehrenamtliche aus anderen Diensten oder Projekten
            wünschen sich öfter auch eine Würdigung seitens der Stadt. Für diese Anliegen soll es
            im Einzelfall die Möglichkeit eines Dankesbriefes durch den Bürgermeister geben.
            """
        ),
        paragraph(
            """
            Auch mutige Projekte wie z.B. das Mobilitätsprojekt „Verbindende Nachbarschaft“ sollen
            in besonderer Weise Beachtung und Würdigung erfahren.
            """
        ),
        heading(
            (
                "Auszeichnung der Stadt Bitburg: Stadtmedaille Bitburg "
                "(Ehrenamtspreis der Stadt Bitburg)"
            ),
            level="h3",
        ),
        paragraph(
            """
            Zur Würdigung von herausragendem Engagement einzelner Personen oder Gruppen,
            Initiativen oder Vereinen im Stadtgebiet wird die Stadt Bitburg eine Stadtmedaille
            einführen. Die Auszeichnung erhalten Menschen, die sich durch ihren Dienst am
            Gemeinwesen besonders verdient gemacht haben. Bei dem geehrten Personenkreis handelt es
            sich immer nur um eine Auswahl derer, die persönliches Miteinander und
            Hilfsbereitschaft bei ihrer Tätigkeit obenan stellen. Vorschläge zur Ehrung können von
            Bürger*innen eingereicht werden. Die Entscheidung treffen die kommunalen Gremien. Die
            Ehrung erfolgt einmal während einer Wahlperiode und sollte jeweils das Engagement durch
            eine entsprechende bzw. ansprechende Auszeichnung – vom Arbeitskreis bestellte Jury –
            eines zuvor festgelegten Handlungsbereiches abbilden.
            """
        ),
    ],
    "children": [],
}


CHAPTER_4_4 = {
    "slug": "4-4-erstzugang-und-information",
    "chapter_number": "4.4",
    "title": (
        "Erstzugang unterstützen, Informations-, Beratungs-, Vernetzungs- & "
        "Qualifizierungsangebote sicherstellen"
    ),
    "lead": "",
    "body": [
        paragraph(
            """
            Neben der Anerkennungskultur ist auch ein guter Zugang zu Informationen, Beratung und
            Qualifizierung zum freiwilligen Engagement entscheidend. Dabei gewinnen
            internetgestützte Informationen, Beratung, Gewinnung und Vernetzung von freiwilligem
            Engagement an stetiger Bedeutung. Die Bürgerinnen und Bürger entscheiden für sich,
            wann, wo und wie sie Informationen abrufen. Im Netzwerkprogramm Engagierte Stadt wurde
            dieses Handlungsfeld zum einen über eine Arbeitsgruppe, die ein Online-Portal
            www.im-eifelkreis.de für die Flüchtlings- und Migrationsarbeit für den gesamten
            Landkreis Bitburg-Prüm aufbereitete, bearbeitet und zum anderen wird die Seite
            www.bitburger-engagement-netz.de gemeinsam mit dem Arbeitskreis „Engagierte Stadt
            Bitburg“ aufgebaut und bearbeitet. Damit werden/wurden die entsprechenden
            Internetseiten zum freiwilligen Engagement während des Beteiligungsprozesses zu einem
            Engagement-Portal entwickelt.
            """
        ),
        heading("Internetauftritt „Bitburger-Engagement-Netz“ – Vielfalt für Ehrenamt"),
        paragraph(
            """
            Interessierte Bürgerinnen und Bürger können sich zentral auf der Homepage
            www.bitburger-engagement-netz.de über sämtliche Themen rund um ehrenamtliches
            Engagement informieren und Kontakt aufnehmen. Auf der Internetseite sind Vereine,
            Initiativen, Projekte und Maßnahmen sowie Neuigkeiten zu freiwilligem Engagement und
            Verlinkungen zu anderen Verbänden und Netzwerken eingestellt. Des Weiteren wird über
            Termine und Projekte informiert, aktuelle Nachrichten und Fortbildungsangebote können
            hier platziert werden. Allgemeine Informationen über ehrenamtliches Engagement, zum
            Versicherungsschutz und der Datenschutzgrundverordnung können das breite
            Informationsspektrum abrunden. Auf dieser Internetseite ist auch die
            Engagementstrategie Bitburg zu finden. Nützliche Links zu bundesweiten
            Engagementplattformen bieten weitreichende, zusätzliche Informationen.
            """
        ),
        paragraph(
            """
            Die Homepage wurde im Netzwerkprogramm Engagierte Stadt entwickelt und inhaltlich
            umgesetzt. Sie wird später von der Stadt Bitburg verantwortet und von der
            einzurichtenden „Anlauf-, Service- und Koordinierungsstelle“ mit zusätzlicher
            redaktioneller Unterstützung der kooperierenden Vereine, Einrichtungen, Initiativen
            sowie durch Bürgerinnen und Bürgern aus der Engagierten Stadt administrativ
            weitergeführt und gepflegt. Es liegt im Interesse und der Verantwortung von Vereinen,
            Einrichtungen, Kirchen und Initiativen an der Gestaltung und Qualität der Beratung und
            Vermittlung von Engagement mitzuwirken. Für die am ehrenamtlichen Engagement
            Interessierten überwiegen die Vorteile einer gemeinsamen Datenbank, für die sich die
            Stadt Bitburg im Impressum verantwortlich zeichnen wird.
            """
        ),
    ],
    "children": [],
}


# Chapter 4 has no prose of its own in the strategy; its page gives an overview of the four
# recommendations in their own words (first sentence and instruments of each).
CHAPTER_4 = {
    "slug": "4-handlungsempfehlungen",
    "chapter_number": "4",
    "title": "Handlungsempfehlungen – Instrumente & Maßnahmen",
    "lead": "",
    "body": [
        recommendation(
            "4.1",
            CHAPTER_4_1["title"],
            """
            Der wertvolle Austausch im Arbeitskreis „Engagierte Stadt“ zwischen Kommunalverwaltung,
            Politik, Wirtschaft und Zivilgesellschaft soll nach den positiven Erfahrungen während
            der Förderphasen von 2015 bis 2020 fortgeführt werden.
            """,
            CHAPTER_4_1["body"][1]["value"]["items"][:4],
        ),
        recommendation(
            "4.2",
            CHAPTER_4_2["title"],
            """
            Den engagierten Bürgerinnen und Bürgern Anerkennung auszusprechen, ist gleichermaßen
            Aufgabe von Verbänden, Organisationen, Vereinen und der Stadt Bitburg.
            """,
        ),
        recommendation(
            "4.3",
            CHAPTER_4_3["title"],
            """
            Die Stadt Bitburg macht das geleistete Engagement sichtbar, bündelt, vernetzt und
            würdigt dieses.
            """,
            [
                "Ehrenamtskarte",
                "Dankesbrief",
                "Stadtmedaille",
                "Ehrenamtspreis / Award ausloben",
                "Vereinsfest „Bitburg engagiert sich“",
            ],
        ),
        recommendation(
            "4.4",
            CHAPTER_4_4["title"],
            """
            Neben der Anerkennungskultur ist auch ein guter Zugang zu Informationen, Beratung und
            Qualifizierung zum freiwilligen Engagement entscheidend.
            """,
            ["Internetauftritt „Bitburger-Engagement-Netz“ – Vielfalt für Ehrenamt"],
        ),
    ],
    "children": [CHAPTER_4_1, CHAPTER_4_2, CHAPTER_4_3, CHAPTER_4_4],
}


CHAPTER_5 = {
    "slug": "5-anlauf-service-und-koordinierungsstelle",
    "chapter_number": "5",
    "title": "Anlauf-, Service- & Koordinierungsstelle",
    "lead": "",
    "body": [
        paragraph(
            """
            Es ist politischer Wille in der Stadt Bitburg zeitnah ein Stadtleitbild und
            Stadtmarketing auf den Weg zu bringen. In diesem Zusammenhang werden personelle
            Ressourcen für die Koordinierungsstelle geschaffen.
            """
        ),
    ],
    "children": [],
}

CHAPTER_6 = {
    "slug": "6-zusammenarbeit-aller-akteure",
    "chapter_number": "6",
    "title": (
        "Zusammenarbeit aller Akteure bei der Realisierung & Umsetzung der Engagementstrategie"
    ),
    "lead": "",
    "body": [
        paragraph(
            """
            Die Umsetzung der Engagementstrategie wird als Prozess gesehen, der in wertvoller
            Zusammenarbeit, aktiver Mitarbeit und schrittweise zwischen Stadtverwaltung, Politik,
            Wirtschaft und Bürgerbeteiligung, Vereinen, Initiativen, Kirchen, Einrichtungen usw.
            erfolgen wird. Für partizipative Zusammenarbeit werden verbindliche Regeln festgelegt.
            """
        ),
        heading("Verantwortlich für die Erstellung", level="h3"),
        paragraph(
            """
            Monika Dondelinger, Projektleitung Engagierte Stadt*, Caritasverband Westeifel e.V. –
            Bitburg, den 20.06.2020
            """
        ),
        paragraph(
            """
            *Während der Förderphasen im Netzwerkprogramm hat die Stadt Bitburg mit dem
            Caritasverband Westeifel e.V. eine enge Kooperation vereinbart. Im Caritasverband
            Westeifel e.V. hatte Monika Dondelinger, Fachbereichsleiterin Frauen, Familie und
            Begegnung/ Referat Gemeindecaritas/Förderung Ehrenamt von 2015 bis 2020 die
            verantwortliche Projektleitung für Bewerbung, Aufbau, Prozesssteuerung,
            Weiterentwicklung, Berichterstattungen und Finanzierung.
            """
        ),
    ],
    "children": [],
}


CHAPTERS = [CHAPTER_1, CHAPTER_2, CHAPTER_3, CHAPTER_4, CHAPTER_5, CHAPTER_6]
