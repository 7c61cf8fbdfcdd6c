"""Personal data, declared once per model (public extension point, docs/plugins.md §4.10).

A Django app of its own (label ``ben_personal_data``): the access log, the generated
admin of declared models, ``manage.py ben_retention`` and ``manage.py ben_personal_data``.
"""

from .declarations import ClubAccess, GroupAccess, PersonalData, Retention


def log_access(records, action: str, user) -> None:
    """Write an access-log entry per record, for a plugin's own screen that shows declared
    records beyond the generated admin (``action``: "view", "export", "letter", …).

    The log's model is imported here, not above: this package is imported while Django
    loads the apps."""
    from .models import AccessLogEntry

    AccessLogEntry.record(records, action, user)


__all__ = ["ClubAccess", "GroupAccess", "PersonalData", "Retention", "log_access"]
