"""Art. 15 export or Art. 17 erasure of everything any plugin holds about one email address."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from ben_plugins.core.personal_data.subject_requests import (
    erase as erase_everything,
)
from ben_plugins.core.personal_data.subject_requests import export, holdings


class Command(BaseCommand):
    help = (
        "Exportiert (Art. 15 DSGVO, JSON) oder löscht mit --erase (Art. 17 DSGVO) alles, was "
        "die Plugins zu einer E-Mail-Adresse speichern."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--output", help="JSON in diese Datei statt auf die Standardausgabe")
        parser.add_argument("--erase", action="store_true", help="löschen statt exportieren")

    def handle(self, *args, email, output, erase, **options):
        try:
            validate_email(email)
        except Exception as error:
            raise CommandError(f"Keine gültige E-Mail-Adresse: {email}") from error
        if erase:
            self.erase(email)
            return
        document = export(email, username="manage.py ben_personal_data")
        if output:
            Path(output).write_text(document + "\n", encoding="utf-8")
            self.stderr.write(f"Auskunft geschrieben: {output}")
        else:
            self.stdout.write(document)

    def erase(self, email):
        if not holdings(email):
            self.stdout.write(f"Zu {email} ist nichts gespeichert.")
            return
        with transaction.atomic():
            for line in erase_everything(email):
                self.stdout.write(line)
