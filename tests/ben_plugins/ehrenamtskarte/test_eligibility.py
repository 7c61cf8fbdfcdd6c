"""The rules of the Ehrenamtskarte as one table of boundaries, through the HTTP endpoint."""

import json
from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from ben_plugins.ehrenamtskarte.models import STATE_CRITERIA, RuleSet

from .conftest import TODAY

URL = "/api/v1/ehrenamtskarte/eligibility/"
pytestmark = pytest.mark.django_db


def activity(**changes):
    data = {
        "organisation": "DRK Bitburg",
        "in_bitburg": True,
        "hours_per_week": 5,
        "hours_per_year": None,
        "since": (TODAY - relativedelta(years=3)).isoformat(),
        "allowance": "none",
    }
    data.update(changes)
    return data


def request(**changes):
    data = {
        "birth_date": (TODAY - relativedelta(years=30)).isoformat(),
        "lives_in_bitburg": False,
        "years_of_engagement": 3,
        "activities": [activity()],
    }
    data.update(changes)
    return data


def months_ago(months: int, days: int = 0) -> str:
    return (TODAY - relativedelta(months=months, days=days)).isoformat()


def age(years: int, days: int = 0) -> str:
    return (TODAY - relativedelta(years=years) + relativedelta(days=days)).isoformat()


# (case, request, result, card, the codes of the reasons, exactly and in order)
CASES = [
    (
        "14 today",
        request(birth_date=age(14)),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    ("13 years 364 days", request(birth_date=age(14, days=1)), "not_eligible", None, ["age"]),
    (
        "4.9 h/week",
        request(activities=[activity(hours_per_week=4.9)]),
        "not_eligible",
        None,
        ["hours"],
    ),
    (
        "5 h/week",
        request(activities=[activity(hours_per_week=5)]),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "249 h/year",
        request(activities=[activity(hours_per_week=None, hours_per_year=249)]),
        "not_eligible",
        None,
        ["hours"],
    ),
    (
        "250 h/year",
        request(activities=[activity(hours_per_week=None, hours_per_year=250)]),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "weekly plus yearly summed: 3 h/week (150) + 100 h/year",
        request(
            activities=[
                activity(hours_per_week=3),
                activity(organisation="TV Bitburg", hours_per_week=None, hours_per_year=100),
            ]
        ),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "flat-rate activity excluded while another counts",
        request(
            activities=[
                activity(hours_per_week=5),
                activity(organisation="Musikschule", hours_per_week=10, allowance="flat_rate"),
            ]
        ),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration", "allowance"],
    ),
    (
        "flat-rate hours would have reached the threshold",
        request(
            activities=[
                activity(hours_per_week=2),
                activity(organisation="Musikschule", hours_per_week=4, allowance="flat_rate"),
            ]
        ),
        "not_eligible",
        None,
        ["hours", "allowance"],
    ),
    (
        "expenses reimbursed still count",
        request(activities=[activity(allowance="expenses")]),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "11 months",
        request(activities=[activity(since=months_ago(11))]),
        "needs_review",
        "ehrenamtskarte",
        ["duration"],
    ),
    (
        "12 months",
        request(activities=[activity(since=months_ago(12))]),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "duration from the earliest counting activity, not a flat-rate one",
        request(
            activities=[
                activity(since=months_ago(6)),
                activity(allowance="flat_rate", since=months_ago(60)),
            ]
        ),
        "needs_review",
        "ehrenamtskarte",
        ["duration", "allowance"],
    ),
    (
        "24 years",
        request(years_of_engagement=24, activities=[activity(hours_per_week=1)]),
        "not_eligible",
        None,
        ["hours"],
    ),
    (
        "25 years: Jubiläumskarte, hours waived",
        request(years_of_engagement=25, activities=[activity(hours_per_week=1)]),
        "eligible",
        "jubilaeumskarte",
        ["age", "place", "duration"],
    ),
    (
        "qualifies for both: the Jubiläumskarte",
        request(years_of_engagement=30),
        "eligible",
        "jubilaeumskarte",
        ["age", "place", "duration"],
    ),
    (
        "25 years but 13: age still applies",
        request(years_of_engagement=25, birth_date=age(13)),
        "not_eligible",
        None,
        ["age"],
    ),
    (
        "lives in Bitburg, volunteers elsewhere",
        request(lives_in_bitburg=True, activities=[activity(in_bitburg=False)]),
        "eligible",
        "ehrenamtskarte",
        ["age", "place", "hours", "duration"],
    ),
    (
        "neither lives nor volunteers in Bitburg",
        request(lives_in_bitburg=False, activities=[activity(in_bitburg=False)]),
        "not_eligible",
        None,
        ["place"],
    ),
    (
        "not resident: the Bitburg activity is flat-rate, the counting one elsewhere",
        request(
            activities=[
                activity(allowance="flat_rate", hours_per_week=5),
                activity(organisation="Tafel Trier", in_bitburg=False, hours_per_week=5),
            ]
        ),
        "not_eligible",
        None,
        ["place", "allowance"],
    ),
    (
        "25 years: a flat-rate activity in Bitburg decides the place",
        request(
            years_of_engagement=25,
            activities=[
                activity(allowance="flat_rate", hours_per_week=5),
                activity(organisation="Tafel Trier", in_bitburg=False, hours_per_week=1),
            ],
        ),
        "eligible",
        "jubilaeumskarte",
        ["age", "place", "duration"],
    ),
    (
        "neither, even with 25 years",
        request(years_of_engagement=25, activities=[activity(in_bitburg=False)]),
        "not_eligible",
        None,
        ["place"],
    ),
]


def post(client, data, **headers):
    return client.post(URL, json.dumps(data), content_type="application/json", **headers)


@pytest.mark.parametrize(
    ("case", "data", "result", "card", "codes"), CASES, ids=[c[0] for c in CASES]
)
def test_rules_at_every_boundary(client, frozen, case, data, result, card, codes):
    response = post(client, data)
    assert response.status_code == 200, response.content
    answer = response.json()
    assert (answer["result"], answer["card"]) == (result, card), answer
    assert [reason["code"] for reason in answer["reasons"]] == codes, answer
    assert answer["rule_set"] == RuleSet.objects.get().name
    assert all(reason["message"] for reason in answer["reasons"])


def test_messages_german_by_default_english_on_request(client, frozen):
    data = request(birth_date=age(10))
    german = post(client, data).json()["reasons"][0]["message"]
    english = post(client, data, HTTP_ACCEPT_LANGUAGE="en").json()["reasons"][0]["message"]
    assert german.startswith("Jünger als 14")
    assert english.startswith("Younger than 14")


def test_thresholds_come_from_the_rule_set_in_force(client, frozen):
    RuleSet.objects.create(
        name="Neue Regeln 2027", valid_from=date(2027, 1, 1), min_hours_per_year=300
    )
    RuleSet.objects.create(name="Künftige Regeln", valid_from=date(2028, 1, 1), min_age=99)
    answer = post(client, request(activities=[activity(hours_per_week=5)])).json()
    assert answer["rule_set"] == "Neue Regeln 2027"
    assert answer["result"] == "not_eligible"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (request(activities=[activity(hours_per_week=-1)]), "activities.0.hours_per_week"),
        (request(birth_date=(TODAY + relativedelta(days=1)).isoformat()), "birth_date"),
        (
            request(activities=[activity(since=(TODAY + relativedelta(days=1)).isoformat())]),
            "activities.0.since",
        ),
        (request(activities=[]), "activities"),
        (request(activities=[activity(hours_per_year=250)]), "activities.0.hours_per_week"),
        (request(activities=[activity(allowance="pauschal")]), "activities.0.allowance"),
        (request(unknown=1), "unknown"),
    ],
)
def test_invalid_input_is_a_400_with_field_errors(client, frozen, data, field):
    response = post(client, data)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert field in response.json()["errors"], response.json()


