"""Emails of the intake (ben_plugins.core.mail): queued as background tasks after the
commit, never sent in the request; German or English templates, plain text plus HTML; the
Art. 14 notice to a third party."""

import pytest
from ben_example_plugin.models import TopicSuggestion
from django.core import mail
from django_tasks import task_backends

from ben_plugins.core.mail import send_templated_mail

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
def queue(settings, site_tree):
    """A task backend that only records what is enqueued."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend


def run_queued(queue):
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()


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
    assert "Art. 14" in notice.body and "Stadt Bitburg" in notice.body
    assert "Name und E-Mail-Adresse" in notice.body
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
