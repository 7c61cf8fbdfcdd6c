from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class ExamplePluginConfig(BenPluginConfig):
    name = "ben_example_plugin"
    label = "example"
    verbose_name = "Beispiel-Plugin"
    plugin_meta = BenPluginMeta(
        name="Vereinsprojekte (Beispiel)",
        version="0.1.0",
        description="Projektseiten und Ankündigungen für Vereine – Beispiel für Plugin-Autoren.",
        author="BEN CMS",
        compatibility=">=0.1,<1.0",
        api_urls="ben_example_plugin.api_urls",
        public_urls="ben_example_plugin.public_urls",
    )
