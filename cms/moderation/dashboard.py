"""The moderators' dashboard panel: every submission that waits for approval, oldest first."""

from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from .models import club_of


@dataclass
class WaitingSubmission:
    title: str
    kind: str
    club_name: str
    submitted_by: str
    submitted_at: datetime
    edit_url: str | None


def waiting_submissions(user) -> list[WaitingSubmission]:
    """Submissions the user may decide on, oldest first."""
    task_states = (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    url_finder = AdminURLFinder(user)
    submissions = []
    for task_state in task_states:
        obj = task_state.workflow_state.content_object
        if obj is None:
            continue
        obj = getattr(obj, "specific", obj)
        club = club_of(obj)
        requested_by = task_state.workflow_state.requested_by
        submissions.append(
            WaitingSubmission(
                title=str(getattr(obj, "get_admin_display_title", obj.__str__)()),
                kind=str(obj._meta.verbose_name),
                club_name=club.title if club else "–",
                submitted_by=(requested_by.get_full_name() or requested_by.get_username())
                if requested_by
                else "–",
                submitted_at=task_state.started_at,
                edit_url=url_finder.get_edit_url(obj),
            )
        )
    return submissions


class WaitingSubmissionsPanel(Component):
    name = "ben_waiting_submissions"
    template_name = "moderation/dashboard_panel.html"
    order = 50

    def __init__(self, submissions):
        self.submissions = submissions

    def get_context_data(self, parent_context):
        return {"submissions": self.submissions}
