"""Admin side of the API: API clients (key shown once) and draft preview tokens."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from cms.core.publication import is_previewable
from cms.core.sites import absolute_url

from .filters.base import parse_natural_number
from .models import ApiClient
from .preview import make_token
from .registry import registry, route_basename


class ApiClientCreateView(CreateView):
    """Issues the key and shows it exactly once; only its hash is stored."""

    def save_instance(self):
        self.issued_key = self.form.instance.issue_key()
        return super().save_instance()

    def save_action(self):
        return TemplateResponse(
            self.request,
            "api/admin/apiclient_key.html",
            {"client": self.object, "key": self.issued_key, "index_url": self.get_success_url()},
        )


class ApiClientViewSet(ModelViewSet):
    model = ApiClient
    icon = "key"
    menu_label = "API-Clients"
    add_to_settings_menu = True
    add_view_class = ApiClientCreateView
    copy_view_enabled = False
    form_fields = ["name", "contact_email", "is_active"]
    list_display = ["name", "key_prefix", "is_active", "last_used_at", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "contact_email"]


def user_can_preview(user, obj) -> bool:
    """Editors and publishers of the object, and moderators of its current workflow task."""
    if isinstance(obj, Page):
        permissions = obj.permissions_for_user(user)
        if permissions.can_edit() or permissions.can_publish():
            return True
    else:
        policy = type(obj).snippet_viewset.permission_policy
        if policy.user_has_any_permission_for_instance(user, ["change", "publish"], obj):
            return True
    task = getattr(obj, "current_workflow_task", None)
    return bool(task and task.specific.user_can_access_editor(obj, user))


def id_or_404(value) -> int:
    """Ids from the URL; one the database cannot hold (or no number at all) names nothing."""
    try:
        return parse_natural_number(value)
    except ValidationError:
        raise Http404("No such object.") from None


def preview_token(request, content_type_id, object_id):
    content_type = get_object_or_404(ContentType, pk=id_or_404(content_type_id))
    model = content_type.model_class()
    viewset_class = registry.for_model(model) if model else None
    if viewset_class is None or not is_previewable(model):
        raise Http404("This content type has no API preview.")
    obj = get_object_or_404(model, pk=id_or_404(object_id))
    if isinstance(obj, Page):
        obj = obj.specific
    if not user_can_preview(request.user, obj):
        raise PermissionDenied
    revision = obj.get_latest_revision()
    if revision is None:
        raise Http404("Nothing saved yet to preview.")
    token = make_token(obj, revision)
    detail_url = absolute_url(
        reverse(f"api:{route_basename(viewset_class.prefix)}-detail", args=[obj.pk]), request
    )
    return TemplateResponse(
        request,
        "api/admin/preview_token.html",
        {
            "object": obj,
            "revision": revision,
            "token": token,
            "preview_url": f"{detail_url}?preview_token={token}",
            "expires_at": timezone.now() + timedelta(seconds=settings.API_PREVIEW_TOKEN_MAX_AGE),
        },
    )


def preview_token_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
    return reverse("api_preview_token", args=[content_type.pk, obj.pk])
