"""Emails of the intake (ben_plugins.core.mail): queued as background tasks after the
commit, never sent in the request; German or English templates, plain text plus HTML; the
Art. 14 notice to a third party."""

import pytest
from ben_example_plugin.factories import TopicSuggestionFactory
from ben_example_plugin.models import TopicSuggestion
from django.core import mail

from ben_plugins.core import mail as plugin_mail
from ben_plugins.core.mail import send_templated_mail
from tests.conftest import run_queued

from .intake_helpers import (
    committed,
    link_in_last_mail,
    path_of,
    post_form,
    post_json,
    valid_submission,
)

pytestmark = pytest.mark.django_db
SPEAKER = {"speaker_name": "Dr. Erika Berg", "speaker_email": "erika.berg@example.org"}


@pytest.fixture
def queue(site_tree, task_queue):
    return task_queue


def test_the_confirmation_is_queued_not_sent_in_the_request(client, queue):
    response = post_json(client, valid_submission())
    assert response.status_code == 202
    assert mail.outbox == []
    [queued] = queue.results
    assert queued.task.name == send_templated_mail.name
    arguments = repr(queued.kwargs)
    assert "anna.schmitt@example.org" not in arguments  # no personal data in the queue
    assert "Anna" not in arguments
    assert "bestaetigen/" not in arguments  # nor the link's token: the task issues it
    run_queued(queue)
    assert len(mail.outbox) == 1


def test_german_confirmation_with_text_and_html(client, queue):
    post_json(client, valid_submission())
    run_queued(queue)
    [message] = mail.outbox
    assert message.to == ["anna.schmitt@example.org"]
    assert message.subject == "Bitte bestätigen: Thema vorschlagen"
    assert "innerhalb von 48 Stunden" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="de">' in html
    link = link_in_last_mail()
    assert f'href="{link}"' in html


def test_english_confirmation_when_chosen_in_the_form(client, queue):
    post_form(client, valid_submission(consent="on", language="en"))
    run_queued(queue)
    [message] = mail.outbox
    assert message.subject == "Please confirm: Suggest a topic"
    assert "within 48 hours" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_english_confirmation_for_an_english_api_request(client, queue):
    post_json(client, valid_submission(), HTTP_ACCEPT_LANGUAGE="en")
    run_queued(queue)
    assert mail.outbox[0].subject.startswith("Please confirm")


def test_no_email_for_a_submission_deleted_before_the_task_ran(client, queue):
    post_json(client, valid_submission())
    TopicSuggestion.all_submissions.all().delete()
    run_queued(queue)
    assert mail.outbox == []


def test_art14_notice_to_a_named_speaker_after_confirmation(client, queue):
    post_json(client, valid_submission(**SPEAKER))
    run_queued(queue)
    assert [message.to for message in mail.outbox] == [["anna.schmitt@example.org"]]
    committed(client.post, path_of(link_in_last_mail()))
    assert len(mail.outbox) == 1  # queued, not sent in the request
    run_queued(queue)
    notice = mail.outbox[-1]
    assert notice.to == ["erika.berg@example.org"]
    assert notice.subject.startswith("Information zum Datenschutz")
    assert "Art. 14" in notice.body and "Stadt Bitburg, Rathausplatz 1" in notice.body
    assert "Name und E-Mail-Adresse" in notice.body
    assert "Datenschutzerklärung:\nhttp://testserver/datenschutz/" in notice.body
    assert notice.alternatives[0][1] == "text/html"

    objection = path_of(link_in_last_mail(r"https?://\S+/mitmachen/example/widerspruch/\S+/"))
    assert "Widerspruch" in client.get(objection).content.decode()
    assert client.post(objection).status_code == 200
    suggestion = TopicSuggestion.objects.get()
    assert suggestion.speaker_name == suggestion.speaker_email == ""
    assert suggestion.speaker_objected_at is not None
    assert client.post(objection).status_code == 410


def test_no_art14_notice_without_a_third_party(client, queue):
    post_json(client, valid_submission())
    run_queued(queue)
    committed(client.post, path_of(link_in_last_mail()))
    assert queue.results == []


