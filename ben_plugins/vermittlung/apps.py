from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class VermittlungConfig(BenPluginConfig):
    name = "ben_plugins.vermittlung"
    label = "vermittlung"
    verbose_name = "Vermittlung"
    plugin_meta = BenPluginMeta(
        name="Vermittlung",
        version="1.0.0",
        description=(
            "Interessensbekundungen zu Engagementangeboten: Kontaktformular, Rückmeldung der "
            "Vereine, Eskalation an die Ehrenamtsagentur, Erinnerungen an das Prüfdatum und "
            "Kennzahlen für die Steuerungsgruppe."
        ),
        author="BEN CMS",
        compatibility=">=0.1,<1.0",
        api_urls="ben_plugins.vermittlung.api_urls",
        public_urls="ben_plugins.vermittlung.public_urls",
    )

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the deployment check)
