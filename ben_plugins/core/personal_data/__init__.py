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


def erase_named_person(record, email_field: str) -> None:
    """Art. 17 for the person a record names in ``email_field`` (a key of the declaration's
    ``third_parties``), for a plugin's own door such as a named person's objection link: their
    fields emptied (in ``record`` too), the ``related`` rows about them deleted, the record's
    audit and access log entries relabelled without them and their comments dropped – what
    ``manage.py ben_personal_data --erase`` does."""
    from .erasure import erase_named_person as erase

    model = type(record)
    erase(model, [record.pk], email_field)
    for name in model.personal_data.third_parties[email_field]:
        setattr(record, name, model.personal_data.anonymous_value(name))


__all__ = [
    "ClubAccess",
    "GroupAccess",
    "PersonalData",
    "Retention",
    "erase_named_person",
    "log_access",
]
