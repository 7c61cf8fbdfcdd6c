from django.db.models.signals import post_migrate

from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class EhrenamtskarteConfig(BenPluginConfig):
    name = "ben_plugins.ehrenamtskarte"
    label = "ehrenamtskarte"
    verbose_name = "Ehrenamtskarte"
    default_auto_field = "django.db.models.BigAutoField"
    plugin_meta = BenPluginMeta(
        name="Ehrenamtskarte",
        version="1.0.0",
        description=(
            "Ehrenamtskarte Rheinland-Pfalz: Anspruch prüfen, Antrag mit Bestätigung durch die "
            "Organisation, Posteingang des Ehrenamtskarte-Büros, Erinnerung vor Ablauf, "
            "CSV-Import der Vorteilspartner."
        ),
        author="Stadt Bitburg",
        compatibility=">=0.1,<1.0",
        api_urls="ben_plugins.ehrenamtskarte.api_urls",
        public_urls="ben_plugins.ehrenamtskarte.public_urls",
    )

    def ready(self):
        super().ready()
        from .permissions import grant_office_permissions

        post_migrate.connect(grant_office_permissions, dispatch_uid="ehrenamtskarte_office_perms")
