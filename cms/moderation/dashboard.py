"""The moderators' dashboard panel: every submission that waits for approval, oldest first."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from .club_content import ClubContent


@dataclass
class WaitingSubmission:
    title: str
    kind: str
    club_name: str
    submitted_by: str
    submitted_at: datetime
    edit_url: str | None


def waiting_submissions(user) -> list[WaitingSubmission]:
    """Submissions the user may decide on, oldest first, in a constant number of queries."""
    task_states = list(
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "workflow_state__content_type")
        .order_by("started_at", "pk")
    )
    objects = _content_objects([task_state.workflow_state for task_state in task_states])
    clubs = _clubs_of(objects.values())
    url_finder = AdminURLFinder(user)
    submissions = []
    for task_state in task_states:
        workflow_state = task_state.workflow_state
        obj = objects.get((workflow_state.content_type_id, workflow_state.object_id))
        if obj is None:
            continue
        requested_by = workflow_state.requested_by
        club = clubs.get(_key(obj))
        submissions.append(
            WaitingSubmission(
                title=obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
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


def _key(obj):
    return type(obj), obj.pk


def _content_objects(workflow_states) -> dict:
    """(content type id, object id) -> specific object, one query per content type."""
    ids_by_type = defaultdict(set)
    for workflow_state in workflow_states:
        ids_by_type[workflow_state.content_type].add(workflow_state.object_id)
    objects = {}
    for content_type, ids in ids_by_type.items():
        model = content_type.model_class()
        queryset = model._default_manager.filter(pk__in=ids)
        if issubclass(model, ClubContent):
            queryset = queryset.select_related("club")
        for obj in queryset:
            objects[content_type.pk, str(obj.pk)] = obj
    return objects


def _clubs_of(objects) -> dict:
    """_key(obj) -> owning ClubPage, with one query for all pages among the objects."""
    from cms.pages.models import ClubPage

    clubs = {_key(obj): obj.club for obj in objects if isinstance(obj, ClubContent)}
    pages = [obj for obj in objects if isinstance(obj, Page)]
    ancestor_paths = {
        page.path[:end]
        for page in pages
        for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
    }
    club_by_path = {club.path: club for club in ClubPage.objects.filter(path__in=ancestor_paths)}
    for page in pages:
        for end in range(len(page.path), 0, -Page.steplen):
            if club := club_by_path.get(page.path[:end]):
                clubs[_key(page)] = club
                break
    return clubs


class WaitingSubmissionsPanel(Component):
    name = "ben_waiting_submissions"
    template_name = "moderation/dashboard_panel.html"
    order = 50

    def __init__(self, submissions):
        self.submissions = submissions

    def get_context_data(self, parent_context):
        return {"submissions": self.submissions}
