"""German moderation emails: moderators on submission, editors on approval or rejection.

Wagtail's own workflow notifiers are replaced (same signals, same preference checks in
the user's notification settings) so that nobody gets every email twice.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from cms.core.wagtail_patches import replace_signal_receiver

from .models import ClubMembership, club_of


class ClubContextMixin:
    """Templates live in templates/moderation/email/ and know the owning club."""

    template_directory = "moderation/email/"

    def get_template_base_prefix(self, instance, **kwargs):
        return ""

    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        obj = context["object"] = getattr(context["object"], "specific", context["object"])
        context["model_name"] = obj._meta.verbose_name
        context["club"] = club_of(obj)
        return context


class BoardMembersInCopyMixin:
    """The club's Vereinsleitung hears about every decision on their club's content."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = set(super().get_recipient_users(workflow_state, **kwargs))
        club = club_of(workflow_state.content_object)
        if club is not None:
            board = get_user_model().objects.filter(
                club_memberships__club=club,
                club_memberships__role=ClubMembership.Role.BOARD,
            )
            recipients |= set(board)
        recipients.discard(kwargs.get("user"))
        return recipients


class SubmissionNotifier(ClubContextMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    notification = "submitted"

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


class ApprovalNotifier(
    ClubContextMixin, BoardMembersInCopyMixin, WorkflowStateApprovalEmailNotifier
):
    notification = "approved"


class RejectionNotifier(
    ClubContextMixin, BoardMembersInCopyMixin, WorkflowStateRejectionEmailNotifier
):
    notification = "rejected"


submission_notifier = SubmissionNotifier()
approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()


def _no_separate_workflow_mail(sender, **kwargs):
    """Moderators already get the task submission mail; a second one per workflow is noise."""


# (signal, sender, Wagtail's dispatch_uid, our receiver): see cms.core.wagtail_patches.
_RECEIVERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        submission_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        _no_separate_workflow_mail,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        approval_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        rejection_notifier,
    ),
)


def replace_wagtail_workflow_notifiers() -> None:
    """Put the German notifiers in the place of Wagtail's workflow notifiers."""
    for signal, sender, dispatch_uid, receiver in _RECEIVERS:
        replace_signal_receiver(signal, sender, dispatch_uid, receiver)
