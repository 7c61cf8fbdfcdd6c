"""Builders for the raw StreamField data of cms.pages.blocks.ContentStreamBlock.

Texts may be written as wrapped, indented triple-quoted strings: runs of whitespace are
collapsed to single spaces, and plain text is HTML-escaped for the rich-text blocks.
"""

from html import escape


def clean(text: str) -> str:
    return " ".join(text.split())


def rich_text(*paragraphs: str) -> str:
    """Plain-text paragraphs as Wagtail rich-text HTML."""
    return "".join(f"<p>{escape(clean(paragraph), quote=False)}</p>" for paragraph in paragraphs)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": clean(text), "level": level}}


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": rich_text(text)}


def bullets(items: list[str], intro: str = "") -> dict:
    return {
        "type": "bullet_list",
        "value": {"intro": clean(intro), "items": [clean(item) for item in items]},
    }


def quote(text: str, attribution: str = "") -> dict:
    return {"type": "quote", "value": {"quote": clean(text), "attribution": clean(attribution)}}


def recommendation(number: str, title: str, text: str, measures: list[str] = ()) -> dict:
    return {
        "type": "recommendation",
        "value": {
            "number": number,
            "title": clean(title),
            "text": rich_text(text),
            "measures": [clean(measure) for measure in measures],
        },
    }
