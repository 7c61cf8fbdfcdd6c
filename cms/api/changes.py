"""Marking content changed, for endpoints that show content of their own (plugins).

An endpoint names what it shows in ``ApiViewSet.shows``: models (their publication changes
invalidate it as they do the content API) and labels of the plugin's own content, such as
``"ehrenamtsmedaille.awardees"``. When that content changes, the plugin says so::

    changed("ehrenamtsmedaille.awardees")

or lets every change of a model say so::

    changes_with(Nomination, "ehrenamtsmedaille.awardees")  # in apps.ready() or signals.py

Both do what a publication does for the content API (cms.api.invalidation): the response
cache is stale at once, and after the commit the caches in front (Varnish, a CDN) are purged
by the labels' surrogate keys.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import ModelLogEntry

from .invalidation import invalidate

#: (app label, model name) -> labels, for the actions written to Wagtail's audit log.
_logged: dict[tuple[str, str], set[str]] = {}


def changed(*labels: str) -> None:
    """The content these labels name changed: every response showing it is stale now in the
    response cache and purged from the caches in front once the change is committed."""
    invalidate(labels)


def changes_with(model, *labels: str, when=None) -> None:
    """Mark ``labels`` changed whenever a row of ``model`` is saved or deleted, or an action
    on one is written to Wagtail's audit log (BEN's status transitions write one for each
    move, though they change the row with an UPDATE). Code that changes rows otherwise
    (``QuerySet.update`` without a log entry) calls ``rows_changed`` or ``changed`` itself.

    ``when(row)`` narrows saves and deletions to rows that can show (e.g. confirmed
    submissions: a stranger's unconfirmed POST purges nothing)."""
    if not labels:
        raise ValueError("changes_with needs at least one label.")

    def receiver(sender, instance, raw=False, **kwargs):
        if not raw and (when is None or when(instance)):
            changed(*labels)

    uid = f"ben_changes_{model._meta.label}_{'_'.join(sorted(labels))}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}_delete")
    _logged.setdefault((model._meta.app_label, model._meta.model_name), set()).update(labels)
    post_save.connect(_action_logged, sender=ModelLogEntry, dispatch_uid="ben_changes_logged")


def rows_changed(model) -> None:
    """Rows of ``model`` changed without a save (a ``QuerySet.update``, e.g. when personal data
    is erased): mark the labels that ``changes_with`` gave the model changed."""
    labels = _logged.get((model._meta.app_label, model._meta.model_name))
    if labels:
        changed(*labels)


def _action_logged(sender, instance, raw=False, **kwargs):
    if raw or not _logged:
        return
    content_type = ContentType.objects.get_for_id(instance.content_type_id)
    labels = _logged.get((content_type.app_label, content_type.model))
    if labels:
        changed(*labels)
