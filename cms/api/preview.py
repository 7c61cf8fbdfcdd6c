"""Signed, expiring draft preview tokens for headless frontends.

A token names one object and one exact revision. It is signed with SECRET_KEY (salted), so it
cannot be forged or altered, and django.core.signing rejects it after API_PREVIEW_TOKEN_MAX_AGE
seconds. The API serves that revision at the object's detail URL with ?preview_token=.
"""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from .caching import model_label

SALT = "cms.api.preview-token"


def make_token(obj, revision) -> str:
    return signing.dumps(
        {"model": model_label(type(obj)), "pk": str(obj.pk), "revision": revision.pk},
        salt=SALT,
    )


def read_token(token: str, model) -> tuple[str, int]:
    """(object pk, revision id) the token grants for this model, or PermissionDenied (403)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.API_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        raise PermissionDenied(_("The preview token has expired.")) from None
    except signing.BadSignature:
        raise PermissionDenied(_("The preview token is invalid.")) from None
    if payload.get("model") != model_label(model):
        raise PermissionDenied(_("The preview token was issued for another object."))
    return payload["pk"], payload["revision"]


def preview_object(queryset, lookup: str, token: str):
    """The token's object as it is in the token's revision (pages: their specific class).

    The token is checked before anything is looked up, so without a valid token nothing
    reveals whether a draft exists.
    """
    pk, revision_id = read_token(token, queryset.model)
    obj = queryset.filter(pk=pk).first()
    if obj is None or lookup not in (str(obj.pk), getattr(obj, "slug", None)):
        raise PermissionDenied(_("The preview token was issued for another object."))
    revision = obj.revisions.filter(pk=revision_id).first()
    if revision is None:
        raise PermissionDenied(_("The preview token's revision no longer exists."))
    return revision.as_object()
