"""Where a piece of content lives in the content API (/api/v1/<resource>/<id>/).

Plugins (webhooks, feeds) point external systems at the API resource of a content item.
The names match the core API's paths; a plugin adds its own types with
``register_api_resource``.
"""

from django.db.models import Model

from .activation import site_for_object

API_RESOURCES: dict[str, str] = {
    "pages.ClubPage": "clubs",
    "pages.EventPage": "events",
    "pages.BenefitPartnerPage": "benefit-partners",
    "pages.StrategyChapterPage": "strategy-chapters",
    "snippets.NewsItem": "news",
    "snippets.VolunteerOpportunity": "opportunities",
    "snippets.TrainingOffer": "trainings",
}


def register_api_resource(model: type[Model], path: str) -> None:
    """Declare that ``model`` is served at /api/v1/<path>/<id>/ (path relative to /api/v1/)."""
    API_RESOURCES[model._meta.label] = path


def resource_type(model: type[Model]) -> str | None:
    return API_RESOURCES.get(model._meta.label)


def api_resource_url(instance: Model, site=None) -> str | None:
    """Absolute URL of the instance's API detail resource on ``site`` (default: its own)."""
    name = resource_type(type(instance))
    if name is None:
        return None
    site = site or site_for_object(instance)
    root = site.root_url if site else ""
    return f"{root}/api/v1/{name}/{instance.pk}/"
