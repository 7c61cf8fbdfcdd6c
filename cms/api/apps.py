from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "api"
    verbose_name = "Inhalts-API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import endpoints, schema, signals  # noqa: F401  (endpoints, OpenAPI, receivers)
