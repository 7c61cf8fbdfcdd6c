"""Daily: delete or anonymise the personal data whose retention period has ended.

Run once a day (cron or a systemd timer, see README); ``--dry-run`` lists without changing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ben_plugins.core.intake.service import delete_unconfirmed, submission_models
from ben_plugins.core.personal_data.retention import expired


class Command(BaseCommand):
    help = (
        "Löscht oder anonymisiert personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen "
        "ist (auch Namen und Kommentare im Verlauf und im Zugriffsprotokoll)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="nur auflisten")

    def handle(self, *args, dry_run, **options):
        now = timezone.now()
        expiries = expired(now)
        for expiry in expiries:
            done = "fällig" if dry_run else "erledigt"
            ids = ", ".join(f"#{pk}" for pk in expiry.pks)
            self.stdout.write(
                f"{expiry.model._meta.label}: {len(expiry.pks)} {done} – {expiry.describe()}: {ids}"
            )
            if not dry_run:
                with transaction.atomic():
                    expiry.apply()
        unconfirmed = self.unconfirmed(now, dry_run)
        if not expiries and not unconfirmed:
            self.stdout.write("Nichts abgelaufen.")

    def unconfirmed(self, now, dry_run) -> bool:
        """The intake's cleanup: unconfirmed submissions of every submission model after 48 h
        (declared or not), used and expired one-time links."""
        if dry_run:
            counts = {
                model._meta.label: model.all_submissions.unconfirmed_expired(now).count()
                for model in submission_models()
            }
        else:
            counts = delete_unconfirmed(now)
        done = "fällig" if dry_run else "erledigt"
        for label, count in counts.items():
            if count:
                self.stdout.write(
                    f"{label}: {count} {done} – unbestätigt nach 48 Stunden bzw. Einmal-Link "
                    "benutzt oder abgelaufen"
                )
        return any(counts.values())
