"""The publication rule of cms.core, with its hidden paths shared through the API cache.

cms.core.publication reads the restricted and unpublished branches of the page tree from the
database; an API request reads them once and shares them with every worker through the
response cache until the tree's structure generation changes (cms.api.invalidation bumps it
on every structural change).
"""

from cms.core import publication

from .caching import STRUCTURE_LABEL, generations, memoised


def hidden_paths(request) -> tuple[str, ...]:
    """Without a request (signal handlers) read fresh: the generation may not be bumped yet
    while other receivers of the same signal run."""
    if request is None:
        return publication.read_hidden_paths()
    cached = getattr(request, "_api_hidden_paths", None)
    if cached is None:
        known = getattr(request, "_api_generations", None) or {}
        generation = known.get(STRUCTURE_LABEL) or generations([STRUCTURE_LABEL])[STRUCTURE_LABEL]
        cached = memoised(f"api:hidden-paths:{generation}", publication.read_hidden_paths)
        request._api_hidden_paths = cached
    return cached


def published_for_request(queryset, request):
    return publication.published(queryset, hidden_paths(request))


def page_is_published_for_request(page, request) -> bool:
    return publication.page_is_published(page, hidden_paths(request))
