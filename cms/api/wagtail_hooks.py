from django.urls import path
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from cms.core.publication import is_previewable

from .admin_views import ApiClientViewSet, preview_token, preview_token_url, user_can_preview
from .registry import registry

PREVIEW_TOKEN_LABEL = "Vorschau-Token für die API"


@hooks.register("register_admin_viewset")
def register_api_client_viewset():
    return ApiClientViewSet("api_clients")


@hooks.register("register_admin_urls")
def register_preview_token_url():
    return [
        path(
            "api/preview-token/<int:content_type_id>/<str:object_id>/",
            preview_token,
            name="api_preview_token",
        )
    ]


class PreviewTokenMenuItem:
    """ "Preview token for the API" in the edit view's action menu of an API content type."""

    label = PREVIEW_TOKEN_LABEL
    name = "action-api-preview-token"
    icon_name = "key"
    object_key = ""  # where the action menu's context holds the edited object

    def is_shown(self, context):
        obj = context.get(self.object_key)
        return (
            context["view"] == "edit"
            and registry.for_model(type(obj)) is not None
            and user_can_preview(context["request"].user, obj)
        )

    def get_url(self, context):
        return preview_token_url(context[self.object_key])


class PagePreviewTokenMenuItem(PreviewTokenMenuItem, PageActionMenuItem):
    object_key = "page"


class SnippetPreviewTokenMenuItem(PreviewTokenMenuItem, SnippetActionMenuItem):
    object_key = "instance"


@hooks.register("register_page_action_menu_item")
def register_page_preview_token_item():
    return PagePreviewTokenMenuItem(order=90)


@hooks.register("register_snippet_action_menu_item")
def register_snippet_preview_token_item(model):
    if registry.for_model(model) is not None and is_previewable(model):
        return SnippetPreviewTokenMenuItem(order=90)
    return None
