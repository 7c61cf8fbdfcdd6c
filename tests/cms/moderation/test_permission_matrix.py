"""Permission matrix: every role × object kind × live/draft × admin action, through the
admin HTTP views.

No cell has a hand-written expectation: ``expected()`` derives each one from the rule
table below, and the object kinds include every ClubContent model automatically, so a
new moderated model adds its rows without touching this file.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page, TaskState

from cms.moderation.policies import club_content_models

from .admin_forms import edit_form_data
from .fixtures import ROLES, build_world

ACTIONS = (
    "list",
    "view",
    "create",
    "edit",
    "delete",
    "submit",
    "approve",
    "publish",
    "unpublish",
    "lock",
    "revisions",
    "history",
)

# The rule table. Moderators and administrators may do everything (except what no one may
# do to a kind, or to a draft). Club editors may do this to objects of their own clubs, and
# nothing to others'. They never publish, unpublish or approve: all of it goes through
# moderation. They may delete their clubs' drafts, never what is live.
CLUB_EDITOR_ACTIONS = frozenset(
    {"list", "view", "create", "edit", "submit", "lock", "revisions", "history"}
)
CLUB_EDITOR_DRAFT_ACTIONS = CLUB_EDITOR_ACTIONS | {"delete"}
# What is not live cannot be unpublished.
NOBODY_MAY_ON_DRAFTS = frozenset({"unpublish"})


@dataclass(frozen=True)
class ObjectKind:
    name: str
    # Actions that club editors may not take on this kind even in their own club.
    editors_may_not: frozenset = frozenset()
    # Actions no role may take through the admin on this kind.
    nobody_may: frozenset = frozenset()

    def is_page(self):
        return self.name in {"Vereinsseite", "Veranstaltung"}


OBJECT_KINDS = (
    # Creating a club profile is the moderators' job; a club page with club content
    # cannot be deleted at all (the content's club FK is PROTECT).
    ObjectKind(
        "Vereinsseite", editors_may_not=frozenset({"create"}), nobody_may=frozenset({"delete"})
    ),
    ObjectKind("Veranstaltung"),
    *(ObjectKind(model._meta.label) for model in club_content_models()),
)


def expected(role, kind, club_key, live, action) -> bool:
    if action in kind.nobody_may or role.anonymous:
        return False
    if not live and action in NOBODY_MAY_ON_DRAFTS:
        return False
    if role.moderates:
        return True
    editor_actions = CLUB_EDITOR_ACTIONS if live else CLUB_EDITOR_DRAFT_ACTIONS
    return club_key in role.clubs and action in editor_actions - kind.editors_may_not


CHANGED_TITLE = "Geänderter Titel"


def _fresh(obj):
    if isinstance(obj, Page):
        return Page.objects.get(pk=obj.pk).specific
    return type(obj)._default_manager.get(pk=obj.pk)


def _snippet_url(obj, name, *args):
    return reverse(type(obj).snippet_viewset.get_url_name(name), args=args)


def _url(obj, name, *args):
    """The admin URL of one of the object's views, for pages and snippets alike."""
    if isinstance(obj, Page):
        return reverse(f"wagtailadmin_pages:{name}", args=(obj.pk, *args))
    return _snippet_url(obj, name, obj.pk, *args)


def _latest_title(obj):
    return _fresh(obj).get_latest_revision_as_object().title


def _edit_post(client, obj, **extra):
    return client.post(_url(obj, "edit"), edit_form_data(obj, title=CHANGED_TITLE, **extra))


