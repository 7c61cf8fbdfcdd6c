"""Delivery through django-tasks: retries with backoff, the delivery log, what is sent."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ben_plugins.webhooks.models import WebhookDelivery
from ben_plugins.webhooks.tasks import deliver_webhook
from tests.factories.pages import EventPageFactory
from tests.factories.snippets import NewsItemFactory

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.mark.django_db
def test_fails_twice_then_succeeds(
    local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    local_receiver.plan = [500, 503]
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    assert delivery.attempts == 3
    assert delivery.response_code == 200
    assert [entry["status_code"] for entry in delivery.attempt_log] == [500, 503, 200]
    assert all(entry["duration_ms"] >= 0 for entry in delivery.attempt_log)
    assert delivery.delivered_at is not None and delivery.next_attempt_at is None
    ids = {request.headers["X-BEN-Delivery"] for request in local_receiver.requests}
    assert ids == {str(delivery.delivery_id)}, "a retry is the same delivery"


@pytest.mark.django_db
@override_settings(TASKS=DUMMY_TASKS, WEBHOOKS_RETRY_BASE_SECONDS=30, WEBHOOKS_MAX_ATTEMPTS=3)
def test_retries_are_deferred_with_exponential_backoff_until_the_limit(
    local_receiver, subscription, club
):
    local_receiver.plan = [500, 500, 500]
    NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    backend = deliver_webhook.get_backend()

    def retries():
        return [r for r in backend.results if r.task.func is deliver_webhook.func]

    delays = []
    for _ in range(3):
        before = timezone.now()
        deliver_webhook.call(delivery.pk)
        delivery.refresh_from_db()
        if delivery.next_attempt_at:
            delays.append(round((delivery.next_attempt_at - before).total_seconds()))
            assert retries()[-1].task.run_after == delivery.next_attempt_at
    assert delays == [30, 60]
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.last_error == "HTTP 500"
    assert len(retries()) == 2, "no retry after the last attempt"


@pytest.mark.django_db
@override_settings(WEBHOOKS_TIMEOUT_SECONDS=1)
def test_unreachable_target_is_logged_as_error(
    subscription, club, django_capture_on_commit_callbacks
):
    subscription.url = "http://127.0.0.1:9/nichts"  # discard port, nothing listens
    subscription.save()
    with (
        override_settings(WEBHOOKS_MAX_ATTEMPTS=2),
        django_capture_on_commit_callbacks(execute=True),
    ):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.response_code is None
    assert "ConnectionError" in delivery.last_error


@pytest.mark.django_db
def test_events_are_filtered_by_subscription_and_public_visibility(
    local_receiver, subscription, club, site_tree, django_capture_on_commit_callbacks
):
    subscription.events = ["unpublished"]
    subscription.save()
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsItemFactory(club=club, published=True)
        NewsItemFactory(club=club).delete()
        site_tree.home.save_revision().publish()
        restricted = EventPageFactory(parent=club)
        PageViewRestriction.objects.create(page=restricted, restriction_type="login")
        restricted.unpublish()
        news.unpublish()
    assert [d.payload["type"] for d in WebhookDelivery.objects.all()] == ["news"]
    assert [d.event for d in WebhookDelivery.objects.all()] == ["unpublished"]


@pytest.mark.django_db
def test_deleting_a_live_page_announces_unpublish_and_delete(
    local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=club)
    pk = event.pk
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    events = sorted(
        (d.event, d.payload["type"], d.payload["id"]) for d in WebhookDelivery.objects.all()
    )
    assert events == [("deleted", "events", pk), ("unpublished", "events", pk)]


@pytest.mark.django_db
def test_nothing_is_sent_while_the_plugin_is_off_for_the_site(
    local_receiver, subscription, club, switch_plugin, django_capture_on_commit_callbacks
):
    switch_plugin("webhooks", False)
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    assert not WebhookDelivery.objects.exists()
    assert local_receiver.requests == []


@pytest.mark.django_db
def test_subscription_for_another_site_gets_nothing(
    local_receiver, subscription, club, site, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    subscription.site = Site.objects.create(hostname="andere.example", root_page=site.root_page)
    subscription.save()
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    assert not WebhookDelivery.objects.exists()


def test_backoff_doubles():
    from ben_plugins.webhooks.delivery import retry_delay

    with override_settings(WEBHOOKS_RETRY_BASE_SECONDS=10):
        assert [retry_delay(n) for n in (1, 2, 3, 4)] == [
            timedelta(seconds=s) for s in (10, 20, 40, 80)
        ]


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS, WEBHOOKS_RETRY_BASE_SECONDS=0)
def test_production_path_database_queue_and_db_worker(
    local_receiver, subscription, club, django_capture_on_commit_callbacks, monkeypatch
):
    """TASKS_BACKEND=database: publishing only queues; `manage.py db_worker` delivers.

    The worker runs in-process inside the test transaction, so it must not recycle the
    database connection as it does between tasks in production.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    local_receiver.plan = [500]
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    assert local_receiver.requests == []
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_webhook").count() == 1

    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED
    assert delivery.attempts == 2
    assert len(local_receiver.requests) == 2


def test_deploy_check_asks_for_a_deferring_task_backend():
    from ben_plugins.webhooks.checks import check_task_backend

    [warning] = check_task_backend()
    assert warning.id == "webhooks.W001"
    with override_settings(TASKS=DATABASE_TASKS):
        assert check_task_backend() == []


@pytest.mark.django_db
def test_content_of_an_unpublished_club_is_not_announced(
    local_receiver, subscription, club, site_tree, django_capture_on_commit_callbacks
):
    club.save_revision().publish()
    WebhookDelivery.objects.all().delete()
    visible = EventPageFactory(parent=club, title="Sichtbar", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        visible.save_revision().publish()
    assert [d.payload["id"] for d in WebhookDelivery.objects.all()] == [visible.pk]
    club.unpublish()
    WebhookDelivery.objects.all().delete()
    received = len(local_receiver.requests)
    hidden = EventPageFactory(parent=club, title="Verborgen", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        hidden.save_revision().publish()
        news = NewsItemFactory(club=club, published=True)
        news.unpublish()
    assert not WebhookDelivery.objects.exists()
    assert len(local_receiver.requests) == received
