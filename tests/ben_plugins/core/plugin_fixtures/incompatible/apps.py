from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class FutureConfig(BenPluginConfig):
    name = "tests.ben_plugins.core.plugin_fixtures.incompatible"
    label = "zukunft"
    plugin_meta = BenPluginMeta(
        name="Zukunft",
        version="1.0",
        description="Braucht eine künftige BEN-CMS-Version.",
        author="Test",
        compatibility=">=99.0",
    )
