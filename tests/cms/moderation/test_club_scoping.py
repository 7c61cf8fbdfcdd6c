"""Club scoping beyond the matrix: drafts, the club field, search, bulk actions, setup."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Workflow, WorkflowContentType
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.moderation import checks as moderation_checks
from cms.moderation.forms import FOREIGN_CLUB_ERROR
from cms.moderation.models import ClubEditorGroup, ClubMembership
from cms.moderation.policies import ClubContentPermissionPolicy, club_content_models
from cms.moderation.roles import CLUB_EDITORS, WORKFLOW_NAME, setup_all
from tests.factories.pages import ClubPageFactory, EventPageFactory

from .admin_forms import edit_form_data
from .fixtures import build_world, factory_for
from .test_permission_matrix import _fresh, _snippet_url, _url


class ClubScopingTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        self.client.force_login(self.world.users["redaktion-a"])

    def test_every_club_content_model_gets_policy_and_workflow(self):
        self.assertTrue(club_content_models())
        for model in club_content_models():
            with self.subTest(model._meta.label):
                policy = policy_registry.get_by_type(model)
                self.assertIsInstance(policy, ClubContentPermissionPolicy)
                self.assertIs(policy.model, model)
                assignment = WorkflowContentType.objects.get(
                    content_type=ContentType.objects.get_for_model(model)
                )
                self.assertEqual(assignment.workflow.name, WORKFLOW_NAME)

    def test_setup_is_idempotent(self):
        counts = lambda: (  # noqa: E731
            Group.objects.count(),
            Group.objects.get(name=CLUB_EDITORS).permissions.count(),
            WorkflowContentType.objects.count(),
            ClubEditorGroup.objects.count(),
        )
        before = counts()
        setup_all()
        setup_all()
        self.assertEqual(counts(), before)

    def test_only_the_ben_roles_and_workflow_remain_active(self):
        self.assertFalse(Group.objects.filter(name__in=["Moderators", "Editors"]).exists())
        self.assertEqual(
            list(Workflow.objects.filter(active=True).values_list("name", flat=True)),
            [WORKFLOW_NAME],
        )

    def test_system_check_refuses_a_plain_snippet_viewset(self):
        self.assertEqual(moderation_checks.club_content_uses_scoped_viewset(None), [])
        model = club_content_models()[0]
        original = model.snippet_viewset
        try:
            model.snippet_viewset = SnippetViewSet(model=model)
            errors = moderation_checks.club_content_uses_scoped_viewset(None)
        finally:
            model.snippet_viewset = original
        self.assertEqual([error.id for error in errors], ["moderation.E001"])
        self.assertIsInstance(errors[0], checks.Error)

    def test_a_one_club_editor_files_content_under_their_club_whatever_is_posted(self):
        # The club field is fixed for them (disabled): a forged foreign club is ignored.
        for model in club_content_models():
            with self.subTest(model._meta.label):
                own = self.world.snippets[model, "A"]
                data = edit_form_data(own, title="Fremd", slug="")
                data["club"] = str(self.world.clubs["B"].pk)
                response = self.client.post(_snippet_url(own, "add"), data)
                self.assertEqual(response.status_code, 302)
                created = model.objects.get(title="Fremd")
                self.assertEqual(created.club_id, self.world.clubs["A"].pk)

    def test_creating_for_a_foreign_club_is_a_german_form_error(self):
        foreign = ClubPageFactory(parent=self.world.site_tree.clubs, title="Verein C")
        self.client.force_login(self.world.users["redaktion-ab"])
        for model in club_content_models():
            with self.subTest(model._meta.label):
                own = self.world.snippets[model, "A"]
                data = edit_form_data(own, title="Fremd", slug="")
                data["club"] = str(foreign.pk)
                response = self.client.post(_snippet_url(own, "add"), data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(FOREIGN_CLUB_ERROR, response.context["form"].errors["club"])
                self.assertFalse(model.objects.filter(title="Fremd").exists())

    def test_event_organiser_must_be_an_own_club(self):
        event = self.world.events["A"]
        data = edit_form_data(event, organiser=str(self.world.clubs["B"].pk))
        response = self.client.post(_url(event, "edit"), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn(FOREIGN_CLUB_ERROR, response.context["form"].errors["organiser"])

        data["organiser"] = str(self.world.clubs["A"].pk)
        data["title"] = "Mit eigenem Veranstalter"
        self.assertEqual(self.client.post(_url(event, "edit"), data).status_code, 302)
        latest = _fresh(event).get_latest_revision_as_object()
        self.assertEqual(latest.title, "Mit eigenem Veranstalter")

    def test_club_choice_offers_only_own_clubs(self):
        model = club_content_models()[0]
        response = self.client.get(_snippet_url(self.world.snippets[model, "A"], "add"))
        choices = [str(label) for _, label in response.context["form"].fields["club"].choices]
        self.assertIn("Verein A", choices)
        self.assertNotIn("Verein B", choices)

    def test_listing_search_never_shows_foreign_content(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                foreign = self.world.snippets[model, "B"]
                response = self.client.get(_snippet_url(foreign, "list"), {"q": "Verein"})
                self.assertEqual(response.status_code, 200)
                self.assertNotIn(_url(foreign, "edit"), response.text)
                self.assertIn(_url(self.world.snippets[model, "A"], "edit"), response.text)

    def test_listing_club_filter_offers_only_own_clubs(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                url = _snippet_url(self.world.snippets[model, "A"], "list")
                response = self.client.get(url)
                self.assertEqual(_club_filter_choices(response), ["Verein A"])
                self.assertNotIn("Verein B", response.text)
                self.client.force_login(self.world.users["moderation"])
                self.assertEqual(
                    _club_filter_choices(self.client.get(url)), ["Verein A", "Verein B"]
                )
                self.client.force_login(self.world.users["redaktion-a"])

    def test_snippet_chooser_offers_only_own_content(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                own, foreign = self.world.snippets[model, "A"], self.world.snippets[model, "B"]
                namespace = model.snippet_viewset.chooser_viewset.name
                response = self.client.get(reverse(f"{namespace}:choose"))
                self.assertEqual(response.status_code, 200)
                chooser_html = response.json()["html"]  # raw JSON escapes umlauts
                self.assertIn(own.title, chooser_html)
                self.assertNotIn(foreign.title, chooser_html)
                chosen = self.client.get(reverse(f"{namespace}:chosen", args=[foreign.pk]))
                self.assertEqual(chosen.status_code, 404)
                chosen = self.client.get(reverse(f"{namespace}:chosen", args=[own.pk]))
                self.assertEqual(chosen.status_code, 200)

    def test_editor_deletes_own_draft_but_not_live_content(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                draft = factory_for(model)(club=self.world.clubs["A"])
                live = self.world.snippets[model, "A"]
                self.client.post(_url(draft, "delete"))
                self.client.post(_url(live, "delete"))
                self.assertFalse(model.objects.filter(pk=draft.pk).exists())
                self.assertTrue(model.objects.filter(pk=live.pk).exists())

    def test_bulk_delete_deletes_own_drafts_only(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                own_draft = factory_for(model)(club=self.world.clubs["A"])
                foreign_draft = factory_for(model)(club=self.world.clubs["B"])
                url = reverse(
                    "wagtail_bulk_action",
                    args=[model._meta.app_label, model._meta.model_name, "delete"],
                )
                self.client.post(f"{url}?id={own_draft.pk}&id={foreign_draft.pk}")
                self.assertFalse(model.objects.filter(pk=own_draft.pk).exists())
                self.assertTrue(model.objects.filter(pk=foreign_draft.pk).exists())

    def test_editor_deletes_own_event_draft_but_never_the_club_profile(self):
        club = self.world.clubs["A"]
        draft_event = EventPageFactory(parent=club, live=False)
        self.client.post(_url(draft_event, "delete"))
        self.assertFalse(type(draft_event).objects.filter(pk=draft_event.pk).exists())

        # A club profile nothing refers to, unpublished and without events: Wagtail alone
        # would let its editor delete it.
        empty_club = ClubPageFactory(parent=self.world.site_tree.clubs, live=False)
        ClubMembership.objects.create(user=self.world.users["redaktion-a"], club=empty_club)
        self.client.post(_url(empty_club, "delete"))
        self.assertTrue(type(empty_club).objects.filter(pk=empty_club.pk).exists())

    def test_membership_controls_club_group(self):
        user = self.world.users["redaktion-a"]
        club_b_group = self.world.clubs["B"].editor_group.group
        membership = ClubMembership.objects.create(user=user, club=self.world.clubs["B"])
        self.assertTrue(user.groups.filter(pk=club_b_group.pk).exists())
        membership.delete()
        self.assertFalse(user.groups.filter(pk=club_b_group.pk).exists())
        ClubMembership.objects.filter(user=user).delete()
        self.assertFalse(user.groups.filter(name=CLUB_EDITORS).exists())


def _club_filter_choices(response):
    field = response.context["filters"].form.fields["club"]
    return sorted(str(label) for value, label in field.choices if value)


class ClubPolicyUsersTest(TestCase):
    """The policy's user-facing queries, used by Wagtail e.g. for notifications and filters."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def test_users_with_permission_for_an_instance(self):
        for model in club_content_models():
            with self.subTest(model._meta.label):
                policy = policy_registry.get_by_type(model)
                live_a = self.world.snippets[model, "A"]
                draft_a = factory_for(model)(club=self.world.clubs["A"])
                names = lambda users: set(users.values_list("username", flat=True))  # noqa: E731
                self.assertEqual(
                    names(policy.users_with_permission_for_instance("change", live_a)),
                    {"redaktion-a", "redaktion-ab", "moderation", "administration"},
                )
                self.assertEqual(
                    names(policy.users_with_permission_for_instance("publish", live_a)),
                    {"moderation", "administration"},
                )
                self.assertEqual(
                    names(policy.users_with_permission_for_instance("delete", live_a)),
                    {"moderation", "administration"},
                )
                self.assertEqual(
                    names(policy.users_with_permission_for_instance("delete", draft_a)),
                    {"redaktion-a", "redaktion-ab", "moderation", "administration"},
                )
                self.assertNotIn("anonym", names(policy.users_with_permission("change")))
                self.assertIn("redaktion-b", names(policy.users_with_permission("change")))
