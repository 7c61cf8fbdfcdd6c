"""The moderators' dashboard panel and the membership admin with its invitation path."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from cms.moderation.dashboard import waiting_submissions
from cms.moderation.memberships import (
    AMBIGUOUS_EMAIL_ERROR,
    INACTIVE_ACCOUNT_ERROR,
    USERNAME_TAKEN_ERROR,
)
from cms.moderation.models import ClubMembership
from cms.moderation.policies import club_content_models
from cms.moderation.roles import CLUB_EDITORS
from tests.factories.users import UserFactory

from .fixtures import build_world


class DashboardPanelTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        submitter = cls.world.users["redaktion-ab"]
        news = cls.world.snippets[club_content_models()[0], "B"]
        event = cls.world.events["A"]
        for obj in (news, event):
            obj = obj.specific if hasattr(obj, "specific") else obj
            obj.save_revision(user=submitter)
            obj.get_workflow().start(obj, submitter)
        # The event waits longer, so it must come first.
        TaskState.objects.filter(
            workflow_state__object_id=str(event.pk),
            workflow_state__base_content_type__model="page",
        ).update(started_at=timezone.now() - timedelta(days=2))
        cls.news, cls.event = news, event

    def test_moderator_sees_waiting_submissions_oldest_first_with_club(self):
        self.client.force_login(self.world.users["moderation"])
        html = self.client.get(reverse("wagtailadmin_home")).text
        self.assertIn("Wartet auf Freigabe", html)
        panel = html[html.index("data-ben-waiting-submissions") :]
        event_at, news_at = panel.index(self.event.title), panel.index(self.news.title)
        self.assertLess(event_at, news_at)
        self.assertIn("Verein A", panel[event_at:news_at])
        self.assertIn("Verein B", panel[news_at:])

    def test_panel_query_count_does_not_grow_with_submissions(self):
        moderator = self.world.users["moderation"]

        def count_queries():
            fresh_user = type(moderator).objects.get(pk=moderator.pk)
            with CaptureQueriesContext(connection) as queries:
                submissions = waiting_submissions(fresh_user)
            return len(queries), len(submissions)

        def submit_all(objects):
            submitter = self.world.users["redaktion-ab"]
            for obj in objects:
                obj = obj.specific if hasattr(obj, "specific") else obj
                if not obj.workflow_in_progress:
                    obj.save_revision(user=submitter)
                    obj.get_workflow().start(obj, submitter)

        # One query per content type is fine; one per submission is not.
        submit_all(obj for (model, key), obj in self.world.snippets.items() if key == "A")
        before, listed_before = count_queries()
        submit_all([self.world.events["B"], *self.world.snippets.values()])
        after, listed_after = count_queries()
        self.assertGreater(listed_after, listed_before + 2)
        self.assertEqual(after, before)

    def test_club_editor_has_no_moderation_panel(self):
        self.client.force_login(self.world.users["redaktion-a"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("data-ben-waiting-submissions", response.text)


class MembershipAdminTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def invite(self, client, email="neu@example.org", club="A"):
        # The invitation leaves from the task queue once the request's transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            return self.post_invitation(client, email, club)

    def post_invitation(self, client, email, club):
        return client.post(
            reverse("club_memberships:add"),
            {
                "email": email,
                "first_name": "Nina",
                "last_name": "Neu",
                "club": self.world.clubs[club].pk,
                "role": ClubMembership.Role.EDITOR,
            },
        )

    def test_moderator_invites_editor_who_sets_own_password(self):
        self.client.force_login(self.world.users["moderation"])
        response = self.invite(self.client)
        self.assertEqual(response.status_code, 302)

        user = get_user_model().objects.get(email="neu@example.org")
        self.assertFalse(user.has_usable_password())
        self.assertTrue(user.groups.filter(name=CLUB_EDITORS).exists())
        [invitation] = mail.outbox
        self.assertEqual(invitation.to, ["neu@example.org"])
        self.assertIn("Einladung", invitation.subject)
        link = re.search(r"http://localhost(/admin/password_reset/confirm/\S+)", invitation.body)

        self.client.logout()
        form_page = self.client.get(link.group(1), follow=True)
        self.assertEqual(form_page.status_code, 200)
        self.client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "Ehrenamt-2026!", "new_password2": "Ehrenamt-2026!"},
        )
        self.assertTrue(self.client.login(username="neu@example.org", password="Ehrenamt-2026!"))
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_existing_person_joins_another_club_without_new_account(self):
        self.client.force_login(self.world.users["moderation"])
        existing = self.world.users["redaktion-a"]
        self.invite(self.client, email=existing.email, club="B")
        self.assertTrue(ClubMembership.objects.filter(user=existing, club__title="Verein B"))
        self.assertEqual(mail.outbox, [])

    def test_duplicate_membership_is_a_german_form_error(self):
        self.client.force_login(self.world.users["moderation"])
        response = self.invite(self.client, email="redaktion-a@example.org", club="A")
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Diese Person gehört bereits zur Redaktion dieses Vereins.",
            response.context["form"].errors["email"],
        )

    def test_club_editors_cannot_manage_memberships(self):
        self.client.force_login(self.world.users["redaktion-ab"])
        self.assertNotEqual(self.client.get(reverse("club_memberships:index")).status_code, 200)
        self.invite(self.client, email="eingeschleust@example.org")
        self.assertFalse(get_user_model().objects.filter(email="eingeschleust@example.org"))

    def assert_invitation_refused(self, email, message):
        self.client.force_login(self.world.users["moderation"])
        memberships = ClubMembership.objects.count()
        response = self.invite(self.client, email=email)
        self.assertEqual(response.status_code, 200)
        self.assertIn(message, " ".join(response.context["form"].errors["email"]))
        self.assertEqual(ClubMembership.objects.count(), memberships)
        self.assertEqual(mail.outbox, [])

    def test_email_used_as_another_accounts_username_is_a_german_form_error(self):
        for username in ("doppelt@example.org", "Doppelt@Example.org"):
            with self.subTest(username):
                UserFactory(username=username, email="jemand.anderes@example.org")
                self.assert_invitation_refused("doppelt@example.org", USERNAME_TAKEN_ERROR)

    def test_email_shared_by_several_accounts_is_a_german_form_error(self):
        UserFactory(username="erstes-konto", email="geteilt@example.org")
        UserFactory(username="zweites-konto", email="Geteilt@example.org")
        self.assert_invitation_refused("geteilt@example.org", AMBIGUOUS_EMAIL_ERROR)

    def test_deactivated_account_is_a_german_form_error(self):
        UserFactory(username="stillgelegt", email="stillgelegt@example.org", is_active=False)
        self.assert_invitation_refused("stillgelegt@example.org", INACTIVE_ACCOUNT_ERROR)

    def test_email_longer_than_a_username_is_a_german_form_error(self):
        self.assert_invitation_refused("a" * 140 + "@example.org", "höchstens 150 Zeichen")
