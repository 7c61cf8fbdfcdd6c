"""Personal data, declared once per model (public extension point, docs/plugins.md §4.10).

A Django app of its own (label ``ben_personal_data``): the access log, the generated
admin of declared models, ``manage.py ben_retention`` and ``manage.py ben_personal_data``.
"""

from .declarations import ClubAccess, GroupAccess, PersonalData, Retention

__all__ = ["ClubAccess", "GroupAccess", "PersonalData", "Retention"]
