"""Benchmark of the feeds plugin (not a test): build a calendar, time the feed endpoints.

    python bench/feeds.py [--events 2000] [--clubs 200] [--requests 20]

Runs against a fresh temporary SQLite database (or DATABASE_URL if set), in-process
through Django's test client, and prints requests per second, latency percentiles,
SQL queries of the first (uncached) request and response size for each endpoint.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BERLIN = ZoneInfo("Europe/Berlin")
ENDPOINTS = [
    "/api/v1/feeds/events.ics",
    "/api/v1/feeds/clubs.geojson",
    "/api/v1/feeds/benefit-partners.geojson",
    "/api/v1/feeds/news.rss",
]


def setup_django(database_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{database_dir}/bench.sqlite3")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(events: int, clubs: int) -> None:
    from wagtail.models import Page, Site

    from cms.pages.models import EventExceptionDate
    from tests.factories.pages import (
        BenefitPartnerIndexPageFactory,
        BenefitPartnerPageFactory,
        ClubIndexPageFactory,
        ClubPageFactory,
        EventIndexPageFactory,
        EventPageFactory,
        HomePageFactory,
    )
    from tests.factories.snippets import NewsItemFactory

    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    club_index = ClubIndexPageFactory(parent=home)
    event_index = EventIndexPageFactory(parent=home)
    partner_index = BenefitPartnerIndexPageFactory(parent=home)
    club_pages = [
        ClubPageFactory(
            parent=club_index,
            latitude=Decimal("49.9") + Decimal(n) / 1000,
            longitude=Decimal("6.5") + Decimal(n) / 1000,
        )
        for n in range(clubs)
    ]
    for n in range(clubs // 2):
        BenefitPartnerPageFactory(
            parent=partner_index, latitude=Decimal("49.9"), longitude=Decimal("6.5")
        )
        NewsItemFactory(club=club_pages[n], published=True)
    start = dt.datetime(2026, 1, 6, 18, tzinfo=BERLIN)
    for n in range(events):
        recurring = n % 5 == 0
        event = EventPageFactory(
            parent=event_index,
            organiser=club_pages[n % clubs],
            start=start + dt.timedelta(days=n % 365),
            end=start + dt.timedelta(days=n % 365, hours=2),
            recurrence_rule="FREQ=MONTHLY;BYDAY=1TU" if recurring else "",
        )
        if recurring:
            EventExceptionDate.objects.create(event=event, date=dt.date(2026, 8, 4))


def measure(path: str, requests: int) -> dict:
    from django.db import connection
    from django.test import Client

    client = Client()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    began = time.perf_counter()
    with connection.execute_wrapper(count):
        size = len(client.get(path).content)
    cold = time.perf_counter() - began
    timings = []
    for _ in range(requests):
        began = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (path, response.status_code)
    etag = client.get(path)["ETag"]
    began = time.perf_counter()
    for _ in range(requests):
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    conditional = (time.perf_counter() - began) / requests
    timings.sort()
    return {
        "rps": requests / sum(timings),
        "p50": statistics.median(timings) * 1000,
        "p95": timings[int(0.95 * (len(timings) - 1))] * 1000,
        "ms_304": conditional * 1000,
        "cold": cold * 1000,
        "queries": len(queries),
        "kb": size / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--clubs", type=int, default=200)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--profile", help="profile this endpoint instead of timing all")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as database_dir:
        setup_django(database_dir)
        began = time.perf_counter()
        generate(args.events, args.clubs)
        print(
            f"generated {args.events} events, {args.clubs} clubs in "
            f"{time.perf_counter() - began:.0f} s"
        )
        print(
            f"{'endpoint':42} {'cold ms':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
            f"{'304 ms':>7} {'SQL':>4} {'KiB':>7}"
        )
        if args.profile:
            import cProfile

            from django.test import Client

            client = Client()
            client.get(args.profile)
            cProfile.runctx(
                "client.get(path)", {"client": client, "path": args.profile}, {}, sort="cumulative"
            )
            return
        for path in ENDPOINTS:
            r = measure(path, args.requests)
            print(
                f"{path:42} {r['cold']:8.0f} {r['rps']:7.1f} {r['p50']:8.1f} {r['p95']:8.1f} "
                f"{r['ms_304']:7.1f} {r['queries']:4d} {r['kb']:7.0f}"
            )


if __name__ == "__main__":
    main()
