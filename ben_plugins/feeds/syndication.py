"""RSS 2.0 and Atom 1.0 feeds of the published news of all clubs."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import Truncator

from ben_plugins.core.resources import api_resource_url
from cms.api.errors import unknown_parameters_response
from cms.api.publication import published_for_request
from cms.core.sites import site_for_request
from cms.snippets.models import NewsItem

from .views import unknown_parameters, with_etag

FEED_SIZE = 50


class NewsRssFeed(Feed):
    title = "Neuigkeiten – Bitburger Engagement Netz"
    description = "Neuigkeiten der Vereine und Einrichtungen im Bitburger Engagement Netz."
    language = "de"
    link = "/api/v1/news/"

    def __call__(self, request, *args, **kwargs):
        if unknown := unknown_parameters(request):
            return unknown_parameters_response(unknown)
        return with_etag(request, super().__call__(request, *args, **kwargs))

    def get_object(self, request, *args, **kwargs):
        return request

    def items(self, request):
        """The latest published news of clubs on the request's site, each knowing that site."""
        site = site_for_request(request)
        news = NewsItem.objects.filter(club__path__startswith=site.root_page.path)
        items = list(
            published_for_request(news, request)
            .select_related("club")
            .prefetch_related("categories")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )
        for item in items:
            item.feed_site = site
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser or Truncator(strip_tags(item.body)).words(60)

    def item_link(self, item):
        return api_resource_url(item, item.feed_site)

    def item_guid(self, item):
        return f"ben-news-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.club.title

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
