"""Delete submissions nobody confirmed within 48 hours, and used or expired one-time links.

The daily ``ben_retention`` runs the same function
(``ben_plugins.core.intake.service.delete_unconfirmed``); this command runs it alone.
"""

from django.core.management.base import BaseCommand

from ben_plugins.core.intake.service import delete_unconfirmed


class Command(BaseCommand):
    help = "Löscht unbestätigte Eingaben nach 48 Stunden und abgelaufene Einmal-Links."

    def handle(self, *args, **options):
        for label, count in delete_unconfirmed().items():
            self.stdout.write(f"{label}: {count} gelöscht")
