"""Date windows of /api/v1/events/: bounded in width and range, answered from the occurrences
stored when an event is saved (no rule expanded per request), and an upcoming event is listed
only with occurrences from now on."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.pages import recurrence
from cms.pages.models import LISTED_OCCURRENCES, EventExceptionDate, EventOccurrence, EventPage
from tests.cms.api.conftest import assert_problem
from tests.factories.pages import ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def listed(response) -> dict:
    assert response.status_code == 200, response.content
    return {item["title"]: item for item in response.json()["results"]}


def starts(item) -> list[dt.datetime]:
    return [dt.datetime.fromisoformat(each["start"]) for each in item["occurrences"]]


@pytest.fixture
def club(site_tree):
    return ClubPageFactory(parent=site_tree.clubs, title="Festverein")


def event(club, title, start, rule="", end=None):
    return EventPageFactory(
        parent=club,
        title=title,
        start=start,
        end=end or start + dt.timedelta(hours=3),
        recurrence_rule=rule,
    )


def this_morning() -> dt.datetime:
    """10:00 today in Berlin: a daily series from then (three hours each) has one occurrence
    on each day of a year, none that reaches over midnight into it, whatever the time now."""
    return dt.datetime.combine(timezone.localdate(), dt.time(10), recurrence.local_zone())


def days_of_next_year() -> int:
    year = timezone.localdate().year + 1
    return (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days


@pytest.fixture
def series(club):
    """A biennial festival begun 200 days ago (next in about 530 days), a monthly meeting
    begun a year ago, a series that ended, and a one-off event in two years."""
    now = timezone.now().replace(microsecond=0)
    return {
        "festival": event(club, "Biennale", now - dt.timedelta(days=200), "FREQ=YEARLY;INTERVAL=2"),
        "meeting": event(club, "Stammtisch", now - dt.timedelta(days=365), "FREQ=MONTHLY"),
        "ended": event(
            club,
            "Alte Reihe",
            now - dt.timedelta(days=400),
            "FREQ=WEEKLY;UNTIL=" + (now - dt.timedelta(days=30)).strftime("%Y%m%dT%H%M%SZ"),
        ),
        "later": event(club, "Jubiläum", now + dt.timedelta(days=730)),
        "now": now,
    }


def test_upcoming_lists_an_event_only_with_occurrences_from_now_on(client, series):
    events = listed(client.get("/api/v1/events/?upcoming=true"))
    assert "Alte Reihe" not in events
    for title in ("Biennale", "Stammtisch", "Jubiläum"):
        assert events[title]["occurrences"], title
        assert all(start >= series["now"] for start in starts(events[title])), title


def test_upcoming_names_the_next_occurrence_of_a_series_beyond_the_listed_year(client, series):
    festival = listed(client.get("/api/v1/events/?upcoming=true"))["Biennale"]
    assert dt.datetime.fromisoformat(festival["start"]) < series["now"]  # the series' start
    (next_time,) = starts(festival)  # two years after its start, 530 days from now
    assert series["now"] + dt.timedelta(days=366) < next_time
    assert next_time < series["now"] + dt.timedelta(days=540)


def test_upcoming_counts_the_occurrences_of_the_coming_366_days_and_lists_the_soonest(
    client, series
):
    meeting = listed(client.get("/api/v1/events/?upcoming=true"))["Stammtisch"]
    assert 12 <= meeting["occurrence_count"] <= 13
    assert len(meeting["occurrences"]) == LISTED_OCCURRENCES
    assert starts(meeting) == sorted(starts(meeting))
    detail = client.get(meeting["occurrences_url"])
    assert detail.status_code == 200, detail.content
    every = detail.json()
    assert len(every["occurrences"]) == every["occurrence_count"] == meeting["occurrence_count"]
    assert starts(every)[:LISTED_OCCURRENCES] == starts(meeting)
    assert max(starts(every)) <= series["now"] + dt.timedelta(days=366)


def test_a_window_from_a_date_on_behaves_like_upcoming_from_that_date(client, series):
    start = (series["now"] + dt.timedelta(days=1)).date().isoformat()
    events = listed(client.get(f"/api/v1/events/?from={start}"))
    assert set(events) == {"Biennale", "Stammtisch", "Jubiläum"}
    assert all(item["occurrences"] for item in events.values())


def test_a_closed_window_lists_only_events_with_occurrences_in_it(client, series):
    start = series["now"].date().isoformat()
    end = (series["now"] + dt.timedelta(days=40)).date().isoformat()
    events = listed(client.get(f"/api/v1/events/?from={start}&to={end}"))
    assert set(events) == {"Stammtisch"}
    assert 1 <= len(events["Stammtisch"]["occurrences"]) <= 2


WINDOWS = [
    "upcoming=true",
    "upcoming=true&limit=1",
    "from={today}",
    "from={today}&to={in_300_days}",
    "from={ten_years_on}-01-01&to={ten_years_on}-12-31",
]


def window_urls(now) -> list[str]:
    values = {
        "today": now.date().isoformat(),
        "in_300_days": (now + dt.timedelta(days=300)).date().isoformat(),
        "ten_years_on": now.year + 10,
    }
    return [f"/api/v1/events/?{window.format(**values)}" for window in WINDOWS]


def test_no_rule_is_expanded_per_request_the_window_reads_stored_occurrences(
    client, series, expansions
):
    for url in window_urls(series["now"]):
        assert listed(client.get(url)), url
    assert expansions == []


def test_an_event_without_stored_occurrences_is_expanded_once_when_listed(
    client, series, expansions
):
    """Written without its save (or stored before the allowed range moved on): still
    listed with its occurrences, by one expansion."""
    EventPage.objects.filter(pk=series["meeting"].pk).update(occurrences_until=None)
    start = series["now"].date().isoformat()
    end = (series["now"] + dt.timedelta(days=40)).date().isoformat()
    events = listed(client.get(f"/api/v1/events/?from={start}&to={end}"))
    assert 1 <= len(events["Stammtisch"]["occurrences"]) <= 2
    assert len(expansions) == 1


def test_a_window_costs_the_same_queries_however_many_series_and_occurrences(
    client, club, django_assert_max_num_queries
):
    """Daily series add hundreds of occurrences to a one-year window, not queries."""
    now = this_morning()
    url = f"/api/v1/events/?from={now.year + 1}-01-01&to={now.year + 1}-12-31&limit=100"
    event(club, "Täglich 0", now, "FREQ=DAILY")
    with CaptureQueriesContext(connection) as one:
        assert listed(client.get(url))["Täglich 0"]["occurrence_count"] == days_of_next_year()
    for number in range(1, 6):
        event(club, f"Täglich {number}", now, "FREQ=DAILY")
    with django_assert_max_num_queries(len(one)):
        assert len(listed(client.get(url))) == 6


def test_a_changed_series_lists_its_new_occurrences(client, series):
    meeting = series["meeting"]
    start = series["now"].date().isoformat()
    end = (series["now"] + dt.timedelta(days=60)).date().isoformat()
    url = f"/api/v1/events/?from={start}&to={end}"
    assert 2 <= len(listed(client.get(url))["Stammtisch"]["occurrences"]) <= 3
    meeting.recurrence_rule = "FREQ=WEEKLY"
    meeting.save_revision().publish()
    assert 8 <= len(listed(client.get(url))["Stammtisch"]["occurrences"]) <= 10
    meeting.recurrence_rule = "FREQ=WEEKLY;UNTIL=" + (
        series["now"] - dt.timedelta(days=2)  # its last occurrence ends before today
    ).strftime("%Y%m%dT%H%M%SZ")
    meeting.save_revision().publish()
    assert "Stammtisch" not in listed(client.get(url))


def test_an_exception_date_removes_its_stored_occurrence(client, series):
    meeting = series["meeting"]
    start = series["now"].date().isoformat()
    end = (series["now"] + dt.timedelta(days=60)).date().isoformat()
    url = f"/api/v1/events/?from={start}&to={end}"
    before = starts(listed(client.get(url))["Stammtisch"])
    cancelled = before[0].astimezone(recurrence.local_zone()).date()
    meeting.exception_dates.add(EventExceptionDate(date=cancelled))
    meeting.save_revision().publish()
    assert starts(listed(client.get(url))["Stammtisch"]) == before[1:]
    assert not EventOccurrence.objects.filter(event=meeting, start=before[0]).exists()
    EventExceptionDate.objects.get(event=meeting).delete()  # on its own, not by the page
    assert EventOccurrence.objects.filter(event=meeting, start=before[0]).exists()


def test_an_unpublished_or_deleted_series_leaves_every_window(client, series):
    url = window_urls(series["now"])[0]
    assert "Stammtisch" in listed(client.get(url))
    series["meeting"].unpublish()
    assert "Stammtisch" not in listed(client.get(url))
    assert EventOccurrence.objects.filter(event=series["meeting"]).exists()  # for republishing
    series["meeting"].save_revision().publish()
    assert "Stammtisch" in listed(client.get(url))
    series["meeting"].delete()
    assert not EventOccurrence.objects.filter(event_id=series["meeting"].pk).exists()
    assert "Stammtisch" not in listed(client.get(url))


@pytest.mark.parametrize("path", ["events", "trainings"])
def test_windows_lie_within_ten_years_of_the_current_year(client, series, path):
    year = timezone.localdate().year
    assert_problem(client.get(f"/api/v1/{path}/?from={year - 11}-12-31"), 400, "from")
    assert_problem(client.get(f"/api/v1/{path}/?from={year + 11}-01-01"), 400, "from")
    assert_problem(client.get(f"/api/v1/{path}/?from=2999-01-01&to=2999-12-31"), 400, "from")
    assert_problem(
        client.get(f"/api/v1/{path}/?from={year + 10}-12-01&to={year + 11}-01-01"), 400, "to"
    )
    assert (
        client.get(f"/api/v1/{path}/?from={year - 10}-01-01&to={year - 10}-12-31").status_code
        == 200
    )
    assert (
        client.get(f"/api/v1/{path}/?from={year + 10}-01-01&to={year + 10}-12-31").status_code
        == 200
    )


@pytest.mark.parametrize("path", ["events", "trainings"])
def test_windows_are_at_most_366_days_wide(client, series, path):
    assert_problem(client.get(f"/api/v1/{path}/?from=2028-01-01&to=2029-01-02"), 400, "to")
    assert client.get(f"/api/v1/{path}/?from=2028-01-01&to=2028-12-31").status_code == 200
    assert_problem(client.get(f"/api/v1/{path}/?upcoming=true&to=2099-01-01"), 400, "to")


def test_a_list_carries_the_soonest_occurrences_of_each_series_and_links_to_all(client, club):
    """A page of daily series lists LISTED_OCCURRENCES of each, not the 365 of a year."""
    now = this_morning()
    for number in range(3):
        event(club, f"Täglich {number}", now, "FREQ=DAILY")
    event(club, "Einmal", dt.datetime(now.year + 1, 6, 1, 10, tzinfo=recurrence.local_zone()))
    window = f"from={now.year + 1}-01-01&to={now.year + 1}-12-31"
    events = listed(client.get(f"/api/v1/events/?{window}&limit=100"))
    for number in range(3):
        item = events[f"Täglich {number}"]
        assert item["occurrence_count"] == days_of_next_year()
        assert len(item["occurrences"]) == LISTED_OCCURRENCES
        assert starts(item)[0].date() == dt.date(now.year + 1, 1, 1)
        assert item["occurrences_url"].endswith(f"/api/v1/events/{item['id']}/?{window}")
    assert events["Einmal"]["occurrence_count"] == len(events["Einmal"]["occurrences"]) == 1
    detail = client.get(events["Täglich 0"]["occurrences_url"])
    assert detail.status_code == 200, detail.content
    every = detail.json()
    assert len(every["occurrences"]) == every["occurrence_count"] == days_of_next_year()


def test_an_event_detail_lists_every_occurrence_of_the_window_it_is_asked_for(client, series):
    meeting = series["meeting"]
    plain = client.get(f"/api/v1/events/{meeting.pk}/").json()
    assert plain["occurrences"] is plain["occurrence_count"] is plain["occurrences_url"] is None
    upcoming = client.get(f"/api/v1/events/{meeting.slug}/?upcoming=true").json()
    assert 12 <= len(upcoming["occurrences"]) == upcoming["occurrence_count"] <= 13
    assert all(start >= series["now"] for start in starts(upcoming))
    year = series["now"].year + 3
    closed = client.get(f"/api/v1/events/{meeting.pk}/?from={year}-03-01&to={year}-03-31").json()
    assert closed["occurrence_count"] == 1
    assert starts(closed)[0].month == 3
    festival = client.get(f"/api/v1/events/{series['festival'].pk}/?upcoming=true").json()
    assert festival["occurrence_count"] == 1  # none in 366 days: the next one


def test_an_event_detail_takes_only_allowed_windows(client, series):
    url = f"/api/v1/events/{series['meeting'].pk}/"
    year = timezone.localdate().year
    assert_problem(client.get(f"{url}?from=2999-01-01&to=2999-12-31"), 400, "from")
    assert_problem(client.get(f"{url}?from={year}-01-01&to={year + 1}-06-01"), 400, "to")
    assert_problem(client.get(f"{url}?to={year}-06-01"), 400, "to")
    assert_problem(client.get(f"{url}?upcoming=maybe"), 400, "upcoming")
    assert_problem(client.get(f"{url}?upcoming=true&from={year}-01-01"), 400, "upcoming")
    assert_problem(client.get(f"{url}?category=x"), 400)  # list filters stay list filters


def test_an_event_detail_with_a_window_costs_the_same_queries_for_any_series(
    client, club, django_assert_max_num_queries
):
    now = this_morning()
    weekly = event(club, "Wöchentlich", now, "FREQ=WEEKLY")
    daily = event(club, "Täglich", now, "FREQ=DAILY")
    window = f"from={now.year + 1}-01-01&to={now.year + 1}-12-31"
    with CaptureQueriesContext(connection) as one:
        assert client.get(f"/api/v1/events/{weekly.pk}/?{window}").status_code == 200
    with django_assert_max_num_queries(len(one)):
        body = client.get(f"/api/v1/events/{daily.pk}/?{window}").json()
    assert len(body["occurrences"]) == days_of_next_year()
