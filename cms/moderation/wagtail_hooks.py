from django.core.exceptions import PermissionDenied
from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import policy_registry

from cms.core.wagtail_patches import replace_bulk_actions
from cms.pages.models import ClubPage

from .dashboard import WaitingSubmissionsPanel, waiting_submissions
from .media import check_document_download, register_rich_text_handlers
from .media_admin import (
    approval_urls,
    media_bulk_actions,
    pending_documents_menu_item,
    pending_images_menu_item,
)
from .memberships import club_membership_viewset
from .models import ModerationTask
from .visibility import chooser_pages, may_see_page_types_usage, scoped_bulk_actions


@hooks.register("register_admin_viewset")
def register_club_membership_viewset():
    return club_membership_viewset


@hooks.register("construct_homepage_panels")
def add_waiting_submissions_panel(request, panels):
    user = request.user
    is_moderator = (
        user.is_superuser
        or ModerationTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )
    if is_moderator:
        panels.append(WaitingSubmissionsPanel(waiting_submissions(user)))


@hooks.register("before_delete_page")
def protect_club_profiles(request, page):
    """Club editors may delete their events' drafts, never their club's profile."""
    if isinstance(page.specific, ClubPage) and not policy_registry.get(page).user_has_permission(
        request.user, "publish"
    ):
        raise PermissionDenied


hooks.register("construct_page_chooser_queryset", chooser_pages)


@hooks.register("construct_reports_menu")
def hide_page_types_usage_from_club_editors(request, menu_items):
    if not may_see_page_types_usage(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


replace_bulk_actions(scoped_bulk_actions())
replace_bulk_actions(media_bulk_actions())
hooks.register("before_serve_document", check_document_download)


@hooks.register("register_admin_urls")
def register_media_approval_urls():
    return [path("medienfreigabe/", include((approval_urls, "ben_media_approval")))]


hooks.register("register_reports_menu_item", pending_images_menu_item)
hooks.register("register_reports_menu_item", pending_documents_menu_item)
hooks.register("register_rich_text_features", register_rich_text_handlers, order=1)
