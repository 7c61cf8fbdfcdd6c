"""Turning a declared letter and a record into a PDF (public: plugins attach letters to mail)."""

from django.template.loader import render_to_string
from django.utils import timezone

from .declarations import Letter
from .models import DEFAULT_LETTERHEAD, LetterTemplate
from .pdf import LETTERHEAD_URL, html_to_pdf
from .placeholders import fill


def letter_html(letter: Letter, record) -> str:
    """The letter's HTML: the administrator's text (if any) filled with the record's values."""
    template = LetterTemplate.objects.filter(key=letter.key).first()
    letterhead, subject, body = (
        (template.letterhead, template.subject, template.body)
        if template
        else (DEFAULT_LETTERHEAD, letter.subject, letter.body)
    )
    values = letter.values(record)
    paragraphs = [p for p in fill(body, letter.placeholders, values).split("\n\n") if p.strip()]
    return render_to_string(
        "ben_letters/letter.html",
        {
            "letterhead": fill(letterhead, letter.placeholders, values).splitlines(),
            "logo_url": LETTERHEAD_URL,
            "subject": fill(subject, letter.placeholders, values),
            "paragraphs": paragraphs,
            "date": timezone.localdate(),
        },
    )


def render_letter(letter: Letter, record) -> bytes:
    """The letter about ``record`` as PDF bytes (needs pango)."""
    return html_to_pdf(letter_html(letter, record))
