"""Where a piece of club content stands in moderation, as editors read it in the admin.

One rule for the club editors' dashboard panel and the snippet listings' status column,
computed in the database (annotations), so a listing costs no query per row.
"""

from dataclasses import dataclass

from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.models import Page, Revision, TaskState, WorkflowState, get_default_page_content_type


@dataclass(frozen=True)
class ContentState:
    key: str
    label: str
    #: Wagtail's status tag style: primary (filled) for what the public sees.
    live: bool


DRAFT = ContentState("draft", "Entwurf", live=False)
WAITING = ContentState("waiting", "Wartet auf Freigabe", live=False)
SENT_BACK = ContentState("sent_back", "Zurückgeschickt", live=False)
SCHEDULED = ContentState("scheduled", "Geplant", live=False)
LIVE = ContentState("live", "Live", live=True)
LIVE_WITH_DRAFT = ContentState("live_with_draft", "Live, Änderungen im Entwurf", live=True)


def _base_content_type(model):
    if issubclass(model, Page):
        return get_default_page_content_type()
    return model.get_base_content_type()


def annotate_states(queryset):
    """Add ``ben_waiting``, ``ben_sent_back``, ``ben_sent_back_comment`` and
    ``ben_scheduled`` to every row (subqueries on workflow states and revisions)."""
    content_type = _base_content_type(queryset.model)
    object_id = Cast(OuterRef("pk"), output_field=CharField())
    workflow_states = WorkflowState.objects.filter(
        base_content_type=content_type, object_id=object_id
    )
    rejections = TaskState.objects.filter(
        workflow_state__base_content_type=content_type,
        workflow_state__object_id=object_id,
        workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
        status=TaskState.STATUS_REJECTED,
    ).order_by("-finished_at")
    return queryset.annotate(
        ben_waiting=Exists(workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS)),
        ben_sent_back=Exists(workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)),
        ben_sent_back_comment=Subquery(rejections.values("comment")[:1]),
        ben_scheduled=Exists(
            Revision.objects.filter(
                base_content_type=content_type,
                object_id=object_id,
                approved_go_live_at__isnull=False,
            )
        ),
    )


def state_of(obj) -> ContentState:
    """The state of an object from ``annotate_states``."""
    if obj.ben_waiting:
        return WAITING
    if obj.ben_sent_back:
        return SENT_BACK
    if obj.ben_scheduled:
        return SCHEDULED
    if obj.live:
        return LIVE_WITH_DRAFT if obj.has_unpublished_changes else LIVE
    return DRAFT


def sent_back_message(obj) -> str | None:
    """The moderator's decision on a sent-back object, for its edit view (None otherwise)."""
    workflow_state = obj.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    moderator = task_state.finished_by if task_state else None
    name = (
        (moderator.get_full_name() or moderator.get_username()) if moderator else "Die Moderation"
    )
    comment = task_state.comment if task_state else ""
    message = f"Zurückgeschickt von {name}"
    if comment:
        message += f" mit dem Kommentar „{comment}“"
    return message + " – bitte überarbeiten und erneut zur Freigabe einreichen."
