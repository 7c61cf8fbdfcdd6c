"""Two moderators approve the same submission at the same moment (PostgreSQL only).

Each moderator is a thread with its own database connection. Publishing is slowed down so
that both requests are inside the approval at the same time; without the row lock in
ModerationTask.on_action both would publish and both would log an approval.
"""

import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision, TaskState

from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS, setup_all
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import NewsItemFactory
from tests.factories.users import UserFactory

from .test_permission_matrix import _url

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def submission():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Concurrent approval needs real row locks and parallel connections: run with "
            "DATABASE_URL=postgres://… (SQLite serialises all writes anyway)."
        )
    setup_all()
    club = ClubPageFactory(parent=build_site_tree().clubs, title="Verein A")
    news = NewsItemFactory(club=club, title="Alt", published=True)
    editor = UserFactory(username="redaktion")
    ClubMembership.objects.create(user=editor, club=club)
    news.title = "Neu"
    news.save_revision(user=editor)
    news.get_workflow().start(news, editor)
    moderators = [UserFactory(username=f"moderation-{n}") for n in (1, 2)]
    for moderator in moderators:
        moderator.groups.add(Group.objects.get(name=MODERATORS))
    return news, moderators


def test_simultaneous_approvals_publish_once(submission, monkeypatch):
    news, moderators = submission
    task_state = news.current_workflow_task_state
    url = _url(news, "workflow_action", "approve", task_state.pk)

    original_publish = Revision.publish

    def slow_publish(self, *args, **kwargs):
        time.sleep(0.5)
        return original_publish(self, *args, **kwargs)

    monkeypatch.setattr(Revision, "publish", slow_publish)

    clients = []
    for moderator in moderators:
        client = Client()
        client.force_login(moderator)
        clients.append(client)
    start = threading.Barrier(len(clients))
    statuses = []

    def approve(client):
        try:
            start.wait()
            statuses.append(client.post(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert statuses == [302, 302]
    news.refresh_from_db()
    task_state.refresh_from_db()
    assert news.title == "Neu"
    assert task_state.status == TaskState.STATUS_APPROVED

    logs = list(log_registry.get_logs_for_instance(news).order_by("timestamp"))
    approvals = [entry for entry in logs if entry.action == "wagtail.workflow.approve"]
    publications = [entry for entry in logs if entry.action == "wagtail.publish"]
    assert len(approvals) == 1
    assert len(publications) == 2  # the factory's initial publication and this approval
    assert approvals[0].user == task_state.finished_by
    assert publications[-1].user == task_state.finished_by
