"""HTML to PDF with WeasyPrint, cut off from local files and the network.

WeasyPrint (and Debian's pango under it) is imported only when a PDF is made, so the CMS
starts without pango. A letter may load inline ``data:`` URLs and our own letterhead logo
(``LETTERHEAD_URL``); every other URL (``file:``, ``http:``, …) is refused by the fetcher.
"""

from pathlib import Path

LETTERHEAD_URL = "ben-letterhead:logo.svg"
LETTERHEAD_FILE = Path(__file__).parent / "static" / "ben_letters" / "logo.svg"


class UrlRefused(ValueError):
    """A letter tried to load something from outside."""


def restricted_fetcher():
    """A WeasyPrint URL fetcher that serves the letterhead and data: URLs only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url == LETTERHEAD_URL:
                return URLFetcherResponse(
                    url, LETTERHEAD_FILE.read_bytes(), {"Content-Type": "image/svg+xml"}
                )
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise UrlRefused(f"Briefe laden nichts von außerhalb: {url[:80]}")

    return RestrictedFetcher(allowed_protocols={"data"}, allow_redirects=False)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=None, url_fetcher=restricted_fetcher()).write_pdf()
