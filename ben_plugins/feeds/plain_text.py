"""Rich text (HTML) as the plain text that iCalendar, JSON-LD and feed summaries carry."""

from html import unescape

from django.utils.html import strip_tags


def plain_text(html: str) -> str:
    """Tags removed and entities decoded: "<p>A &amp; B</p>" is "A & B"."""
    return unescape(strip_tags(html or "")).strip()
