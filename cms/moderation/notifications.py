"""German moderation emails: moderators on submission, editors on approval or rejection.

Wagtail's own workflow notifiers are replaced (same signals, same preference checks in
the user's notification settings) so that nobody gets every email twice. Wagtail's notifiers
send inside the request; BEN's queue a task (``cms.core.mail``) with the keys of the task or
workflow state, of the task state the event is about (the one submitted, approved or rejected),
of the acting user and of the recipients, and the task renders and sends.

The task describes the event that was queued, not the workflow as it is when the task runs:
the editor may have resubmitted, a moderator decided or the object been deleted meanwhile
(a backlog, a stopped worker). Its context comes from the queued task state: that task, its
comment, the object named as in its revision of that moment.
"""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django_tasks import task
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import (
    Comment,
    CommentReply,
    DraftStateMixin,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from cms.core.mail import enqueue_on_commit
from cms.core.wagtail_patches import queue_page_comment_notifications, replace_signal_receiver

from .models import ClubMembership, club_of


def revision_of(task_state, obj):
    """The revision of ``obj`` the event was about: its latest when the task state was
    decided (a submission: started). Not ``task_state.revision``: Wagtail gives the task state
    of a resubmitted snippet the revision it rejected before."""
    return (
        Revision.objects.for_instance(obj)
        .filter(created_at__lte=task_state.finished_at or task_state.started_at)
        .order_by("-created_at", "-pk")
        .first()
    )


def named_as_in(revision, obj):
    """``obj`` as the templates' ``{% latest_str %}`` should name it: with its title in
    ``revision``, not in the latest draft (an in-memory change, nothing is saved)."""
    if isinstance(obj, Page):
        obj.draft_title = revision.object_str
    elif isinstance(obj, DraftStateMixin):
        obj.latest_revision = revision
    return obj


class QueuedMixin:
    """Send from the task queue: the request queues keys, ``send_notification`` builds the
    context from the queued task state and sends. Templates live in templates/moderation/email/
    and know the owning club."""

    template_directory = "moderation/email/"
    #: The status of the queued task state while the email is still true.
    task_state_status: str

    def get_template_base_prefix(self, instance, **kwargs):
        return ""

    def task_state_pk_of(self, instance):
        """The key of the task state the event is about (of a workflow state: the one that
        decided it)."""
        return instance.current_task_state_id

    def get_context(self, instance, **kwargs):
        """In the request: only the keys the task needs."""
        return {"instance_pk": instance.pk, "task_state_pk": self.task_state_pk_of(instance)}

    def send_notifications(self, template_set, context, recipients, **kwargs):
        user = kwargs.get("user")
        enqueue_on_commit(
            send_notification,
            notification=self.notification,
            instance_pk=context["instance_pk"],
            task_state_pk=context["task_state_pk"],
            user_pk=user.pk if user is not None else None,
            recipient_pks=sorted(recipient.pk for recipient in recipients),
        )
        return True

    def get_event_context(self, task_state, obj):
        """In the task: the templates' context, all of it as of ``task_state``."""
        workflow_state = task_state.workflow_state
        obj = getattr(obj, "specific", obj)
        revision = revision_of(task_state, obj)
        if revision is not None:
            obj = named_as_in(revision, obj)
        return {
            "settings": settings,
            "workflow": workflow_state.workflow,
            "requested_by": workflow_state.requested_by,
            "task": task_state.task.specific,
            "task_state": task_state,
            "comment": task_state.get_comment(),
            "object": obj,
            "model_name": obj._meta.verbose_name,
            "club": club_of(obj),
        }


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


class SubmissionNotifier(QueuedMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    notification = "submitted"
    task_state_status = TaskState.STATUS_IN_PROGRESS

    def task_state_pk_of(self, instance):
        return instance.pk


class ApprovalNotifier(QueuedMixin, BoardMembersInCopyMixin, WorkflowStateApprovalEmailNotifier):
    notification = "approved"
    task_state_status = TaskState.STATUS_APPROVED


class RejectionNotifier(QueuedMixin, BoardMembersInCopyMixin, WorkflowStateRejectionEmailNotifier):
    notification = "rejected"
    task_state_status = TaskState.STATUS_REJECTED


submission_notifier = SubmissionNotifier()
approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()
NOTIFIERS = {
    notifier.notification: notifier
    for notifier in (submission_notifier, approval_notifier, rejection_notifier)
}


@task()
def send_notification(
    notification: str,
    instance_pk: int,
    user_pk: int | None,
    recipient_pks: list[int],
    task_state_pk: int | None = None,
) -> bool:
    """Render and send one moderation notification about the queued task state to the users
    chosen when it happened (who are still active and have an address).

    False, sending nothing, if the task state or its object is gone or the email is no longer
    true: a submission approved, rejected or withdrawn before the task ran asks nobody to
    review it. A decision stays true; its email names the revision decided on and carries the
    moderator's comment, whatever the editor did since."""
    notifier = NOTIFIERS[notification]
    if task_state_pk is None:
        # Queued by a release that queued no task state: the state's own, if still so decided.
        [state_model] = notifier.valid_classes
        instance = state_model.objects.filter(pk=instance_pk).first()
        task_state_pk = instance and notifier.task_state_pk_of(instance)
    task_state = (
        TaskState.objects.select_related("workflow_state")
        .filter(pk=task_state_pk, status=notifier.task_state_status)
        .first()
    )
    obj = task_state and task_state.workflow_state.content_object
    if obj is None:
        return False
    users = get_user_model().objects
    user = users.filter(pk=user_pk).first() if user_pk is not None else None
    recipients = list(users.filter(pk__in=recipient_pks, is_active=True).exclude(email=""))
    context = notifier.get_event_context(task_state.specific, obj)
    template_set = notifier.get_template_set(task_state, user=user)
    return notifier.send_emails(template_set, context, recipients)


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


#: Wagtail's method, kept before ``queue_page_comment_notifications`` replaces it.
wagtail_send_commenting_notifications = EditView.send_commenting_notifications


def queue_comment_notifications(view, changes) -> None:
    """In the page editor's request: queue the keys of the comments that changed, if any
    change is one Wagtail mails about (deleted comments are not: see the task)."""
    if not (changes["new_comments"] or changes["resolved_comments"] or changes["new_replies"]):
        return
    enqueue_on_commit(
        send_comment_notifications,
        page_pk=view.page.pk,
        editor_pk=view.request.user.pk,
        new_comment_pks=[comment.pk for comment in changes["new_comments"]],
        resolved_comment_pks=[comment.pk for comment in changes["resolved_comments"]],
        new_replies=[
            [comment.pk, [reply.pk for reply in replies]]
            for comment, replies in changes["new_replies"]
        ],
    )


@task()
def send_comment_notifications(
    page_pk: int,
    editor_pk: int,
    new_comment_pks: list[int],
    resolved_comment_pks: list[int],
    new_replies: list,
) -> bool:
    """Wagtail's own comment notifications (its subscribers, templates and preferences), sent
    from the queue. Deleted comments are not mailed: their text is gone when the task runs and
    the task's arguments must not carry it."""
    page = Page.objects.filter(pk=page_pk).first()
    editor = get_user_model().objects.filter(pk=editor_pk).first()
    if page is None or editor is None:
        return False
    comments = Comment.objects.in_bulk(
        [*new_comment_pks, *resolved_comment_pks, *(pk for pk, _replies in new_replies)]
    )
    replies = CommentReply.objects.in_bulk(
        [pk for _comment, reply_pks in new_replies for pk in reply_pks]
    )
    changes = {
        "new_comments": [comments[pk] for pk in new_comment_pks if pk in comments],
        "deleted_comments": [],
        "resolved_comments": [comments[pk] for pk in resolved_comment_pks if pk in comments],
        "new_replies": [
            (comments[pk], [replies[reply] for reply in reply_pks if reply in replies])
            for pk, reply_pks in new_replies
            if pk in comments
        ],
    }
    view = SimpleNamespace(page=page.specific, request=SimpleNamespace(user=editor))
    wagtail_send_commenting_notifications(view, changes)
    return True


def replace_wagtail_workflow_notifiers() -> None:
    """Put the German notifiers in the place of Wagtail's workflow notifiers, and send
    Wagtail's comment notifications from the task queue."""
    for signal, sender, dispatch_uid, receiver in _RECEIVERS:
        replace_signal_receiver(signal, sender, dispatch_uid, receiver)
    queue_page_comment_notifications(queue_comment_notifications)
