"""Scheduled publishing (Wagtail's `manage.py publish_scheduled`, run every minute by
deploy/systemd/ben-publish-scheduled.timer) reaches the API and the caches in front like a
manual publish: the cached answer is invalidated and the content's keys are purged."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """``clock.set(moment)`` freezes django.utils.timezone.now, which publish_scheduled and
    Wagtail's scheduling read."""

    class Clock:
        def set(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)
            return moment

    return Clock()


def publish_scheduled(django_capture_on_commit_callbacks):
    """The command as the timer runs it, its transactions' commit callbacks included."""
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")


def titles(api, path) -> list[str]:
    response = api.get(path)
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def test_a_scheduled_page_revision_goes_live_in_the_api_and_is_purged(
    api, content, clock, purges, django_capture_on_commit_callbacks
):
    event = content["event"]
    event.refresh_from_db()  # its live revision, as the editor's form loads it
    now = clock.set(timezone.now())
    event.title = "Offenes Treffen – neuer Termin"
    event.go_live_at = now + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()  # "Geplant": approved for later, still the old title
    assert "Offenes Treffen" in titles(api, "/api/v1/events/")  # cached from here on
    purges.purged = []

    clock.set(now + dt.timedelta(hours=1, minutes=1))
    publish_scheduled(django_capture_on_commit_callbacks)

    assert titles(api, "/api/v1/events/") == ["Offenes Treffen – neuer Termin"]
    assert api.get(f"/api/v1/events/{event.pk}/").json()["title"] == (
        "Offenes Treffen – neuer Termin"
    )
    assert purges.purged == [("events",)]


def test_a_scheduled_snippet_goes_live_in_the_api_and_is_purged(
    api, content, clock, purges, django_capture_on_commit_callbacks
):
    draft = content["draft_news"]
    now = clock.set(timezone.now())
    draft.go_live_at = now + dt.timedelta(minutes=30)
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert draft.title not in titles(api, "/api/v1/news/")
    purges.purged = []

    clock.set(now + dt.timedelta(minutes=31))
    publish_scheduled(django_capture_on_commit_callbacks)

    assert draft.title in titles(api, "/api/v1/news/")
    assert purges.purged == [("news",)]


def test_an_expired_page_leaves_the_api(
    api, content, clock, purges, django_capture_on_commit_callbacks
):
    event = content["event"]
    event.refresh_from_db()
    now = clock.set(timezone.now())
    event.expire_at = now + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert api.get(f"/api/v1/events/{event.pk}/").status_code == 200
    purges.purged = []

    clock.set(now + dt.timedelta(hours=1, minutes=1))
    publish_scheduled(django_capture_on_commit_callbacks)

    assert api.get(f"/api/v1/events/{event.pk}/").status_code == 404
    assert titles(api, "/api/v1/events/") == []
    [keys] = purges.purged
    assert {"events", "structure"} <= set(keys)
