"""Admin views that apply the club permission policy to single objects and listings.

Wagtail's generic snippet views check model-level permissions; the club policy also has to
decide per object. ``ClubScopedSnippetViewSet`` swaps in views that ask the policy for the
object at hand, filter listings to what the user may see and restrict the club field and
the listing's club filter to the user's own clubs. ``cms.snippets.views.ClubContentViewSet``
derives from it, and a system check (``moderation.E001``) refuses any ClubContent model
registered without it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser as chooser_views
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import club_choice_form
from .policies import club_ids_for


class ClubScopedObjectMixin:
    """Deny the view when the policy refuses ``instance_action`` on the requested object."""

    instance_action = "change"

    @cached_property
    def club_policy(self):
        return policy_registry.get_by_type(self.model)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not self.club_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, obj
        ):
            raise PermissionDenied
        return obj


class ClubScopedFilterSet(WagtailFilterSet):
    """A listing's ``club`` filter offers club editors only their own clubs."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        club_filter = self.filters.get("club")
        user = self.request.user
        policy = policy_registry.get_by_type(self._meta.model)
        if club_filter is not None and not policy.user_has_global_permission(user, "change"):
            club_filter.queryset = club_filter.queryset.filter(pk__in=club_ids_for(user))


class ClubScopedListingMixin:
    """Listings (and their search and filters) show only objects the user may change.

    The policy's queryset filters on ``club``, which ClubContent indexes as a FilterField,
    so admin search works on the restricted listing too.
    """

    base_filterset_class = ClubScopedFilterSet

    def get_base_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["change", "view"]
        )
        return super().get_base_queryset() & allowed


class ClubFormViewMixin:
    """Build the panel's form with the ``club`` field restricted to the user's clubs."""

    def get_form_class(self):
        policy = self.permission_policy
        return club_choice_form(
            super().get_form_class(),
            ["club"],
            lambda user: not policy.user_has_global_permission(user, "add"),
        )


class ClubScopedChooserMixin:
    """Snippet choosers offer (and accept) only objects the user may see in the listing."""

    def get_object_list(self):
        return super().get_object_list() & _visible_to(self.request.user, self.model_class)

    def get_object(self, pk):
        return _visible_to(self.request.user, self.model_class).get(pk=pk)


def _visible_to(user, model):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ["change", "view"]
    )


class ClubScopedChooserViewSet(chooser_views.SnippetChooserViewSet):
    choose_view_class = type(
        "ClubScopedChooseView", (ClubScopedChooserMixin, chooser_views.ChooseView), {}
    )
    choose_results_view_class = type(
        "ClubScopedChooseResultsView",
        (ClubScopedChooserMixin, chooser_views.ChooseResultsView),
        {},
    )
    chosen_view_class = type(
        "ClubScopedChosenView", (ClubScopedChooserMixin, chooser_views.SnippetChosenView), {}
    )


def _scoped(view_class, action):
    return type(
        f"ClubScoped{view_class.__name__}",
        (ClubScopedObjectMixin, view_class),
        {"instance_action": action},
    )


class ClubScopedSnippetViewSet(SnippetViewSet):
    """SnippetViewSet whose every view obeys the club policy for the object it acts on."""

    chooser_viewset_class = ClubScopedChooserViewSet
    index_view_class = type(
        "ClubScopedIndexView", (ClubScopedListingMixin, snippet_views.IndexView), {}
    )
    add_view_class = type("ClubScopedCreateView", (ClubFormViewMixin, snippet_views.CreateView), {})
    copy_view_class = type("ClubScopedCopyView", (ClubFormViewMixin, snippet_views.CopyView), {})
    edit_view_class = type(
        "ClubScopedEditView",
        (ClubFormViewMixin, ClubScopedObjectMixin, snippet_views.EditView),
        {"instance_action": "change"},
    )
    delete_view_class = _scoped(snippet_views.DeleteView, "delete")
    usage_view_class = _scoped(snippet_views.UsageView, "change")
    history_view_class = _scoped(snippet_views.HistoryView, "change")
    inspect_view_class = _scoped(snippet_views.InspectView, "view")
    revisions_view_class = _scoped(snippet_views.PreviewRevisionView, "change")
    revisions_compare_view_class = _scoped(snippet_views.RevisionsCompareView, "change")
    revisions_unschedule_view_class = _scoped(snippet_views.RevisionsUnscheduleView, "publish")
    unpublish_view_class = _scoped(snippet_views.UnpublishView, "publish")
    preview_on_edit_view_class = _scoped(snippet_views.PreviewOnEditView, "change")
    lock_view_class = _scoped(snippet_views.LockView, "lock")
    unlock_view_class = _scoped(snippet_views.UnlockView, "lock")
    workflow_action_view_class = _scoped(snippet_views.WorkflowActionView, "change")
    collect_workflow_action_data_view_class = _scoped(
        snippet_views.CollectWorkflowActionDataView, "change"
    )
    confirm_workflow_cancellation_view_class = _scoped(
        snippet_views.ConfirmWorkflowCancellationView, "change"
    )
    workflow_preview_view_class = _scoped(snippet_views.WorkflowPreviewView, "change")
    workflow_history_view_class = _scoped(snippet_views.WorkflowHistoryView, "change")
    workflow_history_detail_view_class = _scoped(snippet_views.WorkflowHistoryDetailView, "change")
