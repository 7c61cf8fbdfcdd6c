"""Property: any rule an editor can save expands any allowed window in bounded work, and
moving the expansion's start near the window never changes the occurrences."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cms.pages.recurrence import HORIZON_YEARS, _build_rule, expand, local_zone, parse_rule

from .test_recurrence import berlin, counted_periods

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
#: The longest gap an allowed rule leaves between two candidates (February 29: four years).
LONGEST_GAP = timedelta(days=4 * 366)


@st.composite
def rules(draw):
    frequency = draw(st.sampled_from(FREQUENCIES))
    parts = [f"FREQ={frequency}", f"INTERVAL={draw(st.integers(1, 5))}"]
    if draw(st.booleans()):
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    choice = draw(st.sampled_from(["none", "weekdays", "ordinal", "monthday"]))
    if choice == "weekdays":
        days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=5, unique=True))
        parts.append("BYDAY=" + ",".join(days))
        if draw(st.booleans()):
            parts.append(f"BYSETPOS={draw(st.sampled_from([1, 2, -1, -2, 4]))}")
    elif choice == "ordinal":
        ordinal = draw(st.sampled_from([1, 2, 3, 4, -1, -2, 5]))
        parts.append(f"BYDAY={ordinal}{draw(st.sampled_from(WEEKDAYS))}")
    elif choice == "monthday":
        parts.append(f"BYMONTHDAY={draw(st.sampled_from([1, 13, 28, 29, 30, 31, -1, -28]))}")
    end = draw(st.sampled_from(["none", "count", "until"]))
    if end == "count":
        parts.append(f"COUNT={draw(st.integers(1, 1000))}")
    elif end == "until":
        until = draw(st.datetimes(datetime(2026, 1, 1), datetime(2040, 1, 1)))
        parts.append(f"UNTIL={until:%Y%m%dT%H%M%S}Z")
    return ";".join(parts)


def saved_rule(rule, start) -> bool:
    try:
        parse_rule(rule, start)
    except ValidationError:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rule=rules(),
    start=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)),
    window_offset_days=st.integers(-400, 365 * 900),
    window_days=st.integers(0, 366),
)
def test_any_saved_rule_expands_any_allowed_window_in_bounded_work(
    rule, start, window_offset_days, window_days
):
    start = berlin(start.year, start.month, start.day, start.hour)
    assume(saved_rule(rule, start))
    window_start = start + timedelta(days=window_offset_days)
    window_end = window_start + timedelta(days=window_days)
    with counted_periods() as periods:
        occurrences = expand(start, None, rule, [], window_start, window_end)
    frequency = rule.split(";")[0].removeprefix("FREQ=")
    walked = timedelta(days=window_days) + LONGEST_GAP + timedelta(days=7 * 366)
    if "COUNT=" in rule:  # counted from its start, which lies at most five years back
        walked += timedelta(days=HORIZON_YEARS * 366)
    assert periods.count <= walked.days // PERIOD_DAYS[frequency] + 4
    assert all(window_start <= o.start <= window_end for o in occurrences)

    if window_offset_days <= 365 * 15:  # cheap enough to compare with dateutil itself
        local = local_zone()
        naive = _build_rule(rule, start.astimezone(local).replace(tzinfo=None))
        expected = naive.between(
            window_start.astimezone(local).replace(tzinfo=None),
            window_end.astimezone(local).replace(tzinfo=None),
            inc=True,
        )
        assert [o.start.replace(tzinfo=None) for o in occurrences] == expected[:400]


def test_the_counter_sees_the_walk():
    """A COUNT series is counted from its start: the expansion walks all of it."""
    with counted_periods() as periods:
        expand(
            berlin(2026, 1, 1),
            None,
            "FREQ=DAILY;COUNT=1000",
            [],
            berlin(2028, 9, 1),
            berlin(2028, 9, 2),
        )
    assert periods.count > 900
