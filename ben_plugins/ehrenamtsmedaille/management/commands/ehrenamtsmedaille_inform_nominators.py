"""Daily: email the nominators of decided nominations once the award date has passed."""

from django.core.management.base import BaseCommand

from ...notifications import inform_nominators


class Command(BaseCommand):
    help = "Informiert Vorschlagende nach der Verleihung über die Entscheidung der Jury."

    def handle(self, *args, **options):
        count = inform_nominators()
        self.stdout.write(f"{count} Vorschlagende informiert.")
