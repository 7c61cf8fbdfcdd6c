from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = "Inhalts-API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # checks, endpoints, OpenAPI extensions and signal receivers register themselves
        from . import checks, endpoints, invalidation, schema  # noqa: F401
