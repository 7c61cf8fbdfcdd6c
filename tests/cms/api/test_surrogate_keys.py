"""Surrogate keys on public API responses, private answers, and purging the caches in front
by exactly the keys whose generations were bumped (cms.api.frontend_cache)."""

import http.server
import logging
import threading

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, rich_text

from ben_plugins.core.activation import set_enabled
from cms.api.caching import bump, surrogate_keys
from cms.api.endpoints import EventViewSet
from cms.api.frontend_cache import PURGE_HEADER, PurgeFailed, SurrogateKeyBackend, retry_purge
from cms.api.models import ApiClient
from cms.snippets.models import NewsItem

pytestmark = pytest.mark.django_db


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def keys_of(response) -> list[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return response["xkey"].split()


def test_a_list_names_the_content_it_shows(api, content):
    response = api.get("/api/v1/events/")
    assert response["Cache-Control"].startswith("public")
    assert keys_of(response) == ["categories", "clubs", "events", "structure", "target-groups"]
    assert keys_of(api.get("/api/v1/events/")) == keys_of(response)  # served from the cache


def test_a_detail_also_names_its_object(api, content):
    club = content["club"]
    for _ in range(2):  # built, then from the response cache
        response = api.get(f"/api/v1/clubs/{club.slug}/")
        assert f"clubs-{club.pk}" in keys_of(response)
        assert {"clubs", "structure", "wagtailimages.image"} <= set(keys_of(response))


def test_the_api_root_is_purged_by_any_change(api, content):
    assert {"events", "news", "structure"} <= set(keys_of(api.get("/api/v1/")))


@pytest.mark.parametrize("path", ["/api/v1/events/999999/", "/api/v1/events/?bogus=1"])
def test_errors_are_private(api, content, path):
    response = api.get(path)
    assert response.status_code >= 400
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("xkey")
    assert not response.has_header("Surrogate-Key")


def test_answers_to_an_api_key_are_private(api, content):
    client = ApiClient(name="Stadt-Website")
    key = client.issue_key()
    client.save()
    response = api.get("/api/v1/events/", HTTP_X_API_KEY=key)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert not response.has_header("xkey")


def test_publishing_purges_exactly_the_bumped_keys_once_after_the_commit(
    content, purges, django_capture_on_commit_callbacks
):
    event = content["event"]
    event.title = "Neuer Titel"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
        assert purges.purged == []  # nothing before the commit
    assert purges.purged == [surrogate_keys([EventViewSet.model._meta.label_lower])]
    assert purges.purged == [("events",)]  # once, though the publish invalidated thrice


def test_a_structural_change_purges_every_endpoint(
    content, purges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        content["club"].unpublish()
    [keys] = purges.purged
    assert {"structure", "events", "clubs", "news", "categories"} <= set(keys)


def test_an_image_change_purges_what_shows_images(purges, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.create(title="Vereinsheim", file=get_test_image_file())
    assert purges.purged == [("wagtailimages.image",)]


def test_any_generation_bump_purges_its_keys(purges, django_capture_on_commit_callbacks):
    """Other parts of BEN (approved uploads) bump generations; the purge follows."""
    with django_capture_on_commit_callbacks(execute=True):
        bump(["wagtaildocs.document"])
    assert purges.purged == [("wagtaildocs.document",)]


def test_switching_a_plugin_purges_everything(
    purges, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        set_enabled("feeds", Site.objects.get(is_default_site=True), False)
    assert "structure" in purges.purged[-1]


@override_settings(FRONTEND_CACHE_MAX_ATTEMPTS=3)
def test_without_a_deferring_task_queue_a_failed_purge_is_logged_once_and_not_retried(
    purges, caplog, django_capture_on_commit_callbacks
):
    """The immediate task backend would retry inside the publishing request."""
    purges.failing = True
    with (
        caplog.at_level(logging.WARNING, logger="cms.api.frontend_cache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        bump(["pages.eventpage"])
    assert purges.purged == [("events",)]
    [failure] = [record.getMessage() for record in caplog.records]
    assert failure == (
        "Purge of events at recording failed (attempt 1 of 3, giving up: the task backend "
        "cannot defer a retry): connection refused"
    )


@override_settings(
    TASKS=DATABASE_TASKS, FRONTEND_CACHE_RETRY_SECONDS=10, FRONTEND_CACHE_MAX_ATTEMPTS=3
)
def test_with_the_database_queue_a_failed_purge_is_logged_and_retried_by_db_worker(
    purges, caplog, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    purges.failing = True
    with (
        caplog.at_level(logging.WARNING, logger="cms.api.frontend_cache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        bump(["pages.eventpage"])
    assert purges.purged == [("events",)]
    [queued] = DBTaskResult.objects.filter(task_path__endswith="retry_purge")
    assert queued.args_kwargs["args"] == ["recording", ["events"], 2]
    assert queued.run_after is not None
    for attempt in (2, 3):  # what db_worker runs
        retry_purge.call("recording", ["events"], attempt)
    assert purges.purged == [("events",)] * 3
    failures = [record.getMessage() for record in caplog.records]
    assert "attempt 1 of 3" in failures[0]
    assert failures[-1].startswith(
        "Purge of events at recording failed (attempt 3 of 3, giving up)"
    )
    assert DBTaskResult.objects.filter(task_path__endswith="retry_purge").count() == 2


@pytest.fixture
def cache_server():
    """A stand-in for Varnish that records the purge requests it gets."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.path, self.headers.get(PURGE_HEADER)))
            self.send_response(200 if self.headers.get(PURGE_HEADER) != "refuse" else 403)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()
    server.server_close()


def test_the_backend_sends_purge_with_the_keys(cache_server):
    url, received = cache_server
    SurrogateKeyBackend({"LOCATION": url}).purge_keys(["structure", "events"])
    assert received == [("/", "events structure")]
    with pytest.raises(PurgeFailed, match="403"):
        SurrogateKeyBackend({"LOCATION": url}).purge_keys(["refuse"])


def test_a_configured_cache_gets_the_purge_after_the_commit(
    cache_server, settings, django_capture_on_commit_callbacks
):
    url, received = cache_server
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "cms.api.frontend_cache.SurrogateKeyBackend", "LOCATION": url}
    }
    with django_capture_on_commit_callbacks(execute=True):
        bump(["pages.eventpage"])
        assert received == []
    assert received == [("/", "events")]


def test_nothing_is_sent_without_a_configured_cache(
    cache_server, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}

    def no_network(*args, **kwargs):
        raise AssertionError("a purge was sent")

    monkeypatch.setattr("cms.api.frontend_cache.urlopen", no_network)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        bump(["pages.eventpage"])
    assert callbacks  # the purge ran after the commit and found no cache to send to


@pytest.mark.parametrize("location", ["127.0.0.1:6081", "varnish.internal"])
def test_a_location_urlopen_cannot_use_is_a_failed_purge(location):
    with pytest.raises(PurgeFailed):
        SurrogateKeyBackend({"LOCATION": location}).purge_keys(["events"])


def test_publishing_succeeds_and_logs_when_a_cache_location_is_malformed(
    admin_client, content, settings, caplog, django_capture_on_commit_callbacks
):
    """The content is live after the commit: a broken purge must not turn that into a 500."""
    settings.WAGTAILFRONTENDCACHE = {
        "broken": {
            "BACKEND": "cms.api.frontend_cache.SurrogateKeyBackend",
            "LOCATION": "127.0.0.1:6081",
        }
    }
    news = content["news"]
    form = {
        "title": "Neue Räume ab Mai",
        "club": content["club"].pk,
        "teaser": "Umzug",
        "body": rich_text("<p>Wir ziehen um.</p>"),
        "slug": news.slug,
        "action-publish": "1",
    }
    edit_url = reverse(NewsItem.snippet_viewset.get_url_name("edit"), args=[news.pk])
    with (
        caplog.at_level(logging.WARNING, logger="cms.api.frontend_cache"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = admin_client.post(edit_url, nested_form_data(form))
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.title == "Neue Räume ab Mai"
    [failure] = [record.getMessage() for record in caplog.records]
    assert " news " in failure
    assert "at broken failed (attempt 1 of 5, giving up" in failure
