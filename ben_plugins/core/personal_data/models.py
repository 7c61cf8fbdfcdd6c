from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AccessLogEntry(models.Model):
    """One access to a record with personal data: who, when, which record, what."""

    class Action(models.TextChoices):
        VIEW = "view", "angesehen"
        EDIT = "edit", "bearbeitet"
        DELETE = "delete", "gelöscht"
        EXPORT = "export", "exportiert"
        HISTORY = "history", "Verlauf angesehen"
        LETTER = "letter", "Brief erstellt"

    timestamp = models.DateTimeField("Zeitpunkt", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Benutzer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField("Benutzername", max_length=150, blank=True)
    action = models.CharField("Vorgang", max_length=16, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField("Datensatz-ID", max_length=64, db_index=True)
    object_repr = models.CharField("Datensatz", max_length=255, blank=True)

    class Meta:
        verbose_name = "Zugriff auf personenbezogene Daten"
        verbose_name_plural = "Zugriffsprotokoll"
        ordering = ["-timestamp", "-pk"]

    def __str__(self):
        return f"{self.username or 'System'} {self.get_action_display()} {self.object_repr}"

    @classmethod
    def record(cls, records, action: str, user=None, username: str = "") -> None:
        """Log one access for each of ``records`` (a record or an iterable of records)."""
        if isinstance(records, models.Model):
            records = [records]
        if user is not None and user.is_authenticated:
            username = user.get_username()
        else:
            user = None
        cls.objects.bulk_create(
            cls(
                user=user,
                username=username,
                action=action,
                content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
                object_id=str(record.pk),
                object_repr=str(record)[:255],
            )
            for record in records
        )
