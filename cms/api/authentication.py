"""Who is calling: the API key of a registered client, or nobody (anonymous access)."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiClient

AUTHORIZATION_SCHEME = "Api-Key"
LAST_USED_PRECISION = timedelta(minutes=1)


def key_from_request(request) -> str | None:
    key = request.headers.get("X-Api-Key")
    if key:
        return key.strip()
    scheme, _separator, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == AUTHORIZATION_SCHEME.lower() and credentials.strip():
        return credentials.strip()
    return None


class ApiKeyAuthentication(BaseAuthentication):
    """`X-API-Key: <key>` or `Authorization: Api-Key <key>`; anonymous access stays allowed.

    Checked against the database on every request, so a revocation applies at once."""

    def authenticate(self, request):
        key = key_from_request(request)
        if key is None:
            return None
        prefix = ApiClient.prefix_of(key)
        client = ApiClient.objects.active().filter(key_prefix=prefix).first() if prefix else None
        if client is None or not client.matches(key):
            raise AuthenticationFailed(_("Unknown or revoked API key."))
        now = timezone.now()
        if client.last_used_at is None or now - client.last_used_at > LAST_USED_PRECISION:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
            client.last_used_at = now
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return AUTHORIZATION_SCHEME
