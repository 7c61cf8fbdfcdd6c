"""Daily (cron): remind organisations after 7 and 14 days, card holders 90 days before expiry."""

from django.core.management.base import BaseCommand

from ben_plugins.ehrenamtskarte.confirmations import send_reminders
from ben_plugins.ehrenamtskarte.renewal import remind_holders


class Command(BaseCommand):
    help = (
        "Erinnert Organisationen nach 7 und 14 Tagen an offene Bestätigungen und "
        "Karteninhaber 90 Tage vor Ablauf an die Verlängerung. Täglich ausführen."
    )

    def handle(self, *args, **options):
        organisations = send_reminders()
        holders = remind_holders()
        self.stdout.write(
            f"Erinnerungen an Organisationen: {organisations}; an Karteninhaber: {holders}"
        )
