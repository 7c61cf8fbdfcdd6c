"""External apps that read the API with a key (higher rate limit than anonymous clients)."""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

KEY_PREFIX_LENGTH = 8


def hash_key(key: str) -> str:
    """Keys are long random strings, so a fast hash is safe (no password stretching needed)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiClientQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, revoked_at__isnull=True)


class ApiClient(models.Model):
    """A registered consumer of the API. Only a hash of its key is stored; the key is shown once."""

    name = models.CharField("Name", max_length=255, help_text="z. B. „Website der Stadt Bitburg“")
    contact_email = models.EmailField("Kontakt (E-Mail)", blank=True)
    key_prefix = models.CharField("Schlüsselpräfix", max_length=KEY_PREFIX_LENGTH, unique=True)
    key_hash = models.CharField(max_length=64, editable=False)
    is_active = models.BooleanField(
        "Aktiv", default=True, help_text="Abwählen, um den Schlüssel sofort zu widerrufen."
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    revoked_at = models.DateTimeField("Widerrufen am", null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField("Zuletzt benutzt", null=True, blank=True, editable=False)

    objects = ApiClientQuerySet.as_manager()

    class Meta:
        verbose_name = "API-Client"
        verbose_name_plural = "API-Clients"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Revocation is final: a leaked key must never start working again."""
        if not self.is_active and self.revoked_at is None:
            self.revoked_at = timezone.now()
        if self.revoked_at is not None:
            self.is_active = False
        super().save(*args, **kwargs)

    def clean(self):
        if self.revoked_at is not None and self.is_active:
            raise ValidationError(
                {
                    "is_active": "Ein widerrufener Schlüssel bleibt ungültig. Bitte einen neuen "
                    "API-Client anlegen, um einen neuen Schlüssel auszustellen."
                }
            )

    def issue_key(self) -> str:
        """Give the client a new key; returns the plain key, which is not stored anywhere."""
        prefix = secrets.token_hex(KEY_PREFIX_LENGTH // 2)
        key = f"ben_{prefix}_{secrets.token_urlsafe(32)}"
        self.key_prefix = prefix
        self.key_hash = hash_key(key)
        return key

    def matches(self, key: str) -> bool:
        return hmac.compare_digest(self.key_hash, hash_key(key))

    @staticmethod
    def prefix_of(key: str) -> str | None:
        parts = key.split("_")
        if len(parts) < 3 or parts[0] != "ben" or len(parts[1]) != KEY_PREFIX_LENGTH:
            return None
        return parts[1]
