from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class PagesClashConfig(BenPluginConfig):
    name = "tests.ben_plugins.core.plugin_fixtures.label_pages"
    label = "pages"
    plugin_meta = BenPluginMeta(
        name="Seiten",
        version="1.0",
        description="Nimmt sich den App-Label der Kern-Seiten.",
        author="Test",
        compatibility=">=0.1",
    )
