"""Letters a model declares: which placeholders exist and where their values come from."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Letter:
    """A letter about one record, e.g. a confirmation or a certificate.

    ``key`` is unique across plugins (``"<plugin>.<letter>"``), ``placeholders`` maps each
    name usable in the text to its German description, ``values`` returns the values for a
    record. ``subject`` and ``body`` are the text until an administrator edits it under
    *Einstellungen → Briefvorlagen*. ``allows(record, user)``, if given, narrows who may
    print the letter for which record (e.g. a certificate only for a decided award and only
    by the chair); everyone who may open the record may print it otherwise.
    """

    key: str
    title: str
    placeholders: Mapping[str, str]
    values: Callable[[object], Mapping[str, object]]
    subject: str
    body: str
    allows: Callable[[object, object], bool] | None = None

    def permits(self, record, user) -> bool:
        return self.allows is None or self.allows(record, user)
