"""Server CPU per uncached event-window request, with adversarial recurrence rules (run on
demand, never in the test suite; issue #10, point 1: target under 100 ms per request).

Usage (a database made by bench/generate.py, never the development one):
    DATABASE_URL=sqlite:////tmp/ben_bench.sqlite3 python bench/event_windows.py
    [--copies 10 --repeat 5]

Adds, once, ``--copies`` events for each adversarial rule to the data set:

* every sparse pattern an editor may still save (cms.pages.recurrence.parse_rule accepts it
  for its start): the longest intervals, February 29, the last or fourth weekday, BYSETPOS;
* rules saved before validation existed, written straight into the database: rules that never
  occur (February 30, April 31, a month BYMONTH never reaches with the INTERVAL) and a rule
  with hundreds of occurrences a day;
* FREQ=DAILY from 2026 without an end, asked about in far years.

Then requests each window ``--repeat`` times in-process (Django's test client, response cache
off, so every request builds its answer) and prints the process CPU time per request: the
median and the worst of each window, and over all windows. The test client's own work is
included, so the numbers are an upper bound of the view's cost. Windows of the list and of
the detail of a daily series (which lists every occurrence in its window, a list only the
soonest). What was loaded before the first window is frozen for the garbage collector, as
cms.wsgi freezes it in an app server. Then the public site's pages that list upcoming events
(home, the calendar's first two pages) and the page of a daily series.
"""

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ.setdefault("LOG_LEVEL", "ERROR")
os.environ["DEBUG"] = "False"  # no SQL log in memory
os.environ["API_RESPONSE_CACHE_SECONDS"] = "0"  # every request builds its response
os.environ["API_RATE_LIMIT_ANONYMOUS"] = "1000000/minute"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from cms.pages import recurrence  # noqa: E402
from cms.pages.models import ClubPage, EventPage  # noqa: E402
from cms.pages.models.events import store_occurrences  # noqa: E402

