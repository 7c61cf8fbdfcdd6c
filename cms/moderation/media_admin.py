"""Admin bulk actions of the image and document listings: moderators' "Freigeben", and
Wagtail's own actions limited to files the user may see (another club's files are not named)."""

from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
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
