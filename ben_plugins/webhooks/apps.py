from ben_plugins.core.meta import BenPluginConfig, BenPluginMeta


class WebhooksConfig(BenPluginConfig):
    name = "ben_plugins.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"
    plugin_meta = BenPluginMeta(
        name="Webhooks",
        version="1.0.0",
        description=(
            "Benachrichtigt externe Systeme per signiertem HTTP-POST, wenn Inhalte "
            "veröffentlicht, zurückgezogen oder gelöscht werden."
        ),
        author="BEN CMS",
        compatibility=">=0.1,<1.0",
    )

    def ready(self):
        super().ready()
        from . import checks  # noqa: F401  (registers the deployment check)
