"""The "BEN-Freigabe" workflow end to end through the admin views, for the club profile, a
club event and every ClubContent type: submit, request changes, resubmit, approve."""

from django.core import mail
from django.test import TestCase
from wagtail.log_actions import registry as log_registry
from wagtail.models import WorkflowState

from cms.moderation.policies import club_content_models

from .admin_forms import edit_form_data
from .fixtures import build_world
from .test_permission_matrix import _fresh, _url

COMMENT = "Bitte noch die Uhrzeit ergänzen."


class WorkflowTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        self.editor = self.client_class()
        self.editor.force_login(self.world.users["redaktion-a"])
        self.moderator = self.client_class()
        self.moderator.force_login(self.world.users["moderation"])
        self.board = self.world.users["redaktion-ab"]

    def moderated_objects(self):
        yield self.world.clubs["A"]
        yield self.world.events["A"]
        for model in club_content_models():
            yield self.world.snippets[model, "A"]

    def submit(self, obj, title):
        data = edit_form_data(obj, title=title)
        data["action-submit"] = "Zur Freigabe einreichen"
        # The notifications leave from the task queue once the request's transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.editor.post(_url(obj, "edit"), data)
        self.assertEqual(response.status_code, 302)

    def act(self, obj, action, **data):
        task_state = _fresh(obj).current_workflow_task_state
        self.assertIsNotNone(task_state, "nothing is in moderation")
        with self.captureOnCommitCallbacks(execute=True):
            return self.moderator.post(_url(obj, "workflow_action", action, task_state.pk), data)

    def test_reject_keeps_live_version_and_draft_then_resubmit_and_approve(self):
        for obj in self.moderated_objects():
            with self.subTest(type(obj)._meta.label):
                mail.outbox.clear()
                live_title = _fresh(obj).title
                club_title = _fresh(self.world.clubs["A"]).title

                self.submit(obj, "Entwurf 1")
                self.assertTrue(_fresh(obj).workflow_in_progress)
                self.assertEqual(_fresh(obj).title, live_title, "submitting published")
                [to_moderators] = [m for m in mail.outbox if "moderation@" in m.to[0]]
                self.assertIn("Zur Freigabe", to_moderators.subject)
                self.assertIn(f"von {club_title}", to_moderators.body)

                mail.outbox.clear()
                self.act(obj, "reject", comment=COMMENT)
                current = _fresh(obj)
                self.assertEqual(current.title, live_title, "rejecting changed the live version")
                self.assertTrue(current.live)
                self.assertEqual(current.get_latest_revision_as_object().title, "Entwurf 1")
                self.assertEqual(
                    current.current_workflow_state.status, WorkflowState.STATUS_NEEDS_CHANGES
                )
                recipients = {m.to[0] for m in mail.outbox}
                self.assertEqual(recipients, {"redaktion-a@example.org", self.board.email})
                self.assertIn(COMMENT, mail.outbox[0].body)
                self.assertIn("Änderungen erbeten", mail.outbox[0].subject)
                editor_view = self.editor.get(_url(obj, "edit")).text
                self.assertTrue(COMMENT in editor_view, "the editor does not see the comment")

                self.submit(obj, "Entwurf 2")
                self.assertEqual(
                    _fresh(obj).current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS
                )
                mail.outbox.clear()
                self.act(obj, "approve")
                current = _fresh(obj)
                self.assertEqual(current.title, "Entwurf 2")
                self.assertFalse(current.workflow_in_progress)
                self.assertIn("Freigegeben", mail.outbox[0].subject)

                actions = [entry.action for entry in log_registry.get_logs_for_instance(current)]
                for expected in (
                    "wagtail.workflow.start",
                    "wagtail.workflow.reject",
                    "wagtail.workflow.resume",
                    "wagtail.workflow.approve",
                    "wagtail.publish",
                ):
                    self.assertIn(expected, actions)
                history = self.editor.get(_url(obj, "history")).text
                for shown in ("Abgelehnt bei", COMMENT, "erneut eingereicht", "Freigegeben bei"):
                    self.assertTrue(shown in history, f"history view lacks {shown!r}")

    def test_editor_cannot_approve_own_submission(self):
        for obj in self.moderated_objects():
            with self.subTest(type(obj)._meta.label):
                self.submit(obj, "Selbst freigegeben?")
                task_state = _fresh(obj).current_workflow_task_state
                self.editor.post(_url(obj, "workflow_action", "approve", task_state.pk))
                self.assertTrue(_fresh(obj).workflow_in_progress)
                self.assertNotEqual(_fresh(obj).title, "Selbst freigegeben?")

    def test_audit_log_names_the_people(self):
        obj = self.world.snippets[club_content_models()[0], "A"]
        self.submit(obj, "Mit Protokoll")
        self.act(obj, "approve")
        entries = {
            entry.action: entry.user.username
            for entry in log_registry.get_logs_for_instance(_fresh(obj))
            if entry.user
        }
        self.assertEqual(entries["wagtail.workflow.start"], "redaktion-a")
        self.assertEqual(entries["wagtail.workflow.approve"], "moderation")
        self.assertEqual(entries["wagtail.publish"], "moderation")

    def test_locking_prevents_overwriting(self):
        for obj in self.moderated_objects():
            with self.subTest(type(obj)._meta.label):
                self.moderator.post(_url(obj, "lock"))
                self.assertTrue(_fresh(obj).locked)
                self.editor.post(_url(obj, "edit"), edit_form_data(obj, title="Überschrieben"))
                latest = _fresh(obj).get_latest_revision_as_object()
                self.assertNotEqual(latest.title, "Überschrieben")
                self.assertEqual(self.editor.post(_url(obj, "unlock")).status_code, 302)
                self.assertTrue(_fresh(obj).locked, "an editor lifted a moderator's lock")
