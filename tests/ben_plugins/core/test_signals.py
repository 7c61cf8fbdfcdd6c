"""Content signals: bridged from Wagtail, sent robustly, gated per site for plugins."""

import pytest
from django.contrib.auth.models import Group

from ben_plugins.core import signals
from cms.pages.models import EventPage
from cms.snippets.models import NewsItem
from tests.factories.pages import EventPageFactory
from tests.factories.snippets import NewsItemFactory


@pytest.fixture
def caught():
    """Collect (signal name, model label, pk, extra) for every content signal sent."""
    events = []
    names = {
        signals.content_published: "published",
        signals.content_unpublished: "unpublished",
        signals.content_deleted: "deleted",
        signals.moderation_state_changed: "moderation",
    }
    receivers = {}
    for signal, name in names.items():

        def record(sender, instance, site, signal=signal, name=name, **kwargs):
            events.append((name, sender._meta.label, instance.pk, kwargs.get("state")))
            assert site is not None

        signal.connect(record, weak=False)
        receivers[signal] = record
    yield events
    for signal, record in receivers.items():
        signal.disconnect(record)


@pytest.mark.django_db
def test_page_publish_unpublish_and_delete_are_bridged(caught, site_tree):
    event = EventPageFactory(parent=site_tree.events, live=False)
    event.save_revision().publish()
    event.refresh_from_db()
    event.unpublish()
    event.save_revision().publish()
    pk = event.pk
    EventPage.objects.get(pk=pk).delete()
    assert caught == [
        ("published", "pages.EventPage", pk, None),
        ("unpublished", "pages.EventPage", pk, None),
        ("published", "pages.EventPage", pk, None),
        ("unpublished", "pages.EventPage", pk, None),
        ("deleted", "pages.EventPage", pk, None),
    ]


@pytest.mark.django_db
def test_snippet_events_are_bridged_and_drafts_are_never_announced(caught, club):
    draft = NewsItemFactory(club=club)
    draft.delete()
    news = NewsItemFactory(club=club, published=True)
    news.unpublish()
    assert caught == [
        ("published", "snippets.NewsItem", news.pk, None),
        ("unpublished", "snippets.NewsItem", news.pk, None),
    ]


@pytest.mark.django_db
def test_workflow_transitions_incl_resubmission_become_moderation_state_changes(
    caught, club, superuser
):
    from tests.ben_plugins.example.test_example_plugin import ben_workflow_for

    news = NewsItemFactory(club=club)
    news.save_revision(user=superuser)
    workflow = ben_workflow_for(NewsItem)
    Group.objects.get_or_create(name="Moderatoren")
    state = workflow.start(news, superuser)
    state.refresh_from_db()
    state.current_task_state.reject(user=superuser)
    state.refresh_from_db()
    news.save_revision(user=superuser)
    state.resume(user=superuser)
    state.refresh_from_db()
    state.current_task_state.approve(user=superuser)
    moderation = [event[3] for event in caught if event[0] == "moderation"]
    assert moderation == ["submitted", "rejected", "submitted", "approved"]
    assert ("published", "snippets.NewsItem", news.pk, None) in caught


@pytest.mark.django_db
def test_a_failing_receiver_is_logged_and_publishing_goes_on(caught, club, caplog):
    def broken(sender, **kwargs):
        NewsItem.objects.create(title="halb", club=club, body="x")
        raise ValueError("Empfänger kaputt")

    signals.content_published.connect(broken, weak=False)
    try:
        news = NewsItemFactory(club=club)
        news.save_revision().publish()
    finally:
        signals.content_published.disconnect(broken)
    news.refresh_from_db()
    assert news.live
    assert ("published", "snippets.NewsItem", news.pk, None) in caught
    assert "Empfänger kaputt" in caplog.text
    assert not NewsItem.objects.filter(title="halb").exists(), "savepoint not rolled back"


@pytest.mark.django_db
def test_page_workflows_report_the_specific_page(caught, club, superuser):
    event = EventPageFactory(parent=club, live=False)
    event.save_revision(user=superuser)
    workflow = event.get_workflow()
    assert workflow is not None, "BEN-Freigabe on clubs, else Wagtail's default on the root"
    state = workflow.start(event, superuser)
    state.cancel(user=superuser)
    assert [(e[0], e[1], e[3]) for e in caught] == [
        ("moderation", "pages.EventPage", "submitted"),
        ("moderation", "pages.EventPage", "cancelled"),
    ]
