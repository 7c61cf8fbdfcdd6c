"""Daily: delete or anonymise the personal data whose retention period has ended.

Run once a day (cron or a systemd timer, see README); ``--dry-run`` lists without changing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ben_plugins.core.personal_data.retention import expired


class Command(BaseCommand):
    help = (
        "Löscht oder anonymisiert personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen "
        "ist (auch Namen und Kommentare im Verlauf und im Zugriffsprotokoll)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="nur auflisten")

    def handle(self, *args, dry_run, **options):
        expiries = expired(timezone.now())
        if not expiries:
            self.stdout.write("Nichts abgelaufen.")
            return
        for expiry in expiries:
            done = "fällig" if dry_run else "erledigt"
            ids = ", ".join(f"#{pk}" for pk in expiry.pks)
            self.stdout.write(
                f"{expiry.model._meta.label}: {len(expiry.pks)} {done} – {expiry.describe()}: {ids}"
            )
            if not dry_run:
                with transaction.atomic():
                    expiry.apply()
