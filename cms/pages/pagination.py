"""Pages of a long public list (news, the event calendar): `?seite=2`."""

from django.core.paginator import Page, Paginator
from django.http import Http404

PAGE_PARAM = "seite"


def requested_page(paginator: Paginator, request) -> Page:
    """The page `?seite=` names (the first without it); 404 for one that does not exist."""
    try:
        number = int(request.GET.get(PAGE_PARAM, 1))
    except ValueError:
        raise Http404 from None
    if not 1 <= number <= paginator.num_pages:
        raise Http404
    return paginator.page(number)
