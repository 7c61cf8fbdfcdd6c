"""Deleting and anonymising records with personal data, their audit and access logs included.

Wagtail's audit log (ModelLogEntry) keeps each record's label (its ``str()``, often a name)
and the comments of its transitions; the access log keeps the label too. Whenever a declared
record is deleted – by retention, an Art. 17 request or in the admin – or anonymised, those
entries keep only what the record was (type and ID) and its state changes. When a person named
in a record (``third_parties``) is erased, the entries keep the record's new label (without
that person) and its state changes, never a comment: a comment may name them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import ModelLogEntry

from ben_plugins.core import tokens
from cms.api.changes import rows_changed

from .declarations import declared_models
from .models import AccessLogEntry

#: What stays of a log entry's data: the state change of a transition, never a comment.
KEPT_LOG_DATA = ("from", "to", "from_label", "to_label")


def anonymous_label(model, pk, verb: str = "gelöscht") -> str:
    return f"{model._meta.verbose_name} #{pk} ({verb})"


def scrub_logs(model, pks, verb: str = "gelöscht") -> int:
    """Replace labels and comments in the audit and access logs of these records.

    Returns how many log entries were changed.
    """
    return relabel_logs(model, {pk: anonymous_label(model, pk, verb) for pk in pks})


def relabel_logs(model, labels) -> int:
    """Give the log entries of each record (``labels``: pk → label) that label and drop their
    comments; returns how many log entries were changed."""
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    changed = 0
    for pk, label in labels.items():
        entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(pk))
        for entry in entries:
            entry.label = label
            entry.data = {key: entry.data[key] for key in KEPT_LOG_DATA if key in entry.data}
            entry.save(update_fields=["label", "data"])
            changed += 1
        changed += AccessLogEntry.objects.filter(
            content_type=content_type, object_id=str(pk)
        ).update(object_repr=label[:255])
    return changed


def delete_records(model, pks) -> None:
    """Delete the records and their one-time links; ``post_delete`` scrubs their logs."""
    with transaction.atomic():
        for record in model._base_manager.filter(pk__in=pks):
            tokens.revoke_for(record)
            record.delete()


def not_yet_anonymised(model, queryset):
    declaration = model.personal_data
    email = declaration.email_field
    return queryset.exclude(**{email: declaration.anonymous_value(email)})


def anonymise_records(model, pks) -> None:
    """Empty the declared personal fields and scrub the logs; the record stays."""
    declaration = model.personal_data
    values = {name: declaration.anonymous_value(name) for name in declaration.fields}
    with transaction.atomic():
        model._base_manager.filter(pk__in=pks).update(**values)
        rows_changed(model)
        delete_related(model, pks)
        scrub_logs(model, pks, "anonymisiert")


def related_rows(model, pks):
    """Per ``related`` relation of the declaration: its name and the queryset of its rows that
    belong to the records."""
    for name in model.personal_data.related:
        relation = model._meta.get_field(name)
        yield (
            name,
            relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": pks}),
        )


def delete_related(model, pks) -> None:
    """The rows of the declaration's ``related`` relations that belong to the records."""
    for _name, rows in related_rows(model, pks):
        rows.delete()


def erase_named_person(model, pks, email_field: str) -> None:
    """Art. 17 for a person named in the records (``third_parties[email_field]``): their fields
    emptied, the ``related`` rows about them deleted, the records' log entries relabelled
    without them and their comments dropped."""
    declaration = model.personal_data
    values = {
        name: declaration.anonymous_value(name) for name in declaration.third_parties[email_field]
    }
    with transaction.atomic():
        model._base_manager.filter(pk__in=pks).update(**values)
        rows_changed(model)
        if declaration.related_subject_field == email_field:
            delete_related(model, pks)
        records = model._base_manager.filter(pk__in=pks)
        relabel_logs(model, {record.pk: str(record) for record in records})


def _scrub_after_delete(sender, instance, **kwargs):
    scrub_logs(sender, [instance.pk])


def connect_log_anonymisation() -> None:
    for model in declared_models():
        post_delete.connect(
            _scrub_after_delete, sender=model, dispatch_uid=f"ben_scrub_{model._meta.label}"
        )
