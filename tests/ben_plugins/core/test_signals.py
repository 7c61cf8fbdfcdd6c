"""Content signals: forwarded from Wagtail, sent robustly, reaching only plugins that are
switched on for the content's site, by every way of sending them."""

from inspect import cleandoc
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from ben_plugins.core import signals
from cms.pages import public_actions
from cms.pages.models import EventPage
from cms.snippets.models import NewsItem
from tests.factories.pages import EventPageFactory
from tests.factories.snippets import NewsItemFactory

CONTENT_SIGNALS = {
    "content_published": signals.content_published,
    "content_unpublished": signals.content_unpublished,
    "content_deleted": signals.content_deleted,
    "moderation_state_changed": signals.moderation_state_changed,
    "public_actions": signals.public_actions,
}


@pytest.fixture
def caught(plugin_receiver):
    """Collect (signal name, model label, pk, extra) for every content signal sent."""
    events = []
    names = {
        signals.content_published: "published",
        signals.content_unpublished: "unpublished",
        signals.content_deleted: "deleted",
        signals.moderation_state_changed: "moderation",
    }
    for signal, name in names.items():

        def record(sender, instance, site, name=name, **kwargs):
            events.append((name, sender._meta.label, instance.pk, kwargs.get("state")))
            assert site is not None

        plugin_receiver(signal, record)
    return events


@pytest.mark.django_db
def test_page_publish_unpublish_and_delete_are_forwarded(caught, site_tree):
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
def test_snippet_events_are_forwarded_and_drafts_are_never_announced(caught, club):
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
def test_a_failing_receiver_is_logged_and_publishing_goes_on(caught, club, caplog, plugin_receiver):
    def broken(sender, **kwargs):
        NewsItem.objects.create(title="halb", club=club, body="x")
        raise ValueError("Empfänger kaputt")

    plugin_receiver(signals.content_published, broken)
    news = NewsItemFactory(club=club)
    news.save_revision().publish()
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


def send_sync(signal, **named):
    return signal.send(**named)


def send_robust_sync(signal, **named):
    return signal.send_robust(**named)


def send_async(signal, **named):
    return async_to_sync(signal.asend)(**named)


def send_robust_async(signal, **named):
    return async_to_sync(signal.asend_robust)(**named)


EVERY_WAY_OF_SENDING = [send_sync, send_robust_sync, send_async, send_robust_async]


@pytest.mark.django_db
@pytest.mark.parametrize("send", EVERY_WAY_OF_SENDING, ids=lambda send: send.__name__)
def test_no_way_of_sending_reaches_a_switched_off_plugin(
    send, club, site, switch_plugin, plugin_receiver
):
    calls = []

    def remember(sender, instance, site, **kwargs):
        calls.append(instance.pk)
        return "angekommen"

    async def remember_async(sender, instance, site, **kwargs):
        calls.append(-instance.pk)

    plugin_receiver(signals.content_published, remember)
    plugin_receiver(signals.content_published, remember_async)
    named = {"sender": type(club), "instance": club, "site": site, "revision": None}

    switch_plugin("example", False)
    responses = send(signals.content_published, **named)
    assert calls == []
    assert not {receiver for receiver, _ in responses} & {remember, remember_async}

    switch_plugin("example", True)
    responses = dict(send(signals.content_published, **named))
    assert calls == [club.pk, -club.pk]
    assert responses[remember] == "angekommen"


@pytest.mark.django_db
def test_send_raises_a_receivers_error_send_robust_returns_it(club, site, plugin_receiver):
    def broken(sender, **kwargs):
        raise ValueError("Empfänger kaputt")

    plugin_receiver(signals.content_deleted, broken)
    with pytest.raises(ValueError, match="Empfänger kaputt"):
        signals.content_deleted.send(type(club), instance=club, site=site)
    responses = dict(signals.content_deleted.send_robust(type(club), instance=club, site=site))
    assert isinstance(responses[broken], ValueError)


def test_the_site_keyword_is_required():
    with pytest.raises(TypeError):
        signals.content_deleted.send(NewsItem, instance=NewsItem())


@pytest.mark.parametrize("signal", CONTENT_SIGNALS.values(), ids=CONTENT_SIGNALS.keys())
def test_receivers_outside_plugins_are_refused(signal):
    def core_receiver(sender, **kwargs): ...

    with pytest.raises(ImproperlyConfigured, match="not code of a BEN CMS plugin"):
        signal.connect(core_receiver, weak=False)
    assert core_receiver not in signal._live_receivers(None)[0]


def test_connected_receivers_are_plugin_code():
    for name, signal in CONTENT_SIGNALS.items():
        modules = {receiver.__module__ for receiver in signal._live_receivers(None)[0]}
        assert {module.split(".")[0] for module in modules} <= {
            "ben_plugins",
            "ben_example_plugin",
        }, name


@pytest.mark.parametrize("name", CONTENT_SIGNALS)
def test_docs_quote_each_signals_docstring(name):
    """docs/plugins.md quotes the docstrings verbatim: the docstring is the one source."""
    docstring = cleandoc(CONTENT_SIGNALS[name].__doc__)
    docs = (Path(settings.BASE_DIR) / "docs" / "plugins.md").read_text()
    assert f"`{name}`\n\n{docstring}\n" in docs


def test_the_core_registers_one_provider_of_public_actions():
    assert public_actions.providers() == (signals.plugin_actions,)


def test_public_actions_come_only_from_plugins_switched_on_for_the_requests_site(
    club, rf, plugin_receiver, switch_plugin
):
    offer = NewsItemFactory(club=club)
    action = signals.PublicAction(label="Weitersagen", url="/weitersagen/")

    def offer_action(sender, instance, site, request, **kwargs):
        assert (sender, instance, site.is_default_site) == (NewsItem, offer, True)
        return [action]

    def broken(sender, **kwargs):
        raise ValueError("kaputt")

    plugin_receiver(signals.public_actions, offer_action)
    plugin_receiver(signals.public_actions, broken)
    request = rf.get("/")
    assert public_actions.actions_for(offer, request) == [action]
    switch_plugin("example", False)
    assert public_actions.actions_for(offer, request) == []
