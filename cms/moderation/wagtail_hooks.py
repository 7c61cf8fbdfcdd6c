from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.permissions import policy_registry

from cms.core.wagtail_patches import replace_bulk_actions
from cms.pages.models import ClubPage

from .dashboard import (
    ClubOverviewPanel,
    WaitingSubmissionsPanel,
    club_overviews,
    waiting_submissions,
)
from .media import check_document_download, register_rich_text_handlers
from .media_admin import (
    approval_urls,
    media_bulk_actions,
    pending_documents_menu_item,
    pending_images_menu_item,
)
from .memberships import club_membership_viewset
from .models import ModerationTask
from .policies import club_ids_for
from .states import sent_back_message
from .visibility import chooser_pages, may_see_page_types_usage, scoped_bulk_actions


@hooks.register("register_admin_viewset")
def register_club_membership_viewset():
    return club_membership_viewset


#: Wagtail's own panels that BEN's panels replace: "Awaiting your review" (the moderators'
#: queue) and "Your pages and snippets in a workflow" (the club editors' overview).
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def add_ben_dashboard_panels(request, panels):
    user = request.user
    is_moderator = (
        user.is_superuser
        or ModerationTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )
    club_ids = club_ids_for(user)
    if is_moderator or club_ids:
        panels[:] = [panel for panel in panels if panel.name not in REPLACED_PANELS]
    if is_moderator:
        panels.append(WaitingSubmissionsPanel(waiting_submissions(user)))
    if club_ids:
        clubs = ClubPage.objects.filter(pk__in=club_ids).order_by("title")
        panels.append(ClubOverviewPanel(club_overviews(user, clubs)))


@hooks.register("before_edit_page")
def show_sent_back_comment(request, page):
    """The moderator's comment on a sent-back page, on top of its edit view."""
    if request.method == "GET" and (message := sent_back_message(page)):
        messages.warning(request, message)


@hooks.register("insert_global_admin_js")
def name_what_wagtail_leaves_unnamed_or_english():
    """Rich-text editors' accessible names; German for Wagtail's hard-coded English."""
    return format_html('<script src="{}"></script>', static("ben_admin/admin-labels.js"))


@hooks.register("construct_help_menu")
def hide_wagtail_release_links(request, menu_items):
    """Wagtail's release notes and editor guide are English pages about Wagtail, not BEN."""
    menu_items[:] = [
        item
        for item in menu_items
        if not (item.name.startswith("whats-new-in-wagtail") or item.name == "editor-guide")
    ]


@hooks.register("construct_main_menu")
def hide_wagtail_version(request, menu_items):
    """Wagtail's settings menu writes "Wagtail v8…" under its items: the admin is BEN CMS.
    The same menu as a plain submenu, which has no footer."""
    menu_items[:] = [
        SubmenuMenuItem(
            item.label,
            item.menu,
            name=item.name,
            icon_name=item.icon_name,
            classname=item.classname,
            order=item.order,
        )
        if item.name == "settings"
        else item
        for item in menu_items
    ]


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
