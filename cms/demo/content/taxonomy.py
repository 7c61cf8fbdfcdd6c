"""Categories and target groups of the network, as used to tag clubs, events and offers."""


def _term(slug: str, name: str, description: str) -> dict:
    return {"slug": slug, "name": name, "description": description}


CATEGORIES = [
    _term("senioren", "Senioren", "Angebote von und für ältere Menschen, z. B. Fahrdienste."),
    _term("jugend", "Jugend", "Kinder- und Jugendarbeit, Ferienfreizeiten."),
    _term(
        "migration-integration",
        "Migration & Integration",
        "Unterstützung von Geflüchteten und Zugewanderten.",
    ),
    _term("soziales", "Soziales", "Nachbarschaftshilfe, Beratung und soziale Dienste."),
    _term("kultur", "Kultur", "Theater, Konzerte, Kino und Brauchtum."),
    _term("sport", "Sport", "Sportvereine und Bewegungsangebote."),
    _term("bildung", "Bildung", "Kurse, Fortbildungen und Qualifizierung."),
    _term("kirche", "Kirche", "Kirchengemeinden und kirchliche Verbände."),
    _term("gesundheit", "Gesundheit", "Pflege, Erste Hilfe und Gesundheitsförderung."),
    _term("umwelt", "Umwelt", "Natur- und Umweltschutz."),
    _term(
        "engagementfoerderung",
        "Engagementförderung",
        "Beratung, Vermittlung, Anerkennung und Vernetzung von Ehrenamtlichen.",
    ),
]

TARGET_GROUPS = [
    _term("seniorinnen", "Senior*innen", "Ältere Menschen."),
    _term("jugendliche", "Jugendliche", "Junge Menschen von etwa 12 bis 21 Jahren."),
    _term("kinder", "Kinder", "Kinder bis etwa 12 Jahre."),
    _term("familien", "Familien", "Eltern mit Kindern."),
    _term("gefluechtete", "Geflüchtete", "Schutzsuchende Menschen aus anderen Ländern."),
    _term("ehrenamtliche", "Ehrenamtliche", "Menschen, die sich bereits engagieren."),
    _term("interessierte", "Interessierte", "Menschen, die ein Engagement suchen."),
    _term("vereine", "Vereine und Initiativen", "Vorstände und Aktive von Vereinen und Gruppen."),
    _term("alle-buergerinnen", "Alle Bürger*innen", "Offen für alle."),
]
