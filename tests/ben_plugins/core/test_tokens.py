"""One-time links through HTTP (ben_plugins.core.tokens): the confirmation link of a
submission and the example plugin's objection link for a named speaker."""

import base64
from datetime import timedelta
from unittest import mock

import pytest
from ben_example_plugin.intake import SPEAKER_OBJECTION
from ben_example_plugin.models import TopicSuggestion
from django.utils import timezone

from ben_plugins.core import tokens
from ben_plugins.core.intake.service import CONFIRM
from ben_plugins.core.models import OneTimeToken

from .intake_helpers import committed, link_in_last_mail, path_of, post_json, valid_submission

pytestmark = pytest.mark.django_db
CONFIRM_PREFIX = "/mitmachen/bestaetigen/"
OBJECTION_PREFIX = "/mitmachen/example/widerspruch/"


@pytest.fixture(autouse=True)
def immediate_tasks(settings, site_tree):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def link(client):
    """The confirmation link of a fresh submission (path only)."""
    post_json(client, valid_submission())
    return path_of(link_in_last_mail())


def token_of(path: str) -> str:
    return path.rstrip("/").rsplit("/", 1)[1]


def assert_page(response, status: int, heading: str):
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert heading in html


def test_a_token_has_more_than_128_random_bits_and_only_its_hash_is_stored(link):
    token = token_of(link)
    selector, secret = token.split(".")
    assert len(base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))) * 8 >= 128
    row = OneTimeToken.objects.get()
    assert row.selector == selector
    assert secret not in row.token_hash and secret not in str(OneTimeToken.objects.values())
    assert row.purpose == "intake.confirm"
    assert row.content_type.model_class() is TopicSuggestion


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # secret changed
        lambda token: ("A" if token[0] != "A" else "B") + token[1:],  # selector changed
        lambda token: token.split(".")[0],  # secret missing
        lambda token: token.replace(".", ""),
        lambda token: token + "x",
        # Outside the URL-safe alphabet: a NUL byte (PostgreSQL refuses it in a query).
        lambda token: "%00" + token,
        lambda token: token + "%00",
        lambda token: token.replace(".", ".%00"),
        lambda token: token.replace(".", "%20."),
        lambda token: "ä" + token,
    ],
)
def test_a_tampered_link_is_invalid(client, link, tamper):
    tampered = CONFIRM_PREFIX + tamper(token_of(link)) + "/"
    assert_page(client.get(tampered), 404, "Dieser Link ist ungültig")
    assert_page(client.post(tampered), 404, "Dieser Link ist ungültig")
    assert TopicSuggestion.objects.count() == 0
    assert client.post(link).status_code == 200  # the real one still works


@pytest.mark.parametrize(
    "token", ["\x00.x", "x.\x00", "a b.c", "a.b.c", "a" * 65 + ".b", "ü.x", ".x", "x."]
)
def test_junk_is_invalid_without_reaching_the_database(token, django_assert_num_queries):
    with django_assert_num_queries(0), pytest.raises(tokens.TokenError) as raised:
        tokens.peek(CONFIRM, token)
    assert raised.value.problem is tokens.TokenProblem.INVALID


def test_a_used_link_says_so(client, link):
    assert client.post(link).status_code == 200
    assert_page(client.get(link), 410, "Dieser Link wurde bereits benutzt")
    assert_page(client.post(link), 410, "Dieser Link wurde bereits benutzt")


def test_an_expired_link_says_so(client, link):
    later = timezone.now() + timedelta(hours=48, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert_page(client.get(link), 410, "Dieser Link ist abgelaufen")
        assert_page(client.post(link), 410, "Dieser Link ist abgelaufen")
    assert TopicSuggestion.objects.count() == 0


def test_a_link_for_another_purpose_is_invalid(client):
    post_json(client, valid_submission(speaker_name="Dr. Berg", speaker_email="berg@example.org"))
    confirm_link = path_of(link_in_last_mail())
    committed(client.post, confirm_link)
    objection = path_of(link_in_last_mail(r"https?://\S+/mitmachen/example/widerspruch/\S+/"))
    suggestion = TopicSuggestion.objects.get()
    fresh_confirmation = tokens.issue(CONFIRM, suggestion)

    assert_page(
        client.post(CONFIRM_PREFIX + token_of(objection) + "/"), 404, "Dieser Link ist ungültig"
    )
    assert_page(
        client.post(OBJECTION_PREFIX + fresh_confirmation + "/"), 404, "Dieser Link ist ungültig"
    )
    suggestion.refresh_from_db()
    assert suggestion.speaker_email == "berg@example.org"
    assert client.post(objection).status_code == 200  # on its own page it works


def test_consuming_is_atomic_and_single_use():
    suggestion = TopicSuggestion.all_submissions.create(
        email="a@example.org", name="A", topic="T", text="X", consent_text="…", consent_version="1"
    )
    token = tokens.issue(SPEAKER_OBJECTION, suggestion)
    assert tokens.consume(SPEAKER_OBJECTION, token) == suggestion
    with pytest.raises(tokens.TokenError) as error:
        tokens.consume(SPEAKER_OBJECTION, token)
    assert error.value.problem is tokens.TokenProblem.USED


def test_a_token_used_meanwhile_is_not_consumed_twice():
    """Two clicks racing: both pass the checks, only one UPDATE finds the row unused."""
    suggestion = TopicSuggestion.all_submissions.create(
        email="a@example.org", name="A", topic="T", text="X", consent_text="…", consent_version="1"
    )
    token = tokens.issue(SPEAKER_OBJECTION, suggestion)
    found = tokens._find(SPEAKER_OBJECTION, token)
    assert tokens.consume(SPEAKER_OBJECTION, token) == suggestion
    with mock.patch.object(tokens, "_find", return_value=found), pytest.raises(tokens.TokenError):
        tokens.consume(SPEAKER_OBJECTION, token)


def test_stale_tokens_are_deleted(link, client):
    client.post(link)
    assert tokens.delete_stale() == 1
    assert OneTimeToken.objects.count() == 0
