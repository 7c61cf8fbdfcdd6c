"""The dashboard panels and the club content admin over HTTP: one moderation queue with its
decisions, the club editor's overview with every state, the listing's status column and
the moderator's comment on top of a sent-back item's edit view."""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import WorkflowState

from cms.moderation.policies import club_content_models
from cms.moderation.states import DRAFT, LIVE, SENT_BACK, WAITING, annotate_states, state_of

from .fixtures import build_world

COMMENT = "Bitte die Uhrzeit ergänzen."


def _submit(obj, user):
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)


class DashboardPanelsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.model = club_content_models()[0]
        editor = cls.world.users["redaktion-a"]
        cls.waiting = cls.world.snippets[cls.model, "A"]
        _submit(cls.waiting, editor)
        cls.sent_back = cls.world.draft_snippets[cls.model, "A"]
        _submit(cls.sent_back, editor)
        task_state = cls.sent_back.current_workflow_state.current_task_state
        task_state.task.specific.on_action(
            task_state, cls.world.users["moderation"], "reject", comment=COMMENT
        )

    def test_moderators_see_one_queue_with_decisions_and_changes(self):
        self.client.force_login(self.world.users["moderation"])
        html = self.client.get(reverse("wagtailadmin_home")).text
        self.assertNotIn('id="awaiting-review"', html)
        self.assertEqual(html.count("data-ben-waiting-submissions"), 1)
        viewset = self.model.snippet_viewset
        workflow_state = self.waiting.current_workflow_state
        task_state_id = workflow_state.current_task_state.pk
        for action in ("approve", "reject"):
            url = reverse(
                viewset.get_url_name("workflow_action"),
                args=(self.waiting.pk, action, task_state_id),
            )
            self.assertIn(f'data-workflow-action-url="{url}"', html)
        compare = reverse(
            viewset.get_url_name("revisions_compare"),
            args=(self.waiting.pk, "live", self.waiting.latest_revision_id),
        )
        self.assertIn(compare, html)
        self.assertEqual(self.client.get(compare).status_code, 200)

    def test_club_editors_see_their_clubs_content_with_its_state(self):
        self.client.force_login(self.world.users["redaktion-a"])
        html = self.client.get(reverse("wagtailadmin_home")).text
        self.assertNotIn('id="awaiting-review"', html)
        self.assertIn("data-ben-club-overview", html)
        self.assertIn(COMMENT, html)
        self.assertIn(self.world.events["A"].title, html)
        self.assertNotIn("von Verein B", html)  # never another club's content
        add = reverse(self.model.snippet_viewset.get_url_name("add"))
        self.assertIn(f"{add}?club={self.world.clubs['A'].pk}", html)

    def test_states_follow_the_workflow(self):
        states = {
            obj.pk: state_of(obj)
            for obj in annotate_states(
                self.model.objects.filter(club=self.world.clubs["A"]).order_by()
            )
        }
        self.assertEqual(states[self.waiting.pk], WAITING)
        self.assertEqual(states[self.sent_back.pk], SENT_BACK)
        live_b = self.world.snippets[self.model, "B"]
        self.assertEqual(state_of(annotate_states(self.model.objects).get(pk=live_b.pk)), LIVE)
        draft_b = self.world.draft_snippets[self.model, "B"]
        self.assertEqual(state_of(annotate_states(self.model.objects).get(pk=draft_b.pk)), DRAFT)

    def test_listing_has_a_status_column(self):
        self.client.force_login(self.world.users["redaktion-a"])
        response = self.client.get(reverse(self.model.snippet_viewset.get_url_name("list")))
        self.assertContains(response, "Stand")
        self.assertContains(response, WAITING.label)
        self.assertContains(response, SENT_BACK.label)

    def test_sent_back_items_edit_view_shows_the_moderators_comment(self):
        self.client.force_login(self.world.users["redaktion-a"])
        url = reverse(self.model.snippet_viewset.get_url_name("edit"), args=(self.sent_back.pk,))
        response = self.client.get(url)
        self.assertContains(response, COMMENT)
        self.assertContains(response, "Zurückgeschickt von")
        self.assertEqual(
            self.sent_back.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES
        )

    def test_club_is_preselected_from_the_query_for_editors_of_several_clubs(self):
        self.client.force_login(self.world.users["redaktion-ab"])
        club_b = self.world.clubs["B"]
        add = reverse(self.model.snippet_viewset.get_url_name("add"))
        form = self.client.get(f"{add}?club={club_b.pk}").context["form"]
        self.assertEqual(form["club"].value(), club_b.pk)
        self.assertFalse(form.fields["club"].disabled)
