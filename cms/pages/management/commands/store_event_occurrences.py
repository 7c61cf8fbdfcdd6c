from django.core.management.base import BaseCommand
from django.db import transaction

from cms.pages.models import EventPage
from cms.pages.models.events import events_to_store, store_occurrences

#: Events stored per transaction: one commit each would cost minutes on SQLite; one for all
#: would hold their rows locked against editors' saves.
BATCH = 200


class Command(BaseCommand):
    help = (
        "Speichert die Termine der Veranstaltungen, deren gespeicherte Termine nicht mehr jedes "
        "erlaubte Datumsfenster abdecken (einmal im Jahr nötig, am besten täglich per cron); "
        "mit --all die Termine aller Veranstaltungen neu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="alle Veranstaltungen")

    def handle(self, *args, **options):
        events = EventPage.objects.all() if options["all"] else events_to_store()
        pks = list(events.values_list("pk", flat=True))
        stored = 0
        for first in range(0, len(pks), BATCH):
            batch = EventPage.objects.filter(pk__in=pks[first : first + BATCH])
            with transaction.atomic():
                stored += store_occurrences(batch.prefetch_related("exception_dates"))
        self.stdout.write(self.style.SUCCESS(f"Termine von {stored} Veranstaltungen gespeichert."))
