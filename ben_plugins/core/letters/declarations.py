"""Letters a model declares: which placeholders exist and where their values come from."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    """A letter about one record, e.g. a confirmation or a certificate.

    ``key`` is unique across plugins (``"<plugin>.<letter>"``), ``placeholders`` maps each
    name usable in the text to its German description, ``values`` returns the values for a
    record. ``subject`` and ``body`` are the text until an administrator edits it under
    *Einstellungen → Briefvorlagen*.
    """

    key: str
    title: str
    placeholders: Mapping[str, str]
    values: Callable[[object], Mapping[str, object]]
    subject: str
    body: str