CONTROLLER = "Stadt Musterhausen, Marktplatz 1, 12345 Musterhausen (Bürgermeisterin)"
DECLARED_RETENTION = (
    "12 Monate nach „Entschieden am“ gelöscht; 24 Monate nach Eingang gelöscht; "
    "unbestätigt: 48 Stunden nach Eingang gelöscht"
)
DECLARED_RECIPIENTS = "Gruppe „Vereinsabend-Team“; Administratoren"


def speaker_notice(client, queue):
    """Submit with a named speaker, confirm through the link, run the queue: the notice."""
    post_json(client, valid_submission(**SPEAKER))
    run_queued(queue)
    committed(client.post, path_of(link_in_last_mail()))
    run_queued(queue)
    [notice] = [message for message in mail.outbox if message.to == [SPEAKER["speaker_email"]]]
    return notice


def test_art14_notice_names_everything_article_14_asks_for(client, queue, settings):
    settings.BEN_DATA_CONTROLLER = CONTROLLER
    notice = speaker_notice(client, queue)
    text, html = notice.body, notice.alternatives[0][0]
    for expected in (
        f"Verantwortlich: {CONTROLLER}",  # Art. 14(1)(a)
        "Zweck: Prüfung eines Themenvorschlags",  # (c)
        "Rechtsgrundlage: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",  # (c), declared
        "Welche Daten: Name und E-Mail-Adresse",  # (d)
        f"Wer sie sieht: {DECLARED_RECIPIENTS}",  # (e), declared
        f"Wie lange: {DECLARED_RETENTION}",  # 14(2)(a), as the Art. 30 record says it
        "Woher: Eine Bürgerin oder ein Bürger",  # 14(2)(f)
        "Auskunft (Art. 15)",  # 14(2)(c)
        "Art. 77",  # 14(2)(e)
        "http://testserver/datenschutz/",
    ):
        assert expected in text, expected
    assert "Stadt Bitburg" not in text
    assert "<dt>Rechtsgrundlage</dt><dd>Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)</dd>" in html
    assert "<dt>Wer sie sieht</dt><dd>Gruppe „Vereinsabend-Team“; Administratoren</dd>" in html
    assert '<a href="http://testserver/datenschutz/">Datenschutzerklärung</a>' in html
    assert 'href="http://testserver/"' not in html  # the notice, not the home page


def test_art14_notice_links_a_privacy_notice_elsewhere(client, queue, settings):
    settings.BEN_PRIVACY_URL = "https://www.bitburg.de/datenschutz"
    notice = speaker_notice(client, queue)
    assert "https://www.bitburg.de/datenschutz" in notice.body
    assert '<a href="https://www.bitburg.de/datenschutz">' in notice.alternatives[0][0]


def test_art14_notice_in_english(queue, django_capture_on_commit_callbacks, settings):
    settings.BEN_DATA_CONTROLLER = CONTROLLER
    suggestion = TopicSuggestionFactory(**SPEAKER)
    with django_capture_on_commit_callbacks(execute=True):
        plugin_mail.send_art14_notice(
            suggestion,
            recipient_field="speaker_email",
            base_url="https://ben.example.org",
            purpose="Reviewing a topic suggestion that names you as a speaker.",
            categories="Name and email address",
            source="A citizen, through the form “Suggest a topic”.",
            language="en",
        )
    assert mail.outbox == []
    run_queued(queue)
    [notice] = mail.outbox
    text, html = notice.body, notice.alternatives[0][0]
    assert notice.subject.startswith("Data protection notice")
    for expected in (
        f"Controller: {CONTROLLER}",
        "Purpose: Reviewing a topic suggestion",
        "Legal basis: Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
        "Which data: Name and email address",
        f"Who sees it: {DECLARED_RECIPIENTS}",
        f"How long we keep it: {DECLARED_RETENTION}",
        "Source: A citizen",
        "right of access (Art. 15)",
        "Art. 77",
        "privacy notice:\nhttps://ben.example.org/datenschutz/",
    ):
        assert expected in text, expected
    assert '<html lang="en">' in html
    assert '<a href="https://ben.example.org/datenschutz/">privacy notice</a>' in html
