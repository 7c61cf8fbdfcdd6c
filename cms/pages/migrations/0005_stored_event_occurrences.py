import django.db.models.deletion
from django.db import migrations, models

from cms.pages.recurrence import series_occurrences


def store_occurrences(apps, schema_editor):
    """Stores the occurrences of every existing event (rules saved before validation existed
    count by their first date, as the expansion treats them)."""
    EventPage = apps.get_model("pages", "EventPage")
    EventOccurrence = apps.get_model("pages", "EventOccurrence")
    events = EventPage.objects.prefetch_related("exception_dates")
    for event in events.iterator(chunk_size=500):
        occurrences, until = series_occurrences(
            event.start,
            event.end,
            event.recurrence_rule,
            [exception.date for exception in event.exception_dates.all()],
        )
        EventOccurrence.objects.bulk_create(
            EventOccurrence(event_id=event.pk, start=each.start, end=each.end)
            for each in occurrences
        )
        EventPage.objects.filter(pk=event.pk).update(
            occurrences_until=until,
            last_occurrence_end=occurrences[-1].end if occurrences else None,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_public_site_news_and_legal_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="occurrences_until",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="last_occurrence_end",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.CreateModel(
            name="EventOccurrence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("start", models.DateTimeField()),
                ("end", models.DateTimeField()),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="stored_occurrences",
                        to="pages.eventpage",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["event", "end"], name="occurrence_event_end")],
            },
        ),
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(
                fields=[
                    "start",
                    "recurrence_rule",
                    "end",
                    "occurrences_until",
                    "last_occurrence_end",
                    "organiser",
                ],
                name="event_window",
            ),
        ),
        migrations.RunPython(store_occurrences, migrations.RunPython.noop),
    ]
