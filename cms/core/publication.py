"""The publication rule: the one place that decides what the public may see.

Every public path uses it: the content API, the feeds, webhook payloads, the public site and
the admin's choosers (which show other clubs' pages only as the public sees them).

- Pages: live, not inside a section restricted by a view restriction (password, login,
  groups) and not below an unpublished page (unpublishing a club hides its events, even if
  Wagtail's unpublish left them live).
- Moderated snippets (DraftStateMixin): live. Wagtail keeps the live field values in the row
  and stores later drafts only as revisions, so serving the rows serves the approved state.
- A model whose publication depends on a page names that page's field in
  ``publication_parent_field`` (club content: ``"club"``); it is hidden while that page is.
- A model adds its own condition with a classmethod ``publication_condition()`` returning a
  ``Q`` (a benefit partner's expiry): a card holder must not be sent to an expired discount.

Hidden paths (restricted sections, unpublished branches) are read from the database unless
the caller passes them in: the API layer passes a cached copy (cms.api.publication).
"""

from collections.abc import Sequence
from functools import cache, reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from wagtail.models import DraftStateMixin, Page, PageViewRestriction

HiddenPaths = Sequence[str]


def read_hidden_paths() -> tuple[str, ...]:
    """Tree paths of restricted sections and unpublished branches, read fresh."""
    restricted = PageViewRestriction.objects.order_by().values_list("page__path", flat=True)
    unpublished_branches = (
        Page.objects.order_by()
        .filter(live=False, numchild__gt=0, depth__gt=1)
        .values_list("path", flat=True)
    )
    return tuple(restricted.union(unpublished_branches))


def path_is_visible(path: str, hidden_paths: HiddenPaths | None = None) -> bool:
    if hidden_paths is None:
        hidden_paths = read_hidden_paths()
    return not any(path.startswith(prefix) for prefix in hidden_paths)


def _hidden_q(hidden_paths: HiddenPaths, prefix: str = "") -> Q | None:
    if not hidden_paths:
        return None
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in hidden_paths))


def _own_condition(model) -> Q | None:
    condition = getattr(model, "publication_condition", None)
    return condition() if condition is not None else None


@cache
def _page_types_with_conditions() -> tuple[type[Page], ...]:
    """Asked only once the app registry is ready (at request time)."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and hasattr(model, "publication_condition")
    )


def _published_pages(queryset, hidden_paths: HiddenPaths):
    queryset = queryset.filter(live=True)
    hidden = _hidden_q(hidden_paths)
    if hidden is not None:
        queryset = queryset.exclude(hidden)
    for page_type in _page_types_with_conditions():
        if issubclass(queryset.model, page_type):
            continue  # applied as the model's own condition below
        if issubclass(page_type, queryset.model):  # a Page queryset that may hold this type
            failing = page_type.objects.exclude(page_type.publication_condition())
            queryset = queryset.exclude(pk__in=failing.values("pk"))
    return queryset


def published(queryset, hidden_paths: HiddenPaths | None = None):
    """Restrict any content queryset to what the public may see."""
    if hidden_paths is None:
        hidden_paths = read_hidden_paths()
    model = queryset.model
    if issubclass(model, Page):
        queryset = _published_pages(queryset, hidden_paths)
    elif issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    parent_field = getattr(model, "publication_parent_field", None)
    if parent_field:
        queryset = queryset.filter(**{f"{parent_field}__live": True})
        hidden = _hidden_q(hidden_paths, prefix=f"{parent_field}__")
        if hidden is not None:
            queryset = queryset.exclude(hidden)
    condition = _own_condition(model)
    if condition is not None:
        queryset = queryset.filter(condition)
    return queryset


def page_is_published(page, hidden_paths: HiddenPaths | None = None) -> bool:
    """For references to pages (an event's organiser): the rule applied to one page. Costs a
    query only where a page type's own condition may apply (also to a non-specific Page)."""
    if page is None or not page.live or not path_is_visible(page.path, hidden_paths):
        return False
    page_type = type(page)
    conditions_apply = any(
        issubclass(conditional, page_type) or issubclass(page_type, conditional)
        for conditional in _page_types_with_conditions()
    )
    return not conditions_apply or published(page_type.objects.filter(pk=page.pk), ()).exists()


def is_published(instance) -> bool:
    """Whether the public may see this one object now (webhook payloads ask per object)."""
    return published(type(instance)._default_manager.filter(pk=instance.pk)).exists()


def publication_parent_of(instance) -> Page | None:
    """The page whose publication an object's own publication depends on."""
    field = getattr(type(instance), "publication_parent_field", None)
    return getattr(instance, field, None) if field else None


def surroundings_are_published(instance) -> bool:
    """Whether the place an object lives in is public, whatever the object's own state: an
    unpublished or deleted object may be announced only where its publication could be seen."""
    if isinstance(instance, Page):
        own_restriction = PageViewRestriction.objects.filter(page__path=instance.path).exists()
        return not own_restriction and path_is_visible(instance.path[: -Page.steplen])
    parent = publication_parent_of(instance)
    if parent is not None:
        return page_is_published(parent)
    return True


def is_previewable(model) -> bool:
    """Only content with drafts has something to preview."""
    return issubclass(model, Page) or issubclass(model, DraftStateMixin)
