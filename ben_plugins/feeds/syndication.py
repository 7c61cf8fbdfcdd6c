"""RSS 2.0 and Atom 1.0 documents of a list of news items (chosen by the feed's view)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from ben_plugins.core.resources import api_resource_url
from cms.core.sites import absolute_url

from .plain_text import plain_text


class NewsRssFeed(Feed):
    title = "Neuigkeiten – Bitburger Engagement Netz"
    description = "Neuigkeiten der Vereine und Einrichtungen im Bitburger Engagement Netz."
    language = "de"
    item_guid_is_permalink = False

    def __init__(self, news, site, request):
        super().__init__()
        self.news = news
        self.site = site
        # Django would name the host the request named (RequestSite): BEN names its base URL.
        self.link = absolute_url("/api/v1/news/", request)
        self.feed_url = absolute_url(request.path, request)

    def items(self):
        return self.news

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser or Truncator(plain_text(item.body)).words(60)

    def item_link(self, item):
        return api_resource_url(item, self.site)

    def item_guid(self, item):
        return f"ben-news-{item.pk}"

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
