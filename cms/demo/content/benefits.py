"""The Ehrenamtskarte Rheinland-Pfalz in Bitburg and its benefit partners (seed 001, 4.3).

Card texts and the German discount texts are verbatim from the strategy ("Stand
01.01.2020", including its "aus VHS-Kurse"); the English texts are translations. Addresses
and coordinates of the partners are INVENTED DEMO DATA.
"""

import datetime as dt
from decimal import Decimal

from cms.pages.models import BenefitPartnerPage

from .stream import clean, rich_text

Category = BenefitPartnerPage.Category

CARD_INTRO = [
    """
    Mit dem Gemeinschaftsprojekt „Ehrenamtskarte Rheinland-Pfalz“ würdigen das Land Rheinland-Pfalz
    und die sich beteiligenden Kommunen das Engagement ihrer Bürger*innen.
    """,
    """
    Die Stadt Bitburg hat die landesweite Ehrenamtskarte Rheinland-Pfalz eingeführt und würdigt das
    ehrenamtliche und freiwillige Engagement der Bürgerinnen und Bürger mit einer sichtbaren
    Anerkennung, jenseits von Preisen und Auszeichnungen. Für die Engagierten bedeutet die
    Ehrenamtskarte Vergünstigungen und praktische Nutzen.
    """,
]

CARD_OUTRO = """
    Es wird um weitere Kooperationspartner, die Vergünstigungen für Besitzer*innen von
    Ehrenamtskarten anbieten, geworben. Mit der Karte können darüber hinaus bestimmte öffentliche,
    gemeinnützige und private Einrichtungen in ganz Rheinland-Pfalz vergünstigt genutzt werden.
    """

# The strategy prefixes it with "Ausstellungskriterien:"; the card page shows it under that heading.
CARD_CRITERIA = """
    Wer sich mehr als fünf Stunden wöchentlich bzw. 250 Stunden im Jahr ohne
    pauschale Aufwandsentschädigung ehrenamtlich in der Stadt Bitburg engagiert, oder sich
    andernorts in diesem Rahmen engagiert, aber in der Stadt Bitburg wohnt, kann die Ehrenamtskarte
    bei der Stadtverwaltung beantragen. Das Antragsformular zur Ausstellung wird zum Herunterladen
    auf den Webseiten der Stadt Bitburg sowie der Seite www.bitburger-engagement-netz.de und der
    Staatskanzlei unter www.wir-tun-was.de zur Verfügung gestellt. Die Ehrenamtskarte ist
    landesweit gültig und wird auf zwei Jahre ausgestellt.
    """

DISCOUNTS_INTRO = (
    "Vergünstigungen, die Inhaber*innen der Ehrenamtskarte in der Stadt Bitburg "
    "(Stand 01.01.2020) in Anspruch nehmen können:"
)

INDEX = {
    "slug": "ehrenamtskarte",
    "title": "Ehrenamtskarte Rheinland-Pfalz",
    "show_in_menus": True,
    "intro": rich_text(*CARD_INTRO, CARD_OUTRO),
    "card_criteria": rich_text(CARD_CRITERIA),
}

PARTNER_DEFAULTS = {
    "conditions": "Gegen Vorlage der gültigen Ehrenamtskarte Rheinland-Pfalz.",
    "valid_from": dt.date(2020, 1, 1),
    "postal_code": "54634",
    "city": "Bitburg",
}

# Titles are the partner names exactly as the strategy lists them.
_PARTNER_FIELDS = [
    {
        "slug": "cascade",
        "title": "Cascade",
        "category": Category.HEALTH,
        "discount_de": "beim Kauf einer Karte, eine Karte gratis dazu",
        "discount_en": "buy one ticket, get a second ticket free",
        "description": rich_text("Hallen- und Freibad der Stadt Bitburg."),
        "street": "Talweg 2",
        "latitude": Decimal("49.968400"),
        "longitude": Decimal("6.519300"),
    },
    {
        "slug": "eissporthalle",
        "title": "Eissporthalle",
        "category": Category.HEALTH,
        "discount_de": "beim Kauf einer Karte, eine Karte gratis dazu",
        "discount_en": "buy one ticket, get a second ticket free",
        "description": rich_text(
            "Eissporthalle Bitburg: öffentlicher Eislauf in der Wintersaison."
        ),
        "street": "Talweg 4",
        "latitude": Decimal("49.968900"),
        "longitude": Decimal("6.518100"),
    },
    {
        "slug": "volkshochschule",
        "title": "Volkshochschule",
        "category": Category.CULTURE,
        "discount_de": "25 % Rabatt aus VHS-Kurse",
        "discount_en": "25 % discount on adult education (VHS) courses",
        "description": rich_text("Kurse der Volkshochschule Bitburg."),
        "street": "Schulstraße 10",
        "latitude": Decimal("49.973600"),
        "longitude": Decimal("6.526900"),
    },
    {
        "slug": "kulturgemeinschaft",
        "title": "Kulturgemeinschaft",
        "category": Category.CULTURE,
        "discount_de": "Eintrittspreise zum Mitgliedertarif",
        "discount_en": "admission at the members' rate",
        "description": rich_text("Veranstaltungen der Kulturgemeinschaft Bitburg."),
        "street": "Am Markt 5",
        "latitude": Decimal("49.974900"),
        "longitude": Decimal("6.525200"),
    },
    {
        "slug": "skala-kino-bitburg",
        "title": "Skala Kino Bitburg",
        "category": Category.CULTURE,
        "discount_de": "Gewährung einer Vergünstigung",
        "discount_en": "a discount is granted",
        "description": rich_text("Kino in Bitburg."),
        "street": "Denkmalstraße 8",
        "latitude": Decimal("49.975800"),
        "longitude": Decimal("6.523400"),
    },
    {
        "slug": "haus-der-jugend",
        "title": "Haus der Jugend",
        "category": Category.LEISURE,
        "discount_de": (
            "10 % Ermäßigung auf Ferienfreizeiten; Mittagstisch House-Café (Montag bis "
            "Mittwoch) zum Preis eines Schülermenüs; kostenloser Verleih von Spielmaterial; "
            "Vergünstigung Kegelbahnmiete"
        ),
        "discount_en": (
            "10 % off holiday camps; lunch at the House-Café (Monday to Wednesday) for the "
            "price of a pupil's meal; free loan of games and play equipment; reduced rent for "
            "the skittle alley"
        ),
        "description": rich_text(
            "Offene Jugendarbeit mit Ferienfreizeiten, House-Café und Kegelbahn."
        ),
        "street": "Am Spittel 3",
        "latitude": Decimal("49.972100"),
        "longitude": Decimal("6.529800"),
    },
    {
        "slug": "bitburger-marken-und-erlebniswelt",
        "title": "Bitburger Marken- und Erlebniswelt",
        "category": Category.LEISURE,
        "discount_de": "reduzierter Eintrittspreis um 2 €",
        "discount_en": "admission reduced by €2",
        "description": rich_text("Besucherzentrum der Bitburger Brauerei."),
        "street": "Brauereistraße 1",
        "latitude": Decimal("49.976700"),
        "longitude": Decimal("6.530500"),
    },
]

PARTNERS = [{**PARTNER_DEFAULTS, **fields} for fields in _PARTNER_FIELDS]

# The list in chapter 4.3 of the strategy, built from the same verbatim texts.
DISCOUNT_LINES = [clean(f"{partner['title']} – {partner['discount_de']}") for partner in PARTNERS]
