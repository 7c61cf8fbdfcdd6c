"""Publication rules: the single place that decides what the API may show.

Pages: live, not inside a section restricted by a view restriction (password, login,
groups) and not below an unpublished page (unpublishing a club hides its events, even if
Wagtail's unpublish left them live). Moderated snippets (DraftStateMixin): live. Wagtail
keeps the live field values in the model row and stores later drafts only as revisions
(wagtail.actions.edit.EditAction does not save a live DraftStateMixin instance), so serving
the rows serves the approved state.
Club-owned content is additionally hidden while its club is not published. Benefit partners
whose offer has expired (valid_until in the past) are not published: a card holder must not
be sent to a discount that no longer exists.

Every public path uses this module: /api/v1/, /api/v2/, the feeds and webhook payloads.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.timezone import localdate
from wagtail.models import DraftStateMixin, Page, PageViewRestriction

from cms.api.caching import generations, memoised
from cms.api.registry import STRUCTURE_LABEL
from cms.pages.models import BenefitPartnerPage
from cms.snippets.models import ClubContent


def _read_hidden_paths() -> tuple[str, ...]:
    restricted = PageViewRestriction.objects.order_by().values_list("page__path", flat=True)
    unpublished_branches = (
        Page.objects.order_by()
        .filter(live=False, numchild__gt=0, depth__gt=1)
        .values_list("path", flat=True)
    )
    return tuple(restricted.union(unpublished_branches))


def hidden_paths(request) -> tuple[str, ...]:
    """Tree paths of restricted sections and unpublished branches.

    Read once per request, and shared through the cache until the tree's structure
    generation changes (cms.api.signals bumps it on every structural change). Without a
    request (signal handlers such as webhooks) read fresh: the generation may not be bumped
    yet while other receivers of the same signal run.
    """
    if request is None:
        return _read_hidden_paths()
    cached = getattr(request, "_api_hidden_paths", None)
    if cached is None:
        known = getattr(request, "_api_generations", None) or {}
        generation = known.get(STRUCTURE_LABEL) or generations([STRUCTURE_LABEL])[STRUCTURE_LABEL]
        cached = memoised(f"api:hidden-paths:{generation}", _read_hidden_paths)
        request._api_hidden_paths = cached
    return cached


def path_is_visible(path: str, request) -> bool:
    return not any(path.startswith(prefix) for prefix in hidden_paths(request))


def _hidden_q(request, prefix: str = "") -> Q | None:
    paths = hidden_paths(request)
    if not paths:
        return None
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))


def _without_expired_partners(queryset):
    """Also for querysets of Page (Wagtail's v2 API), which may hold partners."""
    if not issubclass(BenefitPartnerPage, queryset.model):
        return queryset
    expired = Q(valid_until__lt=localdate())
    if queryset.model is BenefitPartnerPage:
        return queryset.exclude(expired)
    return queryset.exclude(pk__in=BenefitPartnerPage.objects.filter(expired).values("pk"))


def published_pages(queryset, request):
    queryset = _without_expired_partners(queryset.filter(live=True))
    hidden = _hidden_q(request)
    return queryset.exclude(hidden) if hidden is not None else queryset


def page_is_published(page, request) -> bool:
    """For references to pages (an event's organiser): the rule applied to one page."""
    return page is not None and page.live and path_is_visible(page.path, request)


def is_published(instance, request=None) -> bool:
    """Whether the public may see this one object (webhook payloads ask per object)."""
    return published(type(instance)._default_manager.filter(pk=instance.pk), request).exists()


def surroundings_are_published(instance) -> bool:
    """Whether the place an object lives in is public, whatever the object's own state: an
    unpublished or deleted object may be announced only where its publication could be seen."""
    if isinstance(instance, Page):
        own_restriction = PageViewRestriction.objects.filter(page__path=instance.path).exists()
        return not own_restriction and path_is_visible(instance.path[: -Page.steplen], None)
    if isinstance(instance, ClubContent):
        return page_is_published(instance.club, None)
    return True


def published(queryset, request):
    """Restrict any registered model's queryset to what the public may see."""
    model = queryset.model
    if issubclass(model, Page):
        return published_pages(queryset, request)
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    if issubclass(model, ClubContent):
        queryset = queryset.filter(club__live=True)
        hidden = _hidden_q(request, prefix="club__")
        if hidden is not None:
            queryset = queryset.exclude(hidden)
    return queryset


def is_previewable(model) -> bool:
    """Only content with drafts has something to preview."""
    return issubclass(model, Page) or issubclass(model, DraftStateMixin)
