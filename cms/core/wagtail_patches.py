"""Every change BEN makes to Wagtail through something Wagtail does not offer as an extension
point, in one place. No other module of BEN assigns to Wagtail's classes, private attributes,
signal registrations or URLs; the higher layers call these functions instead.

Each function says why the patch is needed and when it can go. Review this module on every
Wagtail upgrade (the test suite pins each behaviour through the admin views).
"""

from django.core.exceptions import ImproperlyConfigured
from django.urls import path
from wagtail import hooks
from wagtail.admin.auth import require_admin_access


def set_page_form(page_model, form_class) -> None:
    """Give a page type its edit form from outside the model.

    Why: the club field of every page type that points at a club must offer club editors only
    their own clubs, plugins' page types included, without each author remembering to set
    ``base_form_class``; Wagtail reads that attribute only from the model class.
    Can go when Wagtail offers a hook to construct page forms (none as of Wagtail 8.0).
    """
    page_model.base_form_class = form_class


def allow_subpage_type(parent_model, child_model) -> None:
    """Allow ``child_model`` below ``parent_model`` although the parent lists its children.

    Why: core page types list ``subpage_types`` explicitly, so a plugin's page type naming a
    core parent in ``parent_page_types`` would never be offered there. Wagtail caches the
    resolved list in the private ``_clean_subpage_models``, which must be reset.
    Can go when Wagtail resolves ``parent_page_types`` and ``subpage_types`` symmetrically.
    """
    parent_model.subpage_types = [*parent_model.subpage_types, child_model._meta.label]
    parent_model._clean_subpage_models = None


def replace_signal_receiver(signal, sender, dispatch_uid: str, receiver) -> None:
    """Put ``receiver`` where Wagtail connected its own under ``dispatch_uid``.

    Why: Wagtail's workflow email notifiers are plain signal receivers with no setting to
    swap them; BEN sends German mails that know the club and copy its board instead.
    Connecting under Wagtail's dispatch_uid also makes Wagtail's own registration skip its
    receiver, whichever app becomes ready first.
    Can go when Wagtail lets a project configure its workflow notifier classes.
    """
    signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
    signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)


def queue_page_comment_notifications(queue) -> None:
    """Let ``queue(view, changes)`` replace the page editor's comment notifications.

    Why: Wagtail's page edit view emails the subscribers of changed comments inside the
    request (``EditView.send_commenting_notifications``), with no setting or hook around it;
    every email BEN sends goes out from the task queue (``cms.core.mail``). Turning comments
    off would take a feature from the editors, so the method is replaced by one that queues
    the comments' keys, and the task calls Wagtail's own method with the reloaded objects.
    Can go when Wagtail sends its notifications through a configurable notifier or a task.
    """
    from wagtail.admin.views.pages.edit import EditView  # needs the models loaded

    EditView.send_commenting_notifications = lambda view, changes: queue(view, changes)


def replace_bulk_actions(actions) -> None:
    """Register bulk actions in the place of Wagtail's own of the same type and models.

    Why: Wagtail's bulk-action confirmation pages name every object id they are given,
    whatever the user may see; BEN's versions look up only visible objects. The bulk action
    registry keeps the last registration per action type and model, so ours go after
    Wagtail's (order 1).
    Can go when Wagtail's bulk actions filter their objects by view permission.
    """
    for action in actions:
        hooks.register("register_bulk_action", action, order=1)


#: Admin URLs whose Wagtail view BEN shadows, each with why and when the shadow can go.
SHADOWED_ADMIN_VIEWS = {
    "choose-page/chosen-multiple/": (
        "The page chooser's chosen-multiple view describes every page id it is given, "
        "whatever the user may see (cms.moderation.visibility). Can go when Wagtail filters "
        "it through construct_page_chooser_queryset."
    ),
    "reports/page-types-usage/": (
        "The page types usage report names the last edited page of every type, any club's "
        "unsubmitted draft included (cms.moderation.visibility). Can go when the report "
        "filters its pages by the user's permissions."
    ),
    "snippets/": (
        "The snippets index lists every snippet type, a switched-off plugin's too "
        "(ben_plugins.core.guard). Can go when Wagtail offers a hook to filter that list."
    ),
}


def replace_admin_view(route: str, view, name: str | None = None):
    """A URL pattern to put in front of Wagtail's admin URLs, shadowing its view at ``route``
    (or a route below one listed in SHADOWED_ADMIN_VIEWS, e.g. a report's results)."""
    if not any(route.startswith(shadowed) for shadowed in SHADOWED_ADMIN_VIEWS):
        raise ImproperlyConfigured(
            f"Say in SHADOWED_ADMIN_VIEWS why the admin view at {route!r} is replaced."
        )
    return path(route, require_admin_access(view), name=name)
