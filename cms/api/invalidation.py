"""Cache invalidation: which publication events make which endpoints' cached responses stale.

Publishing a leaf page or a snippet invalidates its own model's responses and those of the
endpoints declaring it in depends_on. Structural changes (moves, unpublishing, deletion of
pages, privacy restrictions, sites, publishing a page with children whose URLs may change)
invalidate everything, because they can change visibility or URLs of whole subtrees.
Approving an image or document (cms.moderation.media.media_approved) invalidates the
endpoints that depend on its model. Every invalidation happens twice: at once and again after
the commit (see invalidate); the HTTP caches in front (Varnish, a CDN) are purged once, after
the commit, for all the labels a transaction invalidated (cms.api.frontend_cache).
"""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from cms.moderation.media import media_approved

from .caching import all_labels, bump, bump_generations, model_label

#: What this thread's transaction invalidated, bumped and purged together after its commit.
#: A rolled-back transaction's labels go out with the next commit: a needless purge, never
#: a missing one.
_pending = threading.local()


def is_tracked(label: str) -> bool:
    return label in all_labels()


def invalidate(labels) -> None:
    """Bump now, so that the rest of this transaction reads the new generations, and again
    after the commit: a request racing the commit can read the new generation but the rows
    from before it, and would cache that stale response as current until the next change.
    The purge of the caches in front goes with the second bump. Outside a transaction the
    change is committed already."""
    labels = set(labels)
    if not transaction.get_connection().in_atomic_block:
        bump(labels)
        return
    bump_generations(labels)
    _pending.labels = getattr(_pending, "labels", set()) | labels
    transaction.on_commit(_bump_pending)


def _bump_pending() -> None:
    """The first callback after a commit bumps and purges all its transaction invalidated;
    the others find nothing left (a publish invalidates several times)."""
    labels, _pending.labels = getattr(_pending, "labels", set()), set()
    bump(labels)


def invalidate_model(model) -> None:
    label = model_label(model)
    if is_tracked(label):
        invalidate([label])


def invalidate_all(*extra_labels: str) -> None:
    """Everything the content API shows, and ``extra_labels`` in the same purge."""
    invalidate(all_labels() | set(extra_labels))


def invalidate_page(page) -> None:
    """A page with children changes its subtree's URLs; a page below an unpublished page
    turns that page into a hidden branch (cms.api.publication caches hidden branches per
    structure generation, and a leaf that was unpublished was not one)."""
    below_unpublished = Page.objects.ancestor_of(page).filter(live=False, depth__gt=1).exists()
    if page.numchild or below_unpublished:
        invalidate_all()
    else:
        invalidate_model(type(page))


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    invalidate_page(instance)


@receiver(page_unpublished)
@receiver(post_page_move)
def page_structure_changed(sender, **kwargs):
    invalidate_all()


@receiver(published)
@receiver(unpublished)
def snippet_publication_changed(sender, instance, **kwargs):
    invalidate_model(type(instance))


@receiver(media_approved)
def media_was_approved(sender, **kwargs):
    """An approved image or document appears in responses that showed null in its place."""
    invalidate_model(sender)


@receiver(post_delete)
def object_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site):
        invalidate_all()
    else:
        invalidate_model(sender)


@receiver(post_save)
def object_saved(sender, instance, raw=False, update_fields=None, created=False, **kwargs):
    """Saving taxonomy, images and documents publishes them; so does saving live content in
    full from code (imports, seeds). Wagtail saves drafts of live content with update_fields
    only (latest_revision etc.), and those must not invalidate anything."""
    if raw:
        return
    if isinstance(instance, PageViewRestriction | Site):
        invalidate_all()
    elif not isinstance(instance, Page | DraftStateMixin):
        invalidate_model(sender)
    elif update_fields is None and instance.live:
        if created and isinstance(instance, Page):
            invalidate_all()  # a new live page may sit below an unpublished or private page
        elif isinstance(instance, Page):
            invalidate_page(instance)
        else:
            invalidate_model(type(instance))
