"""Generate a large BEN data set for the API benchmark (run on demand, never in the test suite).

Usage (own database, never the development one):
    DATABASE_URL=sqlite:////tmp/ben_bench.sqlite3 python bench/generate.py
    [--events 10000 --clubs 500 --partners 200 --news 5000]

Creates the site tree, clubs, events (every 10th recurring with an exception date, tagged with
categories and target groups), benefit partners and live news items. Search and reference
indexing are switched off while generating; the benchmark does not use ?q=.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.db.models.signals import post_delete, post_save  # noqa: E402
from modelsearch import signal_handlers  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.signal_handlers import update_reference_index_on_save  # noqa: E402

from cms.pages.models import (  # noqa: E402
    BenefitPartnerIndexPage,
    BenefitPartnerPage,
    ClubIndexPage,
    ClubPage,
    EventExceptionDate,
    EventIndexPage,
    EventPage,
    HomePage,
)
from cms.pages.models.events import store_occurrences  # noqa: E402
from cms.snippets.models import Category, NewsItem, TargetGroup  # noqa: E402

BERLIN = ZoneInfo("Europe/Berlin")


def coordinate(rng, low: float) -> Decimal:
    return Decimal(f"{low + rng.random() / 10:.6f}")


def without_indexing():
    """Search and reference indexes are not what is measured; skipping them saves minutes."""
    for model in (ClubPage, EventPage, BenefitPartnerPage, NewsItem, Page, HomePage):
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_delete.disconnect(signal_handlers.post_delete_signal_handler, sender=model)
        post_save.disconnect(update_reference_index_on_save, sender=model)


def site_tree():
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="BEN (Benchmark)", slug="ben-bench"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return (
        home.add_child(instance=ClubIndexPage(title="Vereine", slug="vereine")),
        home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")),
        home.add_child(instance=BenefitPartnerIndexPage(title="Ehrenamtskarte", slug="karte")),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clubs", type=int, default=500)
    parser.add_argument("--partners", type=int, default=200)
    parser.add_argument("--news", type=int, default=5_000)
    args = parser.parse_args()
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    if EventPage.objects.exists():
        sys.exit("The database already holds events; use a fresh DATABASE_URL.")
    without_indexing()
    rng = random.Random(42)
    categories = [Category.objects.create(name=f"Kategorie {n}") for n in range(12)]
    groups = [TargetGroup.objects.create(name=f"Zielgruppe {n}") for n in range(6)]

    with transaction.atomic():
        clubs_index, events_index, partners_index = site_tree()
        clubs = []
        for n in range(args.clubs):
            club = clubs_index.add_child(
                instance=ClubPage(
                    title=f"Verein {n}",
                    slug=f"verein-{n}",
                    description="<p>Ein Verein aus Bitburg.</p>",
                    latitude=coordinate(rng, 49.9),
                    longitude=coordinate(rng, 6.45),
                )
            )
            club.categories.set(rng.sample(categories, 2))
            clubs.append(club)
        print(f"{len(clubs)} clubs after {time.monotonic() - started:.0f}s", flush=True)

        for n in range(args.partners):
            partners_index.add_child(
                instance=BenefitPartnerPage(
                    title=f"Partner {n}",
                    slug=f"partner-{n}",
                    category=rng.choice(BenefitPartnerPage.Category.values),
                    discount_de="10 % Rabatt",
                    latitude=coordinate(rng, 49.9),
                    longitude=coordinate(rng, 6.45),
                )
            )

        category_links, group_links, exceptions = [], [], []
        base = dt.datetime(2026, 1, 1, 18, 0, tzinfo=BERLIN)
        for n in range(args.events):
            club = clubs[n % len(clubs)]
            parent = club if n % 2 else events_index
            start = base + dt.timedelta(days=rng.randrange(0, 730), hours=rng.randrange(0, 4))
            event = parent.add_child(
                instance=EventPage(
                    title=f"Veranstaltung {n}",
                    slug=f"veranstaltung-{n}",
                    start=start,
                    end=start + dt.timedelta(hours=2),
                    recurrence_rule="FREQ=MONTHLY;BYDAY=1TU" if n % 10 == 0 else "",
                    description="<p>Alle sind willkommen.</p>",
                    location_name="Haus der Jugend",
                    organiser=club,
                    latitude=coordinate(rng, 49.9),
                    longitude=coordinate(rng, 6.45),
                    price="kostenlos",
                )
            )
            category_links += [
                EventPage.categories.through(eventpage_id=event.pk, category_id=c.pk)
                for c in rng.sample(categories, 2)
            ]
            group_links.append(
                EventPage.target_groups.through(
                    eventpage_id=event.pk, targetgroup_id=rng.choice(groups).pk
                )
            )
            if n % 10 == 0:
                exceptions.append(EventExceptionDate(event_id=event.pk, date=dt.date(2026, 8, 4)))
            if n % 1000 == 999:
                print(f"{n + 1} events after {time.monotonic() - started:.0f}s", flush=True)
        EventPage.categories.through.objects.bulk_create(category_links)
        EventPage.target_groups.through.objects.bulk_create(group_links)
        EventExceptionDate.objects.bulk_create(exceptions)
        # bulk_create bypasses the exception dates' save, which stores the occurrences anew.
        store_occurrences(
            EventPage.objects.filter(pk__in=[each.event_id for each in exceptions])
            .prefetch_related("exception_dates")
            .iterator(500)
        )

        now = dt.datetime.now(tz=BERLIN)
        NewsItem.objects.bulk_create(
            NewsItem(
                title=f"Neuigkeit {n}",
                slug=f"neuigkeit-{n}",
                club=clubs[n % len(clubs)],
                teaser="Kurz gesagt.",
                body="<p>Neuigkeiten aus dem Verein.</p>",
                live=True,
                first_published_at=now - dt.timedelta(minutes=n),
                last_published_at=now - dt.timedelta(minutes=n),
            )
            for n in range(args.news)
        )
    print(
        f"Generated {args.clubs} clubs, {args.events} events, {args.partners} partners, "
        f"{args.news} news in {time.monotonic() - started:.0f}s"
    )


if __name__ == "__main__":
    main()
