from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PersonalDataConfig(AppConfig):
    name = "ben_plugins.core.personal_data"
    label = "ben_personal_data"
    verbose_name = "Personenbezogene Daten"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.accounts.second_factor import require_second_factor_for

        from .erasure import connect_log_anonymisation
        from .groups import declared_groups, ensure_access_groups

        connect_log_anonymisation()
        post_migrate.connect(ensure_access_groups, sender=self)
        require_second_factor_for(declared_groups)