BERLIN = ZoneInfo("Europe/Berlin")
SLUG_PREFIX = "adversarial"
#: Allowed today, and as sparse as validation lets them be: (rule, first start).
SPARSE_RULES = [
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", dt.datetime(2028, 2, 29, 18, tzinfo=BERLIN)),
    ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", dt.datetime(2028, 2, 29, tzinfo=BERLIN)),
    ("FREQ=YEARLY;INTERVAL=4;BYMONTH=12;BYDAY=-1SU", dt.datetime(2026, 12, 27, tzinfo=BERLIN)),
    ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYDAY=4MO", dt.datetime(2026, 2, 23, tzinfo=BERLIN)),
    ("FREQ=MONTHLY;INTERVAL=24;BYDAY=-4SU", dt.datetime(2026, 1, 4, tzinfo=BERLIN)),
    ("FREQ=MONTHLY;INTERVAL=24;BYMONTHDAY=-28", dt.datetime(2026, 1, 4, tzinfo=BERLIN)),
    (
        "FREQ=MONTHLY;INTERVAL=24;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-4",
        dt.datetime(2026, 1, 26, tzinfo=BERLIN),
    ),
    ("FREQ=WEEKLY;INTERVAL=104;BYDAY=SU", dt.datetime(2026, 1, 4, tzinfo=BERLIN)),
    ("FREQ=DAILY;INTERVAL=366", dt.datetime(2026, 1, 1, tzinfo=BERLIN)),
    ("FREQ=DAILY;COUNT=1000", dt.datetime(2026, 1, 1, tzinfo=BERLIN)),
    ("FREQ=DAILY", dt.datetime(2026, 1, 1, 9, tzinfo=BERLIN)),
    ("FREQ=YEARLY;INTERVAL=4", dt.datetime(2026, 6, 1, tzinfo=BERLIN)),
]
#: Saved before validation existed (written with an UPDATE, as old data would be).
LEGACY_RULES = [
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", dt.datetime(2026, 1, 1, tzinfo=BERLIN)),
    ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", dt.datetime(2026, 1, 1, tzinfo=BERLIN)),
    ("FREQ=MONTHLY;INTERVAL=24;BYMONTH=2", dt.datetime(2026, 1, 6, tzinfo=BERLIN)),
    ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", dt.datetime(2026, 1, 6, tzinfo=BERLIN)),
    ("FREQ=WEEKLY;INTERVAL=104;BYMONTH=2", dt.datetime(2026, 1, 6, tzinfo=BERLIN)),
    ("FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))), dt.datetime(2026, 1, 1, tzinfo=BERLIN)),
]


def windows(today: dt.date, daily: int) -> list[str]:
    """The windows clients ask for, and the ones an attacker would: of the list, and of the
    detail of a daily series (``daily``), which lists every occurrence in its window."""
    year = today.year
    return [
        "?limit=20",  # no window: the plain listing, for comparison
        "?upcoming=true",
        "?upcoming=true&limit=100",
        f"?from={today.isoformat()}",
        f"?from={year + 1}-03-01&to={year + 1}-03-02",
        f"?from={year}-01-01&to={year}-12-31",
        f"?from={year + 1}-01-01&to={year + 1}-12-31&limit=100",
        f"?from={year + 10}-01-01&to={year + 10}-12-31",
        f"?from={year - 10}-01-01&to={year - 10}-12-31",
        "?from=2999-01-01&to=2999-12-31",  # beyond the documented range: a 400
        f"{daily}/?upcoming=true",
        f"{daily}/?from={year + 10}-01-01&to={year + 10}-12-31",
    ]


def add_adversarial_events(copies: int) -> None:
    if EventPage.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        return
    club = ClubPage.objects.live().order_by("pk").first()
    for number, (rule, start) in enumerate(SPARSE_RULES):
        try:
            recurrence.parse_rule(rule, start)
        except ValidationError as error:
            print(f"  refused today, left out: {rule} ({error.messages[0][:60]}…)")
            continue
        add_events(club, f"{SLUG_PREFIX}-sparse-{number}", rule, start, copies)
    for number, (rule, start) in enumerate(LEGACY_RULES):
        slug = f"{SLUG_PREFIX}-legacy-{number}"
        add_events(club, slug, "", start, copies)
        legacy = EventPage.objects.filter(slug__startswith=slug)
        legacy.update(recurrence_rule=rule)
        # As the migration that introduced stored occurrences stored those of old data.
        store_occurrences(legacy.prefetch_related("exception_dates"))


def add_events(club, slug: str, rule: str, start: dt.datetime, copies: int) -> None:
    for copy in range(copies):
        event = club.add_child(
            instance=EventPage(
                title=f"{rule} ({copy})",
                slug=f"{slug}-{copy}",
                start=start,
                end=start + dt.timedelta(hours=2),
                recurrence_rule=rule,
                organiser=club,
            )
        )
        event.save_revision().publish()


def cpu_ms(client: Client, url: str) -> tuple[int, float]:
    started = time.process_time()
    response = client.get(url)
    return response.status_code, (time.process_time() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    add_adversarial_events(args.copies)
    events = EventPage.objects.live()
    print(
        f"{events.count()} live events, {events.exclude(recurrence_rule='').count()} recurring, "
        f"{events.filter(slug__startswith=SLUG_PREFIX).count()} adversarial\n"
    )
    client = Client()
    for warm_up in ("/api/v1/events/?limit=1", "/"):  # imports and per-process caches
        client.get(warm_up)
    gc.freeze()  # as cms.wsgi does once the application is loaded
    daily = events.filter(slug__startswith=SLUG_PREFIX, recurrence_rule="FREQ=DAILY").first()
    every = []
    print(f"{'window':58} {'status':>6} {'median ms':>10} {'worst ms':>9}")
    for window in windows(timezone.localdate(), daily.pk):
        every += measure(client, f"/api/v1/events/{window}", window, args.repeat)
    print(
        f"\nAll windows: median {statistics.median(every):.1f} ms, worst {max(every):.1f} ms "
        f"CPU per request ({len(every)} requests; target < 100 ms)\n"
    )
    print("Public site (the same rule: upcoming events by their stored next date)")
    for url in ("/", "/veranstaltungen/", "/veranstaltungen/?seite=2", daily.url):
        measure(client, url, url, args.repeat)


def measure(client: Client, url: str, label: str, repeat: int) -> list[float]:
    """Prints and returns the CPU milliseconds of ``repeat`` requests of ``url``."""
    results = [cpu_ms(client, url) for _ in range(repeat)]
    times = [ms for _, ms in results]
    print(f"{label:58} {results[0][0]:6d} {statistics.median(times):10.1f} {max(times):9.1f}")
    return times


if __name__ == "__main__":
    main()
