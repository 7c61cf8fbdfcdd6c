"""Property-based: whatever editors and moderators do, the API shows exactly the approved state.

A hypothesis state machine creates, edits, submits, approves, rejects, unpublishes and
deletes news, volunteer opportunities and events of two clubs, moderated by a workflow like
"BEN-Freigabe" (one GroupApprovalTask for moderators, built here so the test does not depend
on the project's moderation setup). After every step every list and detail response of the
API must equal the model's last approved, live state - no drafts, no pending or rejected
changes, nothing unpublished or deleted, not even in counts.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from cms.api.invalidation import invalidate_all
from cms.pages.models import EventPage
from cms.snippets.models import NewsItem, VolunteerOpportunity
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.users import UserFactory

BERLIN = ZoneInfo("Europe/Berlin")
ENDPOINTS = {"news": NewsItem, "opportunities": VolunteerOpportunity, "events": EventPage}
TITLES = st.sampled_from(
    ["Sommerfest", "Vorlesepaten gesucht", "Erste-Hilfe-Kurs", "Kleiderkammer", "Repair-Café"]
)


@dataclass
class Item:
    endpoint: str
    pk: int
    live_title: str | None = None
    submitted_title: str | None = None
    workflow: str = "none"  # none | in_progress | needs_changes
    deleted: bool = False

    def load(self):
        model = ENDPOINTS[self.endpoint]
        return model.objects.get(pk=self.pk)


class PublicationMachine(RuleBasedStateMachine):
    items = Bundle("items")

    def __init__(self):
        super().__init__()
        self._transaction = transaction.atomic()
        self._transaction.__enter__()
        invalidate_all()
        tree = build_site_tree()
        self.clubs = [
            ClubPageFactory(parent=tree.clubs, title="Kulturgemeinschaft"),
            ClubPageFactory(parent=tree.clubs, title="DRK Bitburg"),
        ]
        moderators = Group.objects.create(name="Moderation (Test)")
        moderators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="snippets",
                codename__regex=r"^(change|publish)_(newsitem|volunteeropportunity)$",
            )
        )
        for permission in ("change", "publish"):
            GroupPagePermission.objects.create(
                group=moderators, page=tree.home, permission_type=permission
            )
        self.moderator = UserFactory(username="moderatorin")
        self.moderator.groups.add(moderators)
        self.editor = UserFactory(username="vereinsredakteur")
        task = GroupApprovalTask.objects.create(name="Freigabe durch die Ehrenamtsagentur")
        task.groups.set([moderators])
        self.workflow = Workflow.objects.create(name="BEN-Freigabe (Test)")
        WorkflowTask.objects.create(workflow=self.workflow, task=task, sort_order=0)
        for model in (NewsItem, VolunteerOpportunity):
            # Replaces the project's own assignment (if set up) inside this example only.
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": self.workflow},
            )
        WorkflowPage.objects.create(workflow=self.workflow, page=tree.home)
        self.model: list[Item] = []
        self.client = Client()
        self.counter = 0

    def teardown(self):
        transaction.set_rollback(True)
        self._transaction.__exit__(None, None, None)
        invalidate_all()

    # --- editor actions ------------------------------------------------------------------

    @rule(target=items, endpoint=st.sampled_from(sorted(ENDPOINTS)), club=st.integers(0, 1),
          title=TITLES)  # fmt: skip
    def create(self, endpoint, club, title):
        self.counter += 1
        owner = self.clubs[club]
        if endpoint == "events":
            obj = owner.add_child(
                instance=EventPage(
                    title=title,
                    slug=f"termin-{self.counter}",
                    start=dt.datetime(2026, 12, 1, 18, 0, tzinfo=BERLIN),
                    live=False,
                )
            )
        elif endpoint == "news":
            obj = NewsItem.objects.create(title=title, club=owner, body="<p>…</p>", live=False)
        else:
            obj = VolunteerOpportunity.objects.create(
                title=title, club=owner, tasks="Helfen", time_commitment="2 h", live=False
            )
        obj.save_revision(user=self.editor)
        item = Item(endpoint=endpoint, pk=obj.pk)
        self.model.append(item)
        return item

    @precondition(lambda self: self.model)
    @rule(item=items, title=TITLES)
    def edit(self, item, title):
        """Save a draft the way the admin does: a live object's row is left untouched."""
        if item.deleted or item.workflow == "in_progress":
            return
        obj = item.load()
        obj.title = f"{title} (Entwurf {self.counter})"
        self.counter += 1
        if not obj.live:
            obj.save()
        obj.save_revision(user=self.editor)

    @rule(item=items)
    def submit(self, item):
        if item.deleted or item.workflow == "in_progress":
            return
        obj = item.load()
        if item.workflow == "needs_changes":
            obj.current_workflow_state.resume(user=self.editor)
        else:
            self.workflow.start(obj, self.editor)
        item.submitted_title = obj.get_latest_revision().content["title"]
        item.workflow = "in_progress"

    # --- moderator actions ---------------------------------------------------------------

    @rule(item=items)
    def approve(self, item):
        if item.deleted or item.workflow != "in_progress":
            return
        item.load().current_workflow_task_state.approve(user=self.moderator)
        item.live_title = item.submitted_title
        item.workflow = "none"

    @rule(item=items)
    def reject(self, item):
        if item.deleted or item.workflow != "in_progress":
            return
        item.load().current_workflow_task_state.reject(user=self.moderator)
        item.workflow = "needs_changes"

    @rule(item=items)
    def unpublish(self, item):
        if item.deleted or item.live_title is None:
            return
        item.load().unpublish(user=self.moderator)
        item.live_title = None

    @rule(item=items)
    def delete(self, item):
        if item.deleted:
            return
        obj = item.load()
        WorkflowState.objects.filter(
            base_content_type=obj.get_base_content_type(), object_id=str(obj.pk)
        ).delete()
        obj.delete()
        item.deleted = True
        item.live_title = None

    # --- the property --------------------------------------------------------------------

    @invariant()
    def api_shows_exactly_the_approved_state(self):
        for endpoint in ENDPOINTS:
            expected = {
                (item.pk, item.live_title)
                for item in self.model
                if item.endpoint == endpoint and item.live_title is not None
            }
            body = self.client.get(f"/api/v1/{endpoint}/?limit=100").json()
            assert body["count"] == len(expected)
            assert {(entry["id"], entry["title"]) for entry in body["results"]} == expected
        for item in self.model:
            response = self.client.get(f"/api/v1/{item.endpoint}/{item.pk}/")
            if item.live_title is None:
                assert response.status_code == 404
            else:
                assert response.status_code == 200
                assert response.json()["title"] == item.live_title


@pytest.mark.django_db
def test_api_always_equals_the_last_approved_state():
    run_state_machine_as_test(
        PublicationMachine,
        settings=settings(
            max_examples=8,
            stateful_step_count=12,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
