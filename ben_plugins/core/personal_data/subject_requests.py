"""Requests of a data subject, found by email address across every plugin (Art. 15, Art. 17)."""

import json
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ben_plugins.core.plugins import plugin_for_model

from .declarations import declared_models
from .erasure import delete_records, erase_named_person, related_rows
from .models import AccessLogEntry


@dataclass
class Holding:
    """Records of one model that concern the person: as the submitter or as a third party."""

    model: type
    records: list
    fields: list[str] | None  # None: the whole record is about the person
    email_field: str

    @property
    def as_submitter(self) -> bool:
        return self.fields is None

    @property
    def with_related(self) -> bool:
        """The declaration has ``related`` rows, and they are about this person."""
        declaration = self.model.personal_data
        return bool(declaration.related) and self.email_field == declaration.related_subject_field


def holdings(email: str) -> list[Holding]:
    found = []
    for model in declared_models():
        declaration = model.personal_data
        manager = model._base_manager
        by_field = {declaration.email_field: None, **declaration.third_parties}
        for email_field, fields in by_field.items():
            records = list(manager.filter(**{f"{email_field}__iexact": email}).order_by("pk"))
            if records:
                found.append(Holding(model, records, fields and list(fields), email_field))
    return found


def _values(record, fields) -> dict:
    concrete = record._meta.concrete_fields
    return {
        field.name: field.value_from_object(record)
        for field in concrete
        if fields is None or field.name in fields
    }


def _related(record) -> dict[str, list[dict]]:
    """The ``related`` rows of the record without their foreign keys: what they say about the
    person, not who of the staff wrote it (Art. 15(4) DSGVO) nor the record again."""
    found = {}
    for name, rows in related_rows(type(record), [record.pk]):
        fields = [
            field
            for field in rows.model._meta.concrete_fields
            if not (field.primary_key or field.is_relation)
        ]
        found[name] = [
            {field.name: field.value_from_object(row) for field in fields}
            for row in rows.order_by("pk")
        ]
    return found


def _history(record) -> list[dict]:
    entries = ModelLogEntry.objects.filter(object_id=str(record.pk)).filter(
        content_type__app_label=record._meta.app_label,
        content_type__model=record._meta.model_name,
    )
    return [
        {
            "timestamp": entry.timestamp,
            "action": entry.action,
            **{key: entry.data[key] for key in ("from", "to", "comment") if key in entry.data},
        }
        for entry in entries.order_by("timestamp")
    ]


def export(email: str, username: str) -> str:
    """Everything every plugin holds about ``email``, as JSON (Art. 15 DSGVO)."""
    records = []
    for holding in holdings(email):
        plugin = plugin_for_model(holding.model)
        for record in holding.records:
            records.append(
                {
                    "plugin": plugin.label if plugin else holding.model._meta.app_label,
                    "type": str(holding.model._meta.verbose_name),
                    "purpose": holding.model.personal_data.purpose,
                    "id": record.pk,
                    "role": "Absender/in" if holding.as_submitter else "genannte Person",
                    "data": _values(record, holding.fields),
                    "history": _history(record) if holding.as_submitter else [],
                    **({"related": _related(record)} if holding.with_related else {}),
                }
            )
        AccessLogEntry.record(holding.records, AccessLogEntry.Action.EXPORT, username=username)
    document = {"email": email, "created_at": timezone.now(), "records": records}
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def erase(email: str) -> list[str]:
    """Delete the person's records, empty the fields about them in others' (Art. 17 DSGVO).

    Returns one German line per model for the operator.
    """
    lines = []
    for holding in holdings(email):
        pks = [record.pk for record in holding.records]
        name = holding.model._meta.label
        if holding.as_submitter:
            delete_records(holding.model, pks)
            lines.append(f"{name}: {len(pks)} gelöscht (#{', #'.join(map(str, pks))})")
        else:
            erase_named_person(holding.model, pks, holding.email_field)
            lines.append(
                f"{name}: Angaben zur genannten Person in {len(pks)} Datensätzen geleert "
                f"({', '.join(holding.fields)})"
            )
    return lines
