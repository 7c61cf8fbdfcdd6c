"""Daily: email the nominators of decided nominations once the award date has passed, and
delete the jury's votes and notes of decided nominations whose award lies behind them."""

from django.core.management.base import BaseCommand

from ...notifications import forget_votes, inform_nominators


class Command(BaseCommand):
    help = "Informiert Vorschlagende nach der Verleihung über die Entscheidung der Jury."

    def handle(self, *args, **options):
        count = inform_nominators()
        votes = forget_votes()
        self.stdout.write(f"{count} Vorschlagende informiert, {votes} Stimmen gelöscht.")
