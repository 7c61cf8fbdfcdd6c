"""Demo logins for the local demo only: an administrator, a moderator and club editors."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.moderation.models import ClubMembership
from cms.moderation.roles import ADMINISTRATORS, MODERATORS, setup_all
from cms.pages.models import ClubPage

DEMO_PASSWORD = "ben-demo-2026"
CARITAS, YOUTH = "caritasverband-westeifel", "haus-der-jugend"

# username, (first name, last name), role group, superuser, {club slug: membership role}
DEMO_ACCOUNTS = (
    ("admin", ("Ada", "Admin"), ADMINISTRATORS, True, {}),
    ("moderation", ("Monika", "Moderation"), MODERATORS, False, {}),
    ("redaktion-caritas", ("Carla", "Caritas"), None, False, {CARITAS: "redakteur"}),
    ("redaktion-jugend", ("Jonas", "Jugend"), None, False, {YOUTH: "redakteur"}),
    (
        "vereinsleitung",
        ("Vera", "Vorstand"),
        None,
        False,
        {CARITAS: "vereinsleitung", YOUTH: "vereinsleitung"},
    ),
)


class Command(BaseCommand):
    help = (
        "Legt die Demo-Zugänge an (admin, moderation, redaktion-caritas, redaktion-jugend, "
        f"vereinsleitung; Passwort „{DEMO_PASSWORD}“). Nur für die lokale Demo: verweigert "
        "den Dienst ohne DEBUG, außer mit --force. Braucht die Vereine aus load_ben_content. "
        "Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Auch ohne DEBUG ausführen (nie in Produktion!).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Demo-Zugänge mit bekanntem Passwort werden nur bei DEBUG=True angelegt. "
                "Nur für eine Demo-Umgebung: --force."
            )
        slugs = {slug for *_, clubs in DEMO_ACCOUNTS for slug in clubs}
        clubs = {club.slug: club for club in ClubPage.objects.filter(slug__in=slugs)}
        if missing := sorted(slugs - clubs.keys()):
            raise CommandError(
                f"Vereine fehlen: {', '.join(missing)}. Bitte zuerst "
                "„manage.py load_ben_content“ ausführen."
            )
        with transaction.atomic():
            setup_all()
            for username, names, group_name, superuser, memberships in DEMO_ACCOUNTS:
                self._ensure_account(username, names, group_name, superuser, memberships, clubs)

        self.stdout.write(self.style.SUCCESS("Demo-Zugänge (nur für die Demo!):"))
        for username, *_ in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<20} Passwort: {DEMO_PASSWORD}")

    def _ensure_account(self, username, names, group_name, superuser, memberships, clubs):
        user, _ = get_user_model().objects.update_or_create(
            username=username,
            defaults={
                "first_name": names[0],
                "last_name": names[1],
                "email": f"{username}@example.org",
                "is_superuser": superuser,
                "is_staff": superuser,
                "is_active": True,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        for slug, role in memberships.items():
            ClubMembership.objects.update_or_create(
                user=user, club=clubs[slug], defaults={"role": role}
            )
