from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "ben_plugins.core.letters"
    label = "ben_letters"
    verbose_name = "Briefe"
    default_auto_field = "django.db.models.BigAutoField"
