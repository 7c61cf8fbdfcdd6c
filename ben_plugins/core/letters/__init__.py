"""Letters and PDFs (public extension point, docs/plugins.md §4.11).

A Django app of its own (label ``ben_letters``): the letter templates administrators edit,
and ``rendering.render_letter``, which turns one into a PDF with WeasyPrint.
"""

from .declarations import Letter
from .registry import letters_of

__all__ = ["Letter", "letters_of"]
