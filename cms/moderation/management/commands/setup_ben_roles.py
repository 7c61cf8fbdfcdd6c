from django.core.management.base import BaseCommand

from cms.moderation.roles import setup_all


class Command(BaseCommand):
    help = (
        "Legt die Rollen (Administratoren, Moderatoren, Vereinsredaktion), die Redaktionsgruppen "
        "der Vereine und den Workflow „BEN-Freigabe“ an bzw. vervollständigt sie. Idempotent; "
        "läuft auch automatisch nach jedem migrate."
    )

    def handle(self, *args, **options):
        setup_all()
        self.stdout.write(
            self.style.SUCCESS("Rollen, Vereinsgruppen und BEN-Freigabe sind eingerichtet.")
        )
