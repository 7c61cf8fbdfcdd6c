from django.core.management.base import BaseCommand, CommandError

from cms.demo.loader import LoadError, load_ben_content


class Command(BaseCommand):
    help = (
        "Lädt die Inhalte des Bitburger Engagement Netzes: Startseite, Engagementstrategie "
        "(Kapitel 1–6 mit 4.1–4.4), Vereine und Einrichtungen, Vorteilspartner der "
        "Ehrenamtskarte, Veranstaltungen, Neuigkeiten, Engagementangebote und Fortbildungen – "
        "alles veröffentlicht. Wiederholbar: Vorhandenes (per Kürzel erkannt) bleibt unverändert. "
        "ACHTUNG: Adressen, Koordinaten, Kontaktdaten sowie Termine und Wochentage der "
        "Veranstaltungen sind erfundene Demo-Daten. / Loads the BEN seed content, published; "
        "idempotent (keyed by slug). Addresses, coordinates, contact details and event dates "
        "are invented demo data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help=(
                "Inhalte, die von den Seed-Daten abweichen (im Admin geändert, zurückgezogen "
                "oder mit offenem Entwurf), auf den Seed-Stand zurücksetzen und als neue "
                "Revision veröffentlichen. Ohne diese Option bleiben sie, wie sie sind. / "
                "Reset content that differs from the seed data and publish it as a new revision."
            ),
        )

    def handle(self, *args, overwrite, verbosity, **options):
        try:
            report = load_ben_content(overwrite=overwrite)
        except LoadError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 2:
            for line in report.details:
                self.stdout.write(f"  {line}")
        for line in report.summary_lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                "BEN-Inhalte geladen / BEN content loaded "
                "(Adressen und Termine sind Demo-Daten / addresses and dates are demo data)."
            )
        )
