"""What an admin user may see of content they cannot edit: what the public may see.

Never another club's drafts, nor what the API hides (pages below an unpublished page).

Wagtail's page chooser and bulk-action confirmation pages name every object they are given,
whatever the user's permissions. These rules decide which objects they may name.
"""

from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_list_or_404
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction

from cms.core.publication import published

from .roles import ALL_PAGE_ACTIONS


def visible_pages(user, pages):
    """The pages of ``pages`` that the public may see or that the user may act on.

    What the public sees is the publication rule (cms.core.publication), so a live
    page below an unpublished club stays hidden too; read fresh (no request), not from the
    API's cache, so the admin never depends on its invalidation. Moderators and
    administrators hold page permissions on the root, so they see everything; club editors
    see the public pages (by their public titles) and their own clubs' subtrees, drafts
    included.
    """
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ALL_PAGE_ACTIONS)
    # Wagtail's admin names a page by its draft_title, which an unsubmitted draft changes: a
    # public page with such a draft stays hidden from others until the change is published.
    public = published(Page.objects.filter(draft_title=F("title")))
    return pages.filter(Q(pk__in=public.values("pk")) | Q(pk__in=editable.values("pk")))


def chooser_pages(pages, request):
    """The page chooser's browse and search listings, without pages the user may not see.

    Browsing into a hidden page is "not found": its title would head the listing.
    """
    parent_id = request.resolver_match.kwargs.get("parent_page_id")
    if parent_id and not visible_pages(request.user, Page.objects.filter(pk=parent_id)).exists():
        raise Http404
    return visible_pages(request.user, pages)


class ChosenMultiplePagesView(ChosenMultipleView):
    """Wagtail's view describes every page id it is given; this one only visible pages."""

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        visible = visible_pages(request.user, Page.objects.filter(pk__in=ids))
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        return super().get(request)


class HideUnviewableItems:
    """Bulk action mixin: only objects the user may see are looked up at all.

    Items the user may see but not act on are still listed as "no permission"; the others
    are left out without a trace, and when nothing is left the answer is Wagtail's 404 for
    ids that do not exist (an empty confirmation page would tell that the ids exist).
    """

    def viewable(self, queryset):
        raise NotImplementedError

    def get_queryset(self, model, object_ids):
        return get_list_or_404(self.viewable(model._default_manager.filter(pk__in=object_ids)))


class PageItemsMixin(HideUnviewableItems):
    def viewable(self, queryset):
        return visible_pages(self.request.user, queryset)


class SnippetItemsMixin(HideUnviewableItems):
    def viewable(self, queryset):
        allowed = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return queryset.filter(pk__in=allowed.values("pk"))


def scoped_bulk_actions():
    """Wagtail's page and snippet bulk actions with the mixin, to register in their place."""
    return [
        *(
            type(action.__name__, (PageItemsMixin, action), {})
            for action in (getattr(page_bulk_actions, name) for name in page_bulk_actions.__all__)
        ),
        type("SnippetDeleteBulkAction", (SnippetItemsMixin, SnippetDeleteBulkAction), {}),
    ]


class PageTypesUsageReportForPublishers(PageTypesUsageReportView):
    """Wagtail's report names the last edited page of every type, any club's unsubmitted
    draft included: only for those who may publish (moderators, administrators)."""

    any_permission_required = ["publish"]


def may_see_page_types_usage(user) -> bool:
    return PagePermissionPolicy().user_has_any_permission(user, ["publish"])
