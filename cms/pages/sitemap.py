from wagtail.contrib.sitemaps import Sitemap

from cms.core.publication import published


class PublishedPagesSitemap(Sitemap):
    """sitemap.xml lists what the public site serves (cms.core.publication): Wagtail's own
    sitemap would also list live pages below an unpublished club and expired partners."""

    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return published(pages).order_by("path").defer_streamfields().specific()
