from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class EhrenamtsmedailleConfig(BenPluginConfig):
    name = "ben_plugins.ehrenamtsmedaille"
    label = "ehrenamtsmedaille"
    verbose_name = "Ehrenamtsmedaille"
    plugin_meta = BenPluginMeta(
        name="Ehrenamtsmedaille",
        version="1.0.0",
        description=(
            "Der jährliche Aufruf der Stadt Bitburg: Vorschläge aus der Bürgerschaft, die "
            "Entscheidung der Jury, Urkunde und Dankesbrief, die Veröffentlichung der Geehrten."
        ),
        author="BEN CMS",
        compatibility=">=0.1,<1.0",
        api_urls="ben_plugins.ehrenamtsmedaille.api_urls",
        public_urls="ben_plugins.ehrenamtsmedaille.public_urls",
    )
