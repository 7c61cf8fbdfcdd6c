"""The pages the law requires of a public body's website, linked from every page's footer:
Impressum (§ 5 DDG, § 18 MStV), Datenschutzerklärung (Art. 13 DSGVO) and Erklärung zur
Barrierefreiheit (§ 12b BGG, BITV 2.0; in Rheinland-Pfalz § 9 LGGBehM).

Only the city can supply names, addresses, the data protection officer and the enforcement
body: such passages are marked "[Von der Stadt zu ergänzen: …]" for the city to complete.
What is stated about the website itself (what it stores, how it was tested) is true of BEN.
"""

from html import escape

from .stream import clean


def placeholder(what: str) -> str:
    return f"[Von der Stadt zu ergänzen: {what}]"


def html(*blocks: tuple[str, str]) -> str:
    """Rich text from (tag, text) pairs; "ul" takes items separated by "|"."""
    parts = []
    for tag, text in blocks:
        if tag == "ul":
            items = "".join(
                f"<li>{escape(clean(item), quote=False)}</li>" for item in text.split("|")
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<{tag}>{escape(clean(text), quote=False)}</{tag}>")
    return "".join(parts)


IMPRESSUM = {
    "slug": "impressum",
    "title": "Impressum",
    "body": html(
        ("h2", "Anbieter"),
        (
            "p",
            "Das Bitburger Engagement Netz (BEN) ist ein Angebot der Stadt Bitburg, "
            "Engagierte Stadt Bitburg.",
        ),
        ("p", placeholder("Anschrift der Stadtverwaltung Bitburg (Straße, PLZ, Ort)")),
        ("p", placeholder("Vertretungsberechtigte Person (Bürgermeister*in)")),
        ("h2", "Kontakt"),
        ("p", placeholder("Telefon, E-Mail-Adresse und Kontaktformular der Stadtverwaltung")),
        ("h2", "Umsatzsteuer-Identifikationsnummer"),
        ("p", placeholder("USt-IdNr. nach § 27a UStG, falls vorhanden")),
        ("h2", "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        ("p", placeholder("Name und Anschrift der redaktionell verantwortlichen Person")),
        ("h2", "Inhalte der Vereine und Einrichtungen"),
        (
            "p",
            "Vereine, Initiativen und Einrichtungen stellen ihre Seiten, Veranstaltungen, "
            "Neuigkeiten und Engagementangebote selbst ein. Jeder Beitrag wird vor der "
            "Veröffentlichung von der Redaktion der Engagierten Stadt Bitburg geprüft.",
        ),
    ),
}

DATENSCHUTZ = {
    "slug": "datenschutz",
    "title": "Datenschutzerklärung",
    "body": html(
        ("h2", "Verantwortliche Stelle"),
        ("p", "Verantwortlich für die Datenverarbeitung auf dieser Website ist die Stadt Bitburg."),
        ("p", placeholder("Anschrift und Kontaktdaten der Stadtverwaltung Bitburg")),
        ("h2", "Datenschutzbeauftragte Person"),
        (
            "p",
            placeholder("Name und Kontaktdaten der oder des behördlichen Datenschutzbeauftragten"),
        ),
        ("h2", "Besuch dieser Website"),
        (
            "p",
            "Beim Aufruf einer Seite verarbeitet der Server technisch notwendige Angaben "
            "(IP-Adresse, Zeitpunkt, aufgerufene Adresse, Browserkennung), um die Seite "
            "auszuliefern und ihre Sicherheit zu gewährleisten (Art. 6 Abs. 1 lit. e DSGVO).",
        ),
        ("p", placeholder("Speicherdauer der Server-Protokolle")),
        (
            "p",
            "Die öffentlichen Seiten setzen keine Cookies, laden keine Schriften, Skripte oder "
            "Inhalte von fremden Servern und verwenden keine Analyse- oder Werbedienste.",
        ),
        ("h2", "Kontaktaufnahme und Formulare"),
        (
            "p",
            "Wer uns über ein Formular oder per E-Mail schreibt, dessen Angaben verarbeiten wir, "
            "um die Anfrage zu bearbeiten, und nur so lange, wie es dafür nötig ist.",
        ),
        ("p", placeholder("Zwecke, Rechtsgrundlagen und Speicherfristen der einzelnen Formulare")),
        ("h2", "Ihre Rechte"),
        (
            "ul",
            "Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)|"
            "Berichtigung (Art. 16 DSGVO) und Löschung (Art. 17 DSGVO)|"
            "Einschränkung der Verarbeitung (Art. 18 DSGVO)|"
            "Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)|"
            "Beschwerde bei der Aufsichtsbehörde: dem Landesbeauftragten für den Datenschutz "
            "und die Informationsfreiheit Rheinland-Pfalz",
        ),
    ),
}

BARRIEREFREIHEIT = {
    "slug": "barrierefreiheit",
    "title": "Erklärung zur Barrierefreiheit",
    "body": html(
        (
            "p",
            "Die Stadt Bitburg ist bemüht, das Bitburger Engagement Netz im Einklang mit den "
            "Bestimmungen des Landesgesetzes zur Gleichstellung, Inklusion und Teilhabe von "
            "Menschen mit Behinderungen sowie der Barrierefreie-Informationstechnik-Verordnung "
            "(BITV 2.0) barrierefrei zugänglich zu machen.",
        ),
        ("h2", "Stand der Vereinbarkeit mit den Anforderungen"),
        (
            "p",
            "Diese Website ist mit den Anforderungen der WCAG 2.1 auf Stufe AA weitgehend "
            "vereinbar. Jede öffentliche Seitenart wird bei jeder Änderung der Software "
            "automatisch mit axe-core in einem Browser geprüft, auch in 360 Pixel Breite.",
        ),
        (
            "p",
            placeholder("Ergebnis einer Prüfung durch Fachleute (Selbstbewertung oder BITV-Test)"),
        ),
        ("h2", "Nicht barrierefreie Inhalte"),
        (
            "p",
            "Beiträge, die Vereine selbst einstellen (Bilder, Dokumente), können Mängel haben, "
            "etwa fehlende Bildbeschreibungen oder nicht barrierefreie PDF-Dateien.",
        ),
        ("p", placeholder("bekannte Mängel, ihre Begründung und barrierefreie Alternativen")),
        ("h2", "Erstellung dieser Erklärung"),
        ("p", placeholder("Datum der Erstellung und der letzten Überprüfung dieser Erklärung")),
        ("h2", "Feedback und Kontakt"),
        (
            "p",
            "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen? Dann "
            "können Sie sich an uns wenden.",
        ),
        ("p", placeholder("Kontaktstelle für Barrierefreiheit (Anschrift, Telefon, E-Mail)")),
        ("h2", "Durchsetzungsverfahren"),
        (
            "p",
            "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie "
            "sich an die Durchsetzungsstelle wenden.",
        ),
        (
            "p",
            placeholder(
                "Name und Anschrift der zuständigen Durchsetzungsstelle in Rheinland-Pfalz"
            ),
        ),
    ),
}

PAGES = [IMPRESSUM, DATENSCHUTZ, BARRIEREFREIHEIT]
