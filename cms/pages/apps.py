from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Seiten"

    def ready(self):
        from cms.core import rich_text

        rich_text.register()
