"""The iCalendar feeds, validated by two independent parsers (icalendar and ical)."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from cms.snippets.models import Category

BERLIN = ZoneInfo("Europe/Berlin")
ALL = "/api/v1/feeds/events.ics"


def vevents(content: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


@pytest.mark.django_db
def test_feed_holds_exactly_the_live_public_events(client, calendar):
    response = client.get(ALL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert set(vevents(response.content)) == {
        "Netzwerktreffen der Ehrenamtsagentur",
        "Vereinsfest „Bitburg engagiert sich“",
        "Lauftreff",
    }


@pytest.mark.django_db
def test_the_monthly_meeting_is_one_recurring_event_in_berlin_time(client, calendar):
    content = client.get(ALL).content
    parsed = icalendar.Calendar.from_ical(content)
    meetings = [e for e in parsed.walk("VEVENT") if "Netzwerktreffen" in str(e["summary"])]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting["rrule"].to_ical() == b"FREQ=MONTHLY;UNTIL=20261231T225959Z;BYDAY=1TU"
    assert meeting["dtstart"].params["TZID"] == "Europe/Berlin"
    assert meeting.decoded("dtstart") == dt.datetime(2026, 1, 6, 18, 0, tzinfo=BERLIN)
    assert [d.dt for d in meeting["exdate"].dts] == [dt.datetime(2026, 8, 4, 18, tzinfo=BERLIN)]
    assert meeting["location"] == "Haus Beda, Bedaplatz 1, 54634 Bitburg"
    assert meeting["organizer"] == "mailto:ehrenamt@bitburg.de"
    [timezone] = parsed.walk("VTIMEZONE")
    assert timezone["tzid"] == "Europe/Berlin"
    assert b"TZID:Europe/Berlin" in content


@pytest.mark.django_db
def test_a_second_parser_expands_the_same_occurrences_as_the_cms(client, calendar):
    text = client.get(ALL).content.decode()
    parsed = IcsCalendarStream.calendar_from_ics(text)
    assert len(parsed.events) == 3
    window = (dt.datetime(2026, 1, 1, tzinfo=BERLIN), dt.datetime(2027, 1, 1, tzinfo=BERLIN))
    starts = [
        event.start
        for event in parsed.timeline_tz(BERLIN).overlapping(*window)
        if event.summary.startswith("Netzwerktreffen")
    ]
    expected = [occ.start for occ in calendar.meeting.occurrences(*window)]
    assert starts == expected
    assert len(starts) == 11, "twelve first Tuesdays minus the summer break"
    assert all(start.astimezone(BERLIN).hour == 18 for start in starts), "across DST"
    assert dt.date(2026, 8, 4) not in {start.date() for start in starts}


@pytest.mark.django_db
def test_all_day_event_uses_dates_with_an_exclusive_end(client, calendar):
    festival = vevents(client.get(ALL).content)["Vereinsfest „Bitburg engagiert sich“"]
    assert festival.decoded("dtstart") == dt.date(2026, 9, 12)
    assert festival.decoded("dtend") == dt.date(2026, 9, 14)


@pytest.mark.django_db
def test_uids_stay_stable_across_edits(client, calendar):
    before = vevents(client.get(ALL).content)["Lauftreff"]["uid"]
    calendar.training.title = "Lauftreff am Stausee"
    calendar.training.save_revision().publish()
    after = vevents(client.get(ALL).content)["Lauftreff am Stausee"]["uid"]
    assert before == after == f"{calendar.training.translation_key}@ben-cms"


@pytest.mark.django_db
def test_club_and_category_feeds_are_filtered(client, calendar):
    club_feed = vevents(client.get("/api/v1/feeds/clubs/ehrenamtsagentur/events.ics").content)
    assert set(club_feed) == {
        "Netzwerktreffen der Ehrenamtsagentur",
        "Vereinsfest „Bitburg engagiert sich“",
    }
    sport_feed = vevents(
        client.get(f"/api/v1/feeds/categories/{calendar.sport.slug}/events.ics").content
    )
    assert set(sport_feed) == {"Lauftreff"}


@pytest.mark.django_db
def test_unknown_or_unpublished_club_and_unknown_category_are_404(client, calendar):
    assert client.get("/api/v1/feeds/clubs/gibt-es-nicht/events.ics").status_code == 404
    assert client.get("/api/v1/feeds/categories/gibt-es-nicht/events.ics").status_code == 404
    calendar.club.unpublish()
    assert client.get("/api/v1/feeds/clubs/tus/events.ics").status_code == 404


@pytest.mark.django_db
def test_unknown_parameters_are_rejected(client, calendar):
    response = client.get(ALL, {"from": "2026-01-01"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == {"from": ["Unknown query parameter for this endpoint."]}
    german = client.get(ALL, {"from": "2026-01-01"}, HTTP_ACCEPT_LANGUAGE="de")
    assert german.json()["errors"] == {"from": ["Unbekannter Query-Parameter für diesen Endpunkt."]}


@pytest.mark.django_db
def test_etag_gives_304_until_content_changes(client, calendar):
    first = client.get(ALL)
    assert client.get(ALL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    calendar.training.title = "Lauftreff neu"
    calendar.training.save_revision().publish()
    assert client.get(ALL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.django_db
def test_the_cached_calendar_follows_unpublish_and_delete(client, calendar):
    assert "Lauftreff" in vevents(client.get(ALL).content)
    calendar.training.unpublish()
    assert "Lauftreff" not in vevents(client.get(ALL).content)
    calendar.festival.delete()
    assert set(vevents(client.get(ALL).content)) == {"Netzwerktreffen der Ehrenamtsagentur"}


def categories_of(content: bytes, summary: str) -> bytes:
    return vevents(content)[summary]["categories"].to_ical()


@pytest.mark.django_db
def test_a_renamed_category_shows_at_once_without_republishing_the_events(client, calendar):
    sport_feed = f"/api/v1/feeds/categories/{calendar.sport.slug}/events.ics"
    assert categories_of(client.get(ALL).content, "Lauftreff") == b"Sport"
    assert categories_of(client.get(sport_feed).content, "Lauftreff") == b"Sport"
    calendar.sport.name = "Laufsport"
    calendar.sport.save()
    assert categories_of(client.get(ALL).content, "Lauftreff") == b"Laufsport"
    assert categories_of(client.get(sport_feed).content, "Lauftreff") == b"Laufsport"


@pytest.mark.django_db
def test_a_calendar_cached_while_a_rename_commits_is_rebuilt_after_it(
    client, calendar, django_capture_on_commit_callbacks
):
    """A reader racing the commit sees the category generation bumped inside the transaction
    but the name from before it; the bump after the commit retires the calendar it cached."""
    with django_capture_on_commit_callbacks(execute=True):
        calendar.sport.name = "Laufsport"
        calendar.sport.save()
        # The row as a reader outside the transaction still sees it:
        Category.objects.filter(pk=calendar.sport.pk).update(name="Sport")
        assert categories_of(client.get(ALL).content, "Lauftreff") == b"Sport"
        Category.objects.filter(pk=calendar.sport.pk).update(name="Laufsport")
    # The commit callbacks have run.
    assert categories_of(client.get(ALL).content, "Lauftreff") == b"Laufsport"
