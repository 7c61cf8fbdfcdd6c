"""What an admin user may see of content they cannot edit: never another club's drafts.

Wagtail's page chooser and bulk-action confirmation pages name every object they are given,
whatever the user's permissions. These rules decide which objects they may name.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as SnippetDeleteBulkAction

from .setup import ALL_PAGE_ACTIONS


def visible_pages(user, pages):
    """The pages of ``pages`` that are live or that the user may act on (drafts included).

    Moderators and administrators hold page permissions on the root, so they see everything;
    club editors see live pages and their own clubs' subtrees.
    """
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ALL_PAGE_ACTIONS)
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))


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
    """Bulk action mixin: items the user may not act on are listed as "no permission" only
    when the user may see them anyway; the others are left out without a trace."""

    def viewable(self, queryset):
        raise NotImplementedError

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        refused = extra["items_with_no_access"]
        viewable_ids = set(
            self.viewable(
                self.model._default_manager.filter(pk__in=[obj.pk for obj in refused])
            ).values_list("pk", flat=True)
        )
        extra["items_with_no_access"] = [obj for obj in refused if obj.pk in viewable_ids]
        return objects, extra


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
