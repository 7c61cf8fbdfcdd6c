"""Forward Wagtail's and Django's signals to the plugin content signals.

``wagtail.signals.published``/``unpublished`` are sent for pages (after ``page_published``
/ ``page_unpublished``) and for snippets alike, so they cover both. Deletions are reported
only for content that was live: a draft that never reached the public must not leak
through a plugin. Deleting a live page first unpublishes it (Wagtail does that), so
plugins see ``content_unpublished`` and then ``content_deleted``; pages always arrive as
their specific type.
"""

import logging

from django.db.models.signals import post_delete
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import (
    published,
    task_submitted,
    unpublished,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
)

from cms.core.sites import site_for_object

from . import signals

logger = logging.getLogger(__name__)

# task_submitted rather than workflow_submitted: it also fires when an editor resubmits
# after a rejection (Wagtail sends no workflow signal then), and once per submission.
WORKFLOW_STATES = {
    task_submitted: "submitted",
    workflow_approved: "approved",
    workflow_rejected: "rejected",
    workflow_cancelled: "cancelled",
}


def _forward(signal, instance, **named):
    try:
        if isinstance(instance, Page):
            instance = instance.specific
        site = site_for_object(instance)
        signal.send_robust(type(instance), instance=instance, site=site, **named)
    except Exception:
        logger.exception("Content signal for %r could not be sent.", instance)


def on_published(sender, instance, revision=None, **kwargs):
    _forward(signals.content_published, instance, revision=revision)


def on_unpublished(sender, instance, **kwargs):
    _forward(signals.content_unpublished, instance)


def on_deleted(sender, instance, **kwargs):
    if sender is Page or not issubclass(sender, DraftStateMixin) or not instance.live:
        return
    _forward(signals.content_deleted, instance)


def on_workflow_signal(sender, instance, user=None, signal=None, **kwargs):
    workflow_state = getattr(instance, "workflow_state", instance)  # a TaskState or not
    _forward(
        signals.moderation_state_changed,
        workflow_state.content_object,
        state=WORKFLOW_STATES[signal],
        user=user,
    )


def connect():
    published.connect(on_published, dispatch_uid="ben_plugins_published")
    unpublished.connect(on_unpublished, dispatch_uid="ben_plugins_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="ben_plugins_deleted")
    for workflow_signal in WORKFLOW_STATES:
        workflow_signal.connect(on_workflow_signal, dispatch_uid="ben_plugins_workflow")
