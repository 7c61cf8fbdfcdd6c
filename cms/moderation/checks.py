"""System check: every ClubContent model is administered through the club-scoped viewset."""

from django.core import checks
from wagtail.search import index


@checks.register(checks.Tags.security)
def club_content_uses_scoped_viewset(app_configs, **kwargs):
    from wagtail.permissions import policy_registry
    from wagtail.snippets.models import get_snippet_models

    from .policies import ClubContentPermissionPolicy, club_content_models
    from .views import ClubScopedSnippetViewSet

    get_snippet_models()  # loads wagtail_hooks, where snippets are registered
    errors = []
    for model in club_content_models():
        if not isinstance(policy_registry.get_by_type(model), ClubContentPermissionPolicy):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is not governed by the club permission policy.",
                    hint="List 'cms.moderation' in INSTALLED_APPS before the wagtail apps.",
                    obj=model,
                    id="moderation.E002",
                )
            )
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is not None and not isinstance(viewset, ClubScopedSnippetViewSet):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is registered with {type(viewset).__name__}, which "
                    "would let club editors reach other clubs' content.",
                    hint="Derive the viewset from cms.snippets.views.ClubContentViewSet.",
                    obj=model,
                    id="moderation.E001",
                )
            )
        if not any(
            isinstance(search_field, index.FilterField) and search_field.field_name == "club"
            for search_field in model.get_search_fields()
        ):
            errors.append(
                checks.Error(
                    f"{model._meta.label} does not index 'club' as a FilterField, so the "
                    "club-scoped admin search cannot filter it.",
                    hint="Extend ClubContent.search_fields instead of replacing them.",
                    obj=model,
                    id="moderation.E003",
                )
            )
    return errors