def test_nothing_is_stored(client, frozen):
    from django.core import mail

    from ben_plugins.core.models import OneTimeToken
    from ben_plugins.ehrenamtskarte.models import CardApplication, OrganisationConfirmation

    tables = (
        RuleSet.objects,
        CardApplication.all_submissions,
        OrganisationConfirmation.objects,
        OneTimeToken.objects,
    )
    before = [table.count() for table in tables]
    assert post(client, request()).status_code == 200
    form = {
        "birth_date": "1980-01-01",
        "activities.0.organisation": "DRK Bitburg",
        "activities.0.in_bitburg": "on",
        "activities.0.hours_per_week": "5",
        "activities.0.since": "2020-01-01",
        "activities.0.allowance": "none",
    }
    assert client.post("/mitmachen/ehrenamtskarte/pruefen/", form).status_code == 200
    assert [table.count() for table in tables] == before
    assert not mail.outbox


def test_without_any_rule_set_the_state_criteria_apply(client, frozen):
    RuleSet.objects.all().delete()
    answer = post(client, request(activities=[activity(hours_per_week=4.9)])).json()
    assert answer["result"] == "not_eligible"
    assert answer["rule_set"] == STATE_CRITERIA


def test_the_example_of_the_issue(client, frozen):
    """3 h/week at one organisation: 150 h a year, not enough."""
    data = {
        "birth_date": "2001-05-04",
        "lives_in_bitburg": True,
        "years_of_engagement": 3,
        "activities": [
            {
                "organisation": "DRK Bitburg",
                "in_bitburg": True,
                "hours_per_week": 3,
                "hours_per_year": None,
                "since": "2022-01-01",
                "allowance": "none",
            }
        ],
    }
    answer = post(client, data).json()
    assert (answer["result"], answer["card"]) == ("not_eligible", None)
    assert [reason["code"] for reason in answer["reasons"]] == ["hours"]
    assert answer["reasons"][0]["message"].startswith("150 Stunden im Jahr")
