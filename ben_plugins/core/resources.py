"""Where a piece of content lives in the content API (/api/v1/<prefix>/<id>/).

Plugins (webhooks, feeds) point external systems at the API resource of a content item.
The content API's registry is the one source: a type registered there (core types, and
plugin types registered with ``cms.api.registry.registry.register``) has a resource.
"""

from django.db.models import Model

from cms.api.registry import registry
from cms.core.sites import site_for_object


def resource_type(model: type[Model]) -> str | None:
    """The API prefix of the endpoint class that serves ``model`` (None: not served)."""
    viewset_class = registry.for_model(model)
    return viewset_class.prefix if viewset_class else None


def api_resource_url(instance: Model, site=None) -> str | None:
    """Absolute URL of the instance's API detail resource on ``site`` (default: its own)."""
    name = resource_type(type(instance))
    if name is None:
        return None
    site = site or site_for_object(instance)
    root = site.root_url if site else ""
    return f"{root}/api/v1/{name}/{instance.pk}/"
