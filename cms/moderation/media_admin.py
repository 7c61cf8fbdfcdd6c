"""Admin of club media: moderators' "Freigeben" bulk action and their reports of files waiting
for it; Wagtail's own file bulk actions limited to files the user may see (another club's
files are not named)."""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.documents import get_document_model
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
from wagtail.images import get_image_model
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.images.views.bulk_actions.image_bulk_action import ImageBulkAction

from .media import approve, may_approve
from .visibility import HideUnviewableItems


class FileItemsMixin(HideUnviewableItems):
    """Only files the user may choose or edit are looked up (their collections)."""

    def viewable(self, queryset):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, ["choose", "change"]
        )
        return queryset.filter(pk__in=allowed.values("pk"))


class ApproveFilesMixin(FileItemsMixin):
    """Moderators make club uploads public before any content that uses them is approved."""

    display_name = "Freigeben"
    action_type = "approve"
    template_name = "moderation/media/confirm_bulk_approve.html"
    action_priority = 5

    def check_perm(self, file):
        return may_approve(self.request.user, self.model)

    def get_execution_context(self):
        return {"user": self.request.user, "model": self.model}

    @classmethod
    def execute_action(cls, objects, user=None, model=None, **kwargs):
        return len(approve(model, objects, user)), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return f"{num_parent_objects} freigegeben."


class ApproveImagesBulkAction(ApproveFilesMixin, ImageBulkAction):
    aria_label = "Ausgewählte Bilder freigeben"


class ApproveDocumentsBulkAction(ApproveFilesMixin, DocumentBulkAction):
    aria_label = "Ausgewählte Dokumente freigeben"


def media_bulk_actions():
    """The approval actions, and Wagtail's file bulk actions with FileItemsMixin, to register
    in their place (cms.core.wagtail_patches.replace_bulk_actions)."""
    wagtail_actions = [
        getattr(module, name)
        for module in (image_bulk_actions, document_bulk_actions)
        for name in module.__all__
    ]
    return [
        ApproveImagesBulkAction,
        ApproveDocumentsBulkAction,
        *(type(action.__name__, (FileItemsMixin, action), {}) for action in wagtail_actions),
    ]


class PendingFilesReport(ReportView):
    """Moderators' list of club uploads that wait for approval, each with its "Freigeben" link
    (the bulk action's confirmation page)."""

    file_model = None
    edit_url_name = ""
    bulk_app_label = ""
    header_icon = "check"
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not may_approve(request.user, self.file_model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            self.file_model.objects.filter(approval__isnull=True)
            .select_related("collection", "uploaded_by_user")
            .order_by("-created_at", "-pk")
        )

    def approve_url(self, file) -> str:
        url = reverse(
            "wagtail_bulk_action",
            args=[self.bulk_app_label, self.file_model._meta.model_name, "approve"],
        )
        return f"{url}?{urlencode({'id': file.pk, 'next': reverse(self.index_url_name)})}"

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label="Titel",
                get_url=lambda file: reverse(self.edit_url_name, args=[file.pk]),
            ),
            Column("collection", label="Sammlung", accessor="collection.name"),
            UserColumn("uploaded_by_user", label="Hochgeladen von"),
            DateColumn("created_at", label="Hochgeladen am"),
            TitleColumn(
                "approve",
                label="Freigabe",
                accessor=lambda file: "Freigeben …",
                get_url=self.approve_url,
            ),
        ]


class PendingImagesReport(PendingFilesReport):
    page_title = "Bilder zur Freigabe"
    index_url_name = "ben_media_approval:images"
    index_results_url_name = "ben_media_approval:images_results"
    edit_url_name = "wagtailimages:edit"
    bulk_app_label = "wagtailimages"

    @cached_property
    def file_model(self):
        return get_image_model()


class PendingDocumentsReport(PendingFilesReport):
    page_title = "Dokumente zur Freigabe"
    index_url_name = "ben_media_approval:documents"
    index_results_url_name = "ben_media_approval:documents_results"
    edit_url_name = "wagtaildocs:edit"
    bulk_app_label = "wagtaildocs"

    @cached_property
    def file_model(self):
        return get_document_model()


approval_urls = [
    path("bilder/", PendingImagesReport.as_view(), name="images"),
    path("bilder/results/", PendingImagesReport.as_view(results_only=True), name="images_results"),
    path("dokumente/", PendingDocumentsReport.as_view(), name="documents"),
    path(
        "dokumente/results/",
        PendingDocumentsReport.as_view(results_only=True),
        name="documents_results",
    ),
]


class ModeratorsMenuItem(MenuItem):
    def __init__(self, *args, file_model, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_model = file_model

    def is_shown(self, request):
        return may_approve(request.user, self.file_model)


def pending_images_menu_item():
    """ "Bilder zur Freigabe" in the reports menu, for moderators only."""
    return ModeratorsMenuItem(
        PendingImagesReport.page_title,
        reverse(PendingImagesReport.index_url_name),
        name="ben-pending-images",
        icon_name="image",
        order=110,
        file_model=get_image_model(),
    )


def pending_documents_menu_item():
    """ "Dokumente zur Freigabe" in the reports menu, for moderators only."""
    return ModeratorsMenuItem(
        PendingDocumentsReport.page_title,
        reverse(PendingDocumentsReport.index_url_name),
        name="ben-pending-documents",
        icon_name="doc-full",
        order=111,
        file_model=get_document_model(),
    )
