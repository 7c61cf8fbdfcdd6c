from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class FeedsConfig(BenPluginConfig):
    name = "ben_plugins.feeds"
    label = "feeds"
    verbose_name = "Feeds"
    plugin_meta = BenPluginMeta(
        name="Feeds",
        version="1.0.0",
        description=(
            "Kalender (iCalendar), strukturierte Daten (schema.org JSON-LD), Karten "
            "(GeoJSON) und Nachrichten-Feeds (RSS/Atom) aus den veröffentlichten Inhalten."
        ),
        author="BEN CMS",
        compatibility=">=0.1,<1.0",
        api_urls="ben_plugins.feeds.urls",
    )
