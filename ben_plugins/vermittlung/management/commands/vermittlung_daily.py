"""Daily (cron): escalate unanswered interest messages and remind clubs of review dates."""

from django.core.management.base import BaseCommand

from ben_plugins.vermittlung import daily
from cms.core import sites


class Command(BaseCommand):
    help = (
        "Vermittlung, täglich: meldet seit 7 Tagen unbearbeitete Interessensbekundungen an "
        "die Ehrenamtsagentur, schreibt Interessierten nach 14 Tagen ohne Kontakt und "
        "erinnert Vereine 14 Tage vor und am Prüfdatum ihrer Engagementangebote."
    )

    def handle(self, *args, **options):
        base_url = sites.base_url(None)
        flagged = daily.flag_unanswered(base_url)
        told = daily.tell_citizens(base_url)
        reminded = daily.remind_reviews(base_url)
        expired = daily.expired_offers().count()
        self.stdout.write(
            f"An die Ehrenamtsagentur gemeldet: {len(flagged)}; Interessierte informiert: "
            f"{len(told)}; Erinnerungen an das Prüfdatum: {len(reminded)}; abgelaufene "
            f"Angebote: {expired}."
        )
