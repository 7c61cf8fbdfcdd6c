"""Letter texts with named placeholders ({name}) – and nothing else of a template language.

Administrators write the texts; ``str.format_map`` fills them from a mapping of strings, and
only after ``problems`` found nothing: no attribute or index access (``{name.__class__}``,
``{values[0]}``), no format specs or conversions, no unknown names.
"""

from collections.abc import Mapping
from string import Formatter


def problems(text: str, allowed: Mapping[str, str]) -> list[str]:
    """German messages for everything in ``text`` that is not a known plain placeholder."""
    try:
        parsed = list(Formatter().parse(text))
    except ValueError:
        return [
            "Geschweifte Klammern passen nicht zusammen. Für eine Klammer im Text "
            "„{{“ bzw. „}}“ schreiben."
        ]
    found = []
    known = ", ".join(f"{{{name}}}" for name in allowed) or "keine"
    for _, field_name, format_spec, conversion in parsed:
        if field_name is None:
            continue
        if field_name not in allowed:
            found.append(f"Unbekannter Platzhalter {{{field_name}}}. Erlaubt: {known}.")
        elif format_spec or conversion:
            found.append(f"Platzhalter ohne Formatangaben schreiben: {{{field_name}}}.")
    return found


def fill(text: str, allowed: Mapping[str, str], values: Mapping[str, object]) -> str:
    """The text with its placeholders replaced by the (string) values."""
    errors = problems(text, allowed)
    if errors:
        raise ValueError(" ".join(errors))
    return text.format_map({name: str(values.get(name, "")) for name in allowed})
