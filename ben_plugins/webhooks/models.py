"""Webhook subscriptions of external systems and the log of every delivery."""

import secrets
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from cms.core.fields import MultipleChoiceJSONField

from .security import refusal_reason


class WebhookEvent(models.TextChoices):
    PUBLISHED = "published", "Veröffentlicht"
    UNPUBLISHED = "unpublished", "Zurückgezogen"
    DELETED = "deleted", "Gelöscht"


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookSubscription(models.Model):
    name = models.CharField("Bezeichnung", max_length=100)
    url = models.URLField(
        "Ziel-URL", max_length=500, help_text="Nur http(s) und öffentlich erreichbare Adressen."
    )
    events = MultipleChoiceJSONField("Ereignisse", choices_list=WebhookEvent.choices, blank=False)
    secret = models.CharField(
        "Geheimnis",
        max_length=128,
        default=generate_secret,
        help_text="Damit signiert BEN CMS jede Nachricht (HMAC-SHA256). Dem Empfänger mitteilen.",
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="Nur für Website",
        help_text="Leer lassen für Inhalte aller Websites.",
    )
    active = models.BooleanField("Aktiv", default=True)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        MultiFieldPanel([FieldPanel("secret"), FieldPanel("site"), FieldPanel("active")]),
    ]
    #: The secret is shown on creation only; afterwards it can only be regenerated.
    edit_panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("events"),
        MultiFieldPanel([FieldPanel("site"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = "Webhook-Abonnement"
        verbose_name_plural = "Webhook-Abonnements"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.url and (reason := refusal_reason(self.url)):
            raise ValidationError({"url": reason})
        if len(self.secret or "") < 16:
            raise ValidationError({"secret": "Das Geheimnis muss mindestens 16 Zeichen haben."})

    def regenerate_secret(self) -> str:
        self.secret = generate_secret()
        self.save(update_fields=["secret"])
        return self.secret

    def wants(self, event: str, site) -> bool:
        return self.active and event in self.events and self.site_id in (None, site and site.pk)


class WebhookDelivery(models.Model):
    """One event for one subscription, with every attempt to deliver it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Wartet"
        RETRYING = "retrying", "Neuer Versuch geplant"
        SUCCEEDED = "succeeded", "Zugestellt"
        FAILED = "failed", "Fehlgeschlagen"
        REFUSED = "refused", "Ziel unzulässig"

    FINAL = {Status.SUCCEEDED, Status.FAILED, Status.REFUSED}

    delivery_id = models.UUIDField("Zustellungs-ID", default=uuid.uuid4, unique=True)
    subscription = models.ForeignKey(
        WebhookSubscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name="Abonnement",
    )
    event = models.CharField("Ereignis", max_length=20, choices=WebhookEvent.choices)
    payload = models.JSONField("Nutzdaten")
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    response_code = models.PositiveSmallIntegerField("HTTP-Status", null=True, blank=True)
    duration_ms = models.PositiveIntegerField("Dauer (ms)", null=True, blank=True)
    last_error = models.TextField("Letzter Fehler", blank=True)
    attempt_log = models.JSONField("Versuchsprotokoll", default=list, blank=True)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    last_attempt_at = models.DateTimeField("Letzter Versuch", null=True, blank=True)
    next_attempt_at = models.DateTimeField("Nächster Versuch", null=True, blank=True)
    delivered_at = models.DateTimeField("Zugestellt am", null=True, blank=True)

    class Meta:
        verbose_name = "Webhook-Zustellung"
        verbose_name_plural = "Webhook-Zustellungen"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_event_display()} {self.payload.get('type')} {self.payload.get('id')}"

    def get_attempt_log_display(self) -> str:
        """One readable line per attempt, for the admin's inspect view."""
        lines = []
        for number, entry in enumerate(self.attempt_log, start=1):
            outcome = (
                f"HTTP {entry['status_code']}" if "status_code" in entry else entry.get("error")
            )
            duration = f" ({entry['duration_ms']} ms)" if "duration_ms" in entry else ""
            lines.append(f"{number}. Versuch {entry['at']}: {outcome}{duration}")
        return " · ".join(lines)
