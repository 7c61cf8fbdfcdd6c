from django.core.management.base import BaseCommand

from cms.pages.models import EventPage
from cms.pages.models.events import events_to_store, store_occurrences


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
        stored = store_occurrences(events.prefetch_related("exception_dates").iterator(500))
        self.stdout.write(self.style.SUCCESS(f"Termine von {stored} Veranstaltungen gespeichert."))
