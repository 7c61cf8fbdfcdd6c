from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Seiten"

    def ready(self):
        from cms.core import rich_text, sites

        rich_text.register()
        post_migrate.connect(
            sites.apply_base_url,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="ben_apply_base_url",
        )
