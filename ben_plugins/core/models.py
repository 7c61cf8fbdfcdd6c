"""Per-site activation of plugins: one row per site and plugin that differs from the default."""

from django.conf import settings
from django.db import models


class PluginActivation(models.Model):
    """Whether a plugin is switched on for a site.

    Without a row the plugin's ``default_enabled`` applies. Switching a plugin off only
    hides it; its data stays in the database.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+", verbose_name="Website"
    )
    plugin = models.CharField("Plugin", max_length=100)
    enabled = models.BooleanField("Aktiviert")
    changed_at = models.DateTimeField("Geändert am", auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Geändert von",
    )

    class Meta:
        verbose_name = "Plugin-Aktivierung"
        verbose_name_plural = "Plugin-Aktivierungen"
        constraints = [
            models.UniqueConstraint(fields=["site", "plugin"], name="unique_plugin_per_site")
        ]

    def __str__(self):
        state = "aktiv" if self.enabled else "inaktiv"
        return f"{self.plugin} auf {self.site}: {state}"
