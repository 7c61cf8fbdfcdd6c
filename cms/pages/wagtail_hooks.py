from django.http import Http404
from wagtail import hooks

from cms.core.publication import page_is_published


@hooks.register("before_serve_page")
def serve_only_published_pages(page, request, serve_args, serve_kwargs):
    """The public site serves what the API serves (cms.core.publication): not a live page
    below an unpublished club, not an expired benefit partner. Wagtail itself checks only
    the page's own live flag, and every page type of every plugin passes through here."""
    if not page_is_published(page):
        raise Http404
