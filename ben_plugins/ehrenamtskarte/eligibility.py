"""Whether a person qualifies for the Ehrenamtskarte, and why: the state's criteria as written
in the rule set in force, without storing anything.

Hours given per week count ``weeks_per_year`` weeks (5 h × 50 = 250 h), so the weekly and the
yearly threshold agree; hours paid with a flat-rate allowance do not count; a shorter
engagement than ``min_months`` is „needs review“, not a refusal; ``jubilee_years`` of
engagement waive hours, allowance and duration (age and place still apply).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

from .models import Allowance, Card, RuleSet

ELIGIBLE, NOT_ELIGIBLE, NEEDS_REVIEW = "eligible", "not_eligible", "needs_review"


@dataclass
class Answer:
    result: str
    card: str | None
    rule_set: str
    reasons: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "result": self.result,
            "card": self.card,
            "reasons": self.reasons,
            "rule_set": self.rule_set,
        }


def _reason(code: str, message: str) -> dict:
    return {"code": code, "message": message}


def yearly_hours(activity: dict, rules: RuleSet) -> Decimal:
    if activity.get("hours_per_year") is not None:
        return Decimal(str(activity["hours_per_year"]))
    return Decimal(str(activity.get("hours_per_week") or 0)) * rules.weeks_per_year


def place_check(lives_in_bitburg: bool, activities: list[dict]) -> tuple[bool, dict]:
    ok = lives_in_bitburg or any(a["in_bitburg"] for a in activities)
    return (
        ok,
        _reason(
            "place",
            _("Lives in Bitburg or volunteers in Bitburg.")
            if ok
            else _("Neither lives in Bitburg nor volunteers in Bitburg."),
        ),
    )


def assess(answers: dict, rules: RuleSet, today: date) -> Answer:
    """The answer for ``answers`` (the eligibility request's validated data) on ``today``."""
    checks = []
    age_ok = answers["birth_date"] + relativedelta(years=rules.min_age) <= today
    checks.append(
        (
            age_ok,
            _reason(
                "age",
                _("At least %(age)s years old on the day of the check.") % {"age": rules.min_age}
                if age_ok
                else _("Younger than %(age)s years.") % {"age": rules.min_age},
            ),
        )
    )
    activities = answers["activities"]
    counting = [a for a in activities if a["allowance"] != Allowance.FLAT_RATE]
    jubilee_path = answers.get("years_of_engagement", 0) >= rules.jubilee_years
    # The place counts only for engagement that counts: on the Jubiläum path all of it,
    # otherwise the activities whose hours count (flat-rate ones do not).
    checks.append(
        place_check(answers["lives_in_bitburg"], activities if jubilee_path else counting)
    )
    failed = [reason for ok, reason in checks if not ok]
    passed = [reason for ok, reason in checks if ok]

    if jubilee_path:
        if failed:
            return Answer(NOT_ELIGIBLE, None, rules.name, failed)
        jubilee = _reason(
            "duration",
            _(
                "%(years)s or more years of engagement: Jubiläums-Ehrenamtskarte (hours, "
                "allowance and duration are waived)."
            )
            % {"years": rules.jubilee_years},
        )
        return Answer(ELIGIBLE, Card.JUBILAEUMSKARTE.value, rules.name, [*passed, jubilee])

    excluded = len(activities) - len(counting)
    allowance = (
        [
            _reason(
                "allowance",
                _(
                    "Hours paid with a flat-rate allowance do not count (%(count)s "
                    "activities left out)."
                )
                % {"count": excluded},
            )
        ]
        if excluded
        else []
    )
    hours = sum((yearly_hours(a, rules) for a in counting), Decimal(0))
    # No counting activity never qualifies (also under a rule set with a zero threshold).
    hours_ok = bool(counting) and hours >= rules.min_hours_per_year
    threshold = {
        "hours": f"{hours.normalize():f}",
        "year": f"{rules.min_hours_per_year.normalize():f}",
        "week": f"{rules.min_hours_per_week.normalize():f}",
    }
    hours_reason = _reason(
        "hours",
        (
            _("%(hours)s hours a year: at least %(year)s (or %(week)s a week) are needed.")
            if not hours_ok
            else _("%(hours)s hours a year: at least %(year)s (or %(week)s a week) reached.")
        )
        % threshold,
    )
    if not hours_ok:
        return Answer(NOT_ELIGIBLE, None, rules.name, [*failed, hours_reason, *allowance])
    if failed:
        # Flat-rate activities left out can decide the place too.
        place_failed = any(reason["code"] == "place" for reason in failed)
        return Answer(
            NOT_ELIGIBLE, None, rules.name, [*failed, *(allowance if place_failed else [])]
        )

    earliest = min(a["since"] for a in counting)
    duration_ok = earliest + relativedelta(months=rules.min_months) <= today
    if not duration_ok:
        reason = _reason(
            "duration",
            _("Engaged for less than %(months)s months: the city office will review it.")
            % {"months": rules.min_months},
        )
        return Answer(NEEDS_REVIEW, Card.EHRENAMTSKARTE.value, rules.name, [reason, *allowance])
    reason = _reason(
        "duration", _("Engaged for at least %(months)s months.") % {"months": rules.min_months}
    )
    return Answer(
        ELIGIBLE,
        Card.EHRENAMTSKARTE.value,
        rules.name,
        [*passed, hours_reason, reason, *allowance],
    )
