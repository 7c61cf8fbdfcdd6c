"""The dashboard panels: the moderators' one queue and the club editors' overview.

The moderators' queue replaces Wagtail's "Awaiting your review" panel (one list, not two):
oldest first, with club, kind, submitter, age, the changes and the decision right there.
The club editors' overview answers "where does my club's content stand?".
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState

from .club_content import ClubContent
from .policies import club_content_models
from .states import annotate_states, state_of


@dataclass
class WorkflowAction:
    label: str
    url: str
    #: Opens Wagtail's modal for a comment before the action is taken.
    with_comment: bool


@dataclass
class WaitingSubmission:
    title: str
    kind: str
    club_name: str
    submitted_by: str
    submitted_at: datetime
    edit_url: str | None
    compare_url: str | None = None
    #: For a first submission, which has no earlier version to compare with.
    preview_url: str | None = None
    actions: list[WorkflowAction] = field(default_factory=list)


def waiting_submissions(user) -> list[WaitingSubmission]:
    """Submissions the user may decide on, oldest first, in a constant number of queries."""
    task_states = list(
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by", "workflow_state__content_type")
        .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
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
                compare_url=_compare_url(obj, task_state),
                preview_url=_preview_url(obj, task_state),
                actions=_actions(obj, task_state),
            )
        )
    return submissions


def _url_name(obj, view_name: str) -> str:
    if isinstance(obj, Page):
        return f"wagtailadmin_pages:{view_name}"
    return obj.snippet_viewset.get_url_name(view_name)


def _compare_url(obj, task_state) -> str | None:
    """The submitted revision against the live version, or against the one before it."""
    base = "live" if obj.live_revision_id else task_state.previous_revision_id
    if base is None or task_state.revision_id is None:
        return None
    return reverse(_url_name(obj, "revisions_compare"), args=(obj.pk, base, task_state.revision_id))


def _preview_url(obj, task_state) -> str | None:
    if not getattr(obj, "is_previewable", lambda: False)():
        return None
    return reverse(_url_name(obj, "workflow_preview"), args=(obj.pk, task_state.task_id))


def _actions(obj, task_state) -> list[WorkflowAction]:
    """Approve at once, or send back with a comment (Wagtail's workflow action view)."""

    def url(action_name):
        return reverse(_url_name(obj, "workflow_action"), args=(obj.pk, action_name, task_state.pk))

    return [
        WorkflowAction("Freigeben", url("approve"), with_comment=False),
        WorkflowAction("Zurückschicken …", url("reject"), with_comment=True),
    ]


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


#: How many items of one kind the overview lists; the listing behind "Alle" has the rest.
ITEMS_PER_KIND = 8


@dataclass
class ClubItem:
    title: str
    edit_url: str | None
    state: object
    comment: str
    updated_at: datetime | None


@dataclass
class ClubSection:
    label: str
    add_label: str
    add_url: str | None
    list_url: str | None
    items: list[ClubItem]
    total: int


@dataclass
class ClubOverview:
    club: object
    sections: list[ClubSection]


def club_overviews(user, clubs) -> list[ClubOverview]:
    """Per club: its profile and events, and every kind of club content, with their state."""
    from cms.pages.models import EventPage

    url_finder = AdminURLFinder(user)
    overviews = []
    for club in clubs:
        pages = annotate_states(
            Page.objects.descendant_of(club, inclusive=True).order_by("-latest_revision_created_at")
        )
        page_items = [_item(page, url_finder) for page in pages[:ITEMS_PER_KIND]]
        sections = [
            ClubSection(
                label="Vereinsprofil und Veranstaltungen",
                add_label="Veranstaltung anlegen",
                add_url=reverse(
                    "wagtailadmin_pages:add",
                    args=(EventPage._meta.app_label, EventPage._meta.model_name, club.pk),
                ),
                list_url=reverse("wagtailadmin_explore", args=(club.pk,)),
                items=page_items,
                total=pages.count(),
            )
        ]
        for model in club_content_models():
            viewset = getattr(model, "snippet_viewset", None)
            if viewset is None:
                continue
            items = annotate_states(
                model._default_manager.filter(club=club).order_by("-updated_at")
            )
            sections.append(
                ClubSection(
                    label=str(model._meta.verbose_name_plural),
                    add_label=f"{model._meta.verbose_name} anlegen",
                    add_url=f"{reverse(viewset.get_url_name('add'))}?club={club.pk}",
                    list_url=f"{reverse(viewset.get_url_name('list'))}?club={club.pk}",
                    items=[_item(obj, url_finder) for obj in items[:ITEMS_PER_KIND]],
                    total=items.count(),
                )
            )
        overviews.append(ClubOverview(club=club, sections=sections))
    return overviews


def _item(obj, url_finder) -> ClubItem:
    state = state_of(obj)
    return ClubItem(
        title=obj.get_admin_display_title() if isinstance(obj, Page) else str(obj),
        edit_url=url_finder.get_edit_url(obj),
        state=state,
        comment=(obj.ben_sent_back_comment or "") if state.key == "sent_back" else "",
        updated_at=obj.latest_revision_created_at if isinstance(obj, Page) else obj.updated_at,
    )


class ClubOverviewPanel(Component):
    name = "ben_club_overview"
    template_name = "moderation/club_overview_panel.html"
    order = 40

    def __init__(self, overviews):
        self.overviews = overviews

    def get_context_data(self, parent_context):
        return {"overviews": self.overviews}
