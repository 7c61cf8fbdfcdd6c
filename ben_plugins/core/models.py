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


class OneTimeToken(models.Model):
    """A one-time link's token (ben_plugins.core.tokens): a public selector to find the row
    and the SHA-256 hash of the secret part, never the secret itself.

    Bound to one purpose and one object; ``used_at`` is set atomically when it is consumed.
    """

    purpose = models.CharField("Zweck", max_length=100)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField("Objekt", max_length=64)
    selector = models.CharField("Kennung", max_length=24, unique=True)
    token_hash = models.CharField("Hash", max_length=64)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    expires_at = models.DateTimeField("Gültig bis", db_index=True)
    used_at = models.DateTimeField("Benutzt am", null=True, blank=True)

    class Meta:
        verbose_name = "Einmal-Link"
        verbose_name_plural = "Einmal-Links"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.purpose} für {self.content_type_id}/{self.object_id}"
