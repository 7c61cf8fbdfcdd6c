from django.apps import AppConfig


class SnippetsConfig(AppConfig):
    name = "cms.snippets"
    label = "snippets"
    verbose_name = "Redaktionelle Inhalte"