class AdminActions:
    """Each action performs one admin HTTP request and reports whether it took effect."""

    @staticmethod
    def list(client, obj):
        """The object is linked from its parent's page listing or the user's start listing."""
        if isinstance(obj, Page):
            responses = [
                client.get(reverse("wagtailadmin_explore", args=[obj.get_parent().pk])),
                client.get(reverse("wagtailadmin_explore_root"), follow=True),
            ]
        else:
            responses = [client.get(_snippet_url(obj, "list"))]
        return any(
            response.status_code == 200 and _url(obj, "edit") in response.text
            for response in responses
        )

    @staticmethod
    def view(client, obj):
        return client.get(_url(obj, "edit")).status_code == 200

    @staticmethod
    def create(client, obj):
        data = edit_form_data(obj, title="Neu angelegt", slug="neu-angelegt")
        if isinstance(obj, Page):
            parent = obj.get_parent()
            meta = obj.specific_class._meta
            url = reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
            )
            client.post(url, data)
            return parent.get_children().filter(slug="neu-angelegt").exists()
        data["slug"] = ""
        client.post(_snippet_url(obj, "add"), data)
        return type(obj).objects.filter(title="Neu angelegt", club=obj.club).exists()

    @staticmethod
    def edit(client, obj):
        _edit_post(client, obj)
        return _latest_title(obj) == CHANGED_TITLE

    @staticmethod
    def delete(client, obj):
        client.post(_url(obj, "delete"))
        return not type(obj)._default_manager.filter(pk=obj.pk).exists()

    @staticmethod
    def submit(client, obj):
        _edit_post(client, obj, **{"action-submit": "Zur Freigabe einreichen"})
        return _fresh(obj).workflow_in_progress

    @staticmethod
    def approve(client, obj):
        submitter = get_user_model().objects.get(username="redaktion-ab")
        obj = _fresh(obj)
        obj.title = CHANGED_TITLE
        obj.save_revision(user=submitter)
        obj.get_workflow().start(obj, submitter)
        task_state = _fresh(obj).current_workflow_task_state
        client.post(_url(obj, "workflow_action", "approve", task_state.pk))
        task_state.refresh_from_db()
        return task_state.status == TaskState.STATUS_APPROVED and _fresh(obj).title == CHANGED_TITLE

    @staticmethod
    def publish(client, obj):
        """A never-published object's row takes every edit, so it must also be live now."""
        _edit_post(client, obj, **{"action-publish": "Veröffentlichen"})
        published = _fresh(obj)
        return published.live and published.title == CHANGED_TITLE

    @staticmethod
    def unpublish(client, obj):
        was_live = _fresh(obj).live
        client.post(_url(obj, "unpublish"))
        return was_live and not _fresh(obj).live

    @staticmethod
    def lock(client, obj):
        client.post(_url(obj, "lock"))
        return _fresh(obj).locked

    @staticmethod
    def revisions(client, obj):
        revision = _fresh(obj).latest_revision
        return client.get(_url(obj, "revisions_view", revision.pk)).status_code == 200

    @staticmethod
    def history(client, obj):
        return client.get(_url(obj, "history")).status_code == 200


class PermissionMatrixTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        self.clients = {}
        for role in ROLES:
            client = Client()
            if not role.anonymous:
                client.force_login(self.world.users[role.name])
            self.clients[role] = client

    def objects(self):
        """(kind, club key, object) for every object kind in both clubs, live and draft.

        Club profiles have no draft: moderators create them (see OBJECT_KINDS).
        """
        kinds = {kind.name: kind for kind in OBJECT_KINDS}
        world = self.world
        for key in ("A", "B"):
            yield kinds["Vereinsseite"], key, world.clubs[key]
            yield kinds["Veranstaltung"], key, world.events[key]
            yield kinds["Veranstaltung"], key, world.draft_events[key]
            for model in club_content_models():
                yield kinds[model._meta.label], key, world.snippets[model, key]
                yield kinds[model._meta.label], key, world.draft_snippets[model, key]

    def check_action(self, action):
        perform = getattr(AdminActions, action)
        mismatches = []
        for role in ROLES:
            for kind, key, obj in self.objects():
                with transaction.atomic():
                    actual = perform(self.clients[role], obj)
                    transaction.set_rollback(True)
                if actual != expected(role, kind, key, obj.live, action):
                    verb = "could" if actual else "could not"
                    state = "live" if obj.live else "draft"
                    mismatches.append(
                        f"{role.name} {verb} {action} {state} {kind.name} of club {key}"
                    )
        self.assertEqual(mismatches, [], "\n" + "\n".join(mismatches))

    def test_list(self):
        self.check_action("list")

    def test_view(self):
        self.check_action("view")

    def test_create(self):
        self.check_action("create")

    def test_edit(self):
        self.check_action("edit")

    def test_delete(self):
        self.check_action("delete")

    def test_submit(self):
        self.check_action("submit")

    def test_approve(self):
        self.check_action("approve")

    def test_publish(self):
        self.check_action("publish")

    def test_unpublish(self):
        self.check_action("unpublish")

    def test_lock(self):
        self.check_action("lock")

    def test_revisions(self):
        self.check_action("revisions")

    def test_history(self):
        self.check_action("history")
