"""Letters as PDFs: admin-edited texts with named placeholders only, no outside URLs
(issue 13.5)."""

import io
import os
import subprocess
import sys

import pytest
from ben_example_plugin.models import TopicSuggestion

from ben_plugins.core.letters.models import LetterTemplate
from ben_plugins.core.letters.pdf import LETTERHEAD_URL, UrlRefused
from ben_plugins.core.letters.placeholders import fill, problems
from ben_plugins.core.personal_data.models import AccessLogEntry
from tests.ben_plugins.core import records_fixtures
from tests.ben_plugins.core.records_fixtures import suggestion

team_member = records_fixtures.team_member
outsider = records_fixtures.outsider
PLACEHOLDERS = {"name": "Name", "topic": "Thema"}
ADD_URL = "/admin/ben_letter_templates/new/"


def require_pango():
    """WeasyPrint needs Debian's pango: skipped without it, except in CI, where it must be."""
    try:
        import weasyprint  # noqa: F401
    except OSError as error:
        message = (
            "PDF tests need Debian's pango (apt-get install -y libpango-1.0-0 "
            f"libpangoft2-1.0-0): {error}"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Hallo {passwort}", "Unbekannter Platzhalter {passwort}. Erlaubt: {name}, {topic}."),
        ("{name.__class__}", "Unbekannter Platzhalter {name.__class__}"),
        ("{name[0]}", "Unbekannter Platzhalter {name[0]}"),
        ("{}", "Unbekannter Platzhalter {}"),
        ("{name!r}", "Platzhalter ohne Formatangaben schreiben: {name}."),
        ("{name:>40}", "Platzhalter ohne Formatangaben schreiben: {name}."),
        ("Klammer { offen", "Geschweifte Klammern passen nicht zusammen."),
    ],
)
def test_only_known_plain_placeholders_are_accepted(text, message):
    assert any(message in problem for problem in problems(text, PLACEHOLDERS))
    with pytest.raises(ValueError):
        fill(text, PLACEHOLDERS, {"name": "x"})


def test_values_are_filled_in_verbatim_and_never_expanded_again():
    text = fill("Guten Tag {name}, {{Thema}}: {topic}", PLACEHOLDERS, {"name": "{topic}"})

    assert text == "Guten Tag {topic}, {Thema}: "


@pytest.mark.django_db
def test_the_admin_refuses_unknown_placeholders_with_a_form_error(admin_client):
    response = admin_client.post(
        ADD_URL,
        {
            "key": "example.confirmation",
            "letterhead": "Stadt Bitburg",
            "subject": "Vorschlag {topic}",
            "body": "Guten Tag {name}, Ihr Passwort: {password}",
        },
    )

    assert response.status_code == 200
    assert "Unbekannter Platzhalter {password}." in response.content.decode()
    assert not LetterTemplate.objects.exists()


@pytest.mark.django_db
def test_letter_templates_are_for_administrators_only(client, team_member):
    client.force_login(team_member)

    assert client.get(ADD_URL).status_code in {302, 403}
    assert client.get("/admin/ben_letter_templates/").status_code in {302, 403}


def test_the_fetcher_refuses_files_and_the_network_and_serves_the_letterhead():
    require_pango()
    from ben_plugins.core.letters.pdf import restricted_fetcher

    fetcher = restricted_fetcher()
    for url in ["file:///etc/passwd", "http://example.org/a.png", "https://127.0.0.1/x.css"]:
        with pytest.raises(UrlRefused):
            fetcher(url)
    assert b"<svg" in fetcher(LETTERHEAD_URL).read()
    assert fetcher("data:text/plain;base64,SGFsbG8=").read() == b"Hallo"


def test_a_pdf_does_not_load_what_its_html_points_to(monkeypatch, tmp_path):
    require_pango()
    from ben_plugins.core.letters import pdf

    asked = []
    fetcher = pdf.restricted_fetcher()
    original = type(fetcher).fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(type(fetcher), "fetch", spy)
    monkeypatch.setattr(pdf, "restricted_fetcher", lambda: fetcher)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not an image")

    content = pdf.html_to_pdf(
        f'<link rel="stylesheet" href="http://example.org/x.css"><img src="{secret.as_uri()}">'
        f'<img src="{LETTERHEAD_URL}"><p>Grüße</p>'
    )

    assert content.startswith(b"%PDF")
    assert set(asked) == {"http://example.org/x.css", secret.as_uri(), LETTERHEAD_URL}


@pytest.mark.django_db
def test_a_letter_is_a_valid_pdf_with_umlauts_and_its_making_is_logged(client, team_member):
    require_pango()
    record = suggestion(name="Jürgen Größe-Weiß", topic="Übungsleiterpauschale")
    client.force_login(team_member)

    response = client.get(
        f"/admin/example/topicsuggestion/letter/{record.pk}/?letter=example.confirmation"
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Guten Tag Jürgen Größe-Weiß" in text
    assert "Ihr Themenvorschlag „Übungsleiterpauschale“" in text
    assert "Mit freundlichen Grüßen" in text
    assert "Stadt Bitburg · Ehrenamtsagentur" in text
    assert AccessLogEntry.objects.get().action == "letter"


@pytest.mark.django_db
def test_an_administrators_text_is_used_and_outsiders_get_no_letter(client, team_member, outsider):
    require_pango()
    LetterTemplate.objects.create(
        key="example.confirmation",
        letterhead="Stadt Bitburg\nBürgerbüro",
        subject="Danke für „{topic}“",
        body="Liebe/r {name},\n\nwir prüfen Ihren Vorschlag.",
    )
    record = suggestion()
    url = f"/admin/example/topicsuggestion/letter/{record.pk}/?letter=example.confirmation"
    client.force_login(team_member)

    text = pdf_text(client.get(url).content)

    assert "Danke für „Ehrenamt und Steuern“" in text
    assert "Liebe/r Petra Müller" in text
    assert "Bürgerbüro" in text
    assert client.get(url.replace("example.confirmation", "unbekannt")).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_the_cms_starts_without_importing_weasyprint():
    code = (
        "import sys, django; django.setup(); "
        "from django.urls import resolve; resolve('/admin/'); "
        "import ben_plugins.core.letters.rendering; "
        "print('weasyprint' in sys.modules)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )

    assert result.stdout.strip().endswith("False")


def test_the_example_plugin_declares_its_letter():
    assert [letter.key for letter in TopicSuggestion.letters] == ["example.confirmation"]


@pytest.mark.django_db
def test_a_letters_own_rule_refuses_it_with_403_and_hides_its_link(
    client, team_member, monkeypatch
):
    import dataclasses

    [letter] = TopicSuggestion.letters
    refused = dataclasses.replace(letter, allows=lambda record, user: record.topic == "Anderes")
    monkeypatch.setattr(TopicSuggestion, "letters", (refused,))
    record = suggestion()
    client.force_login(team_member)

    url = f"/admin/example/topicsuggestion/letter/{record.pk}/?letter=example.confirmation"
    assert client.get(url).status_code == 403
    page = client.get(f"/admin/example/topicsuggestion/inspect/{record.pk}/").content.decode()
    assert "letter=example.confirmation" not in page
    assert not AccessLogEntry.objects.filter(action="letter").exists()
