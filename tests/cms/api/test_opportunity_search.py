"""The citizens' search on /api/v1/opportunities/ (issue #16, point 1): every filter, the
radius around a point or a postcode, and the nearest first when a location is given."""

from decimal import Decimal

import pytest

from tests.cms.api.conftest import assert_problem
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import (
    CategoryFactory,
    TargetGroupFactory,
    VolunteerOpportunityFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"
BITBURG = "49.975,6.526"  # the centre of 54634 in cms/core/data/postcodes.csv


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def search(client, query):
    return set(titles(client.get(f"{URL}?{query}")))


@pytest.fixture
def offers(site_tree):
    """Four published offers in and around Bitburg, one draft."""
    social = CategoryFactory(name="Soziales")
    integration = CategoryFactory(name="Integration")
    elderly = TargetGroupFactory(name="Senioren")
    refugees = TargetGroupFactory(name="Geflüchtete")
    club = ClubPageFactory(parent=site_tree.clubs, title="Ehrenamtsagentur")

    def offer(title, categories=(), target_groups=(), **fields):
        opportunity = VolunteerOpportunityFactory(club=club, title=title, **fields)
        opportunity.categories.set(categories)
        opportunity.target_groups.set(target_groups)
        opportunity.save_revision().publish()
        return opportunity

    offer(
        "Fahrdienst Bitburg",
        [social],
        [elderly],
        hours_per_week=Decimal("3"),
        languages=["de"],
        suitable_for=["senioren"],
        latitude=Decimal("49.9700"),
        longitude=Decimal("6.5200"),
    )
    offer(
        "Sprachcafé Speicher",
        [integration],
        [refugees],
        hours_per_week=Decimal("1.5"),
        languages=["de", "en", "ar"],
        suitable_for=["familien", "jugendliche"],
        no_german_needed=True,
        accessible=True,
        latitude=Decimal("49.9330"),
        longitude=Decimal("6.6400"),
    )
    offer(
        "Stadtfest Prüm",
        [social],
        commitment_type="einmalig",
        languages=["de", "fr"],
        suitable_for=["jugendliche"],
        latitude=Decimal("50.2070"),
        longitude=Decimal("6.4240"),
    )
    offer("Vereinskasse", [social], hours_per_week=Decimal("5"), languages=["de"])
    VolunteerOpportunityFactory(club=club, title="Entwurf", hours_per_week=Decimal("2"))
    return {"social": social, "integration": integration, "refugees": refugees}


ALL = {"Fahrdienst Bitburg", "Sprachcafé Speicher", "Stadtfest Prüm", "Vereinskasse"}


def test_the_search_fields_are_in_every_item(client, offers):
    results = client.get(URL).json()["results"]
    (item,) = [each for each in results if each["title"] == "Sprachcafé Speicher"]
    assert item["hours_per_week"] == 1.5
    assert item["time_commitment"] == "2 Stunden pro Woche"
    assert item["no_german_needed"] is True
    assert item["accessible"] is True
    assert item["suitable_for"] == ["familien", "jugendliche"]
    assert item["languages"] == ["de", "en", "ar"]
    assert item["distance_km"] is None
    assert item["review_by"]


def test_category_and_target_group(client, offers):
    assert search(client, "category=integration") == {"Sprachcafé Speicher"}
    assert search(client, "category=soziales") == ALL - {"Sprachcafé Speicher"}
    slug = offers["refugees"].slug
    assert search(client, f"target_group={slug}") == {"Sprachcafé Speicher"}
    assert_problem(client.get(f"{URL}?category=unbekannt"), 400, "category")


def test_regular_or_one_off(client, offers):
    assert search(client, "commitment_type=einmalig") == {"Stadtfest Prüm"}
    assert search(client, "commitment_type=regelmaessig") == ALL - {"Stadtfest Prüm"}
    assert_problem(client.get(f"{URL}?commitment_type=oft"), 400, "commitment_type")


def test_hours_per_week_range(client, offers):
    assert search(client, "hours_per_week_min=2") == {"Fahrdienst Bitburg", "Vereinskasse"}
    assert search(client, "hours_per_week_max=2") == {"Sprachcafé Speicher"}
    assert search(client, "hours_per_week_min=1.5&hours_per_week_max=3") == {
        "Fahrdienst Bitburg",
        "Sprachcafé Speicher",
    }
    assert search(client, "hours_per_week_min=3&hours_per_week_max=3") == {"Fahrdienst Bitburg"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("hours_per_week_min=4&hours_per_week_max=2", "hours_per_week_max"),
        ("hours_per_week_min=-1", "hours_per_week_min"),
        ("hours_per_week_max=169", "hours_per_week_max"),
        ("hours_per_week_min=zwei", "hours_per_week_min"),
        ("hours_per_week_max=inf", "hours_per_week_max"),
    ],
)
def test_a_bad_hours_range_is_refused(client, offers, query, parameter):
    assert_problem(client.get(f"{URL}?{query}"), 400, parameter)


def test_languages(client, offers):
    assert search(client, "language=en") == {"Sprachcafé Speicher"}
    assert search(client, "language=fr&language=ar") == {"Sprachcafé Speicher", "Stadtfest Prüm"}
    assert search(client, "language=de") == ALL
    assert search(client, "language=uk") == set()
    assert_problem(client.get(f"{URL}?language=english"), 400, "language")


def test_flags(client, offers):
    assert search(client, "no_german_needed=true") == {"Sprachcafé Speicher"}
    assert search(client, "accessible=true") == {"Sprachcafé Speicher"}
    assert search(client, "accessible=false") == ALL - {"Sprachcafé Speicher"}
    assert_problem(client.get(f"{URL}?no_german_needed=ja"), 400, "no_german_needed")


def test_suitable_for(client, offers):
    assert search(client, "suitable_for=jugendliche") == {"Sprachcafé Speicher", "Stadtfest Prüm"}
    assert search(client, "suitable_for=senioren&suitable_for=familien") == {
        "Fahrdienst Bitburg",
        "Sprachcafé Speicher",
    }
    assert_problem(client.get(f"{URL}?suitable_for=kinder"), 400, "suitable_for")


def test_near_keeps_the_radius_and_lists_the_nearest_first(client, offers):
    response = client.get(f"{URL}?near={BITBURG}&within_km=10")
    assert titles(response) == ["Fahrdienst Bitburg", "Sprachcafé Speicher"]
    distances = [item["distance_km"] for item in response.json()["results"]]
    assert distances[0] < 1 < 8 < distances[1] < 10
    assert titles(client.get(f"{URL}?near={BITBURG}&within_km=50")) == [
        "Fahrdienst Bitburg",
        "Sprachcafé Speicher",
        "Stadtfest Prüm",
    ]


def test_postcode_searches_around_its_centre(client, offers):
    assert titles(client.get(f"{URL}?postcode=54634&within_km=10")) == [
        "Fahrdienst Bitburg",
        "Sprachcafé Speicher",
    ]
    assert titles(client.get(f"{URL}?postcode=54634")) == titles(
        client.get(f"{URL}?near={BITBURG}")
    )
    assert titles(client.get(f"{URL}?postcode=54595&within_km=5")) == ["Stadtfest Prüm"]
    assert titles(client.get(f"{URL}?postcode=54662&within_km=40")) == [
        "Sprachcafé Speicher",
        "Fahrdienst Bitburg",
        "Stadtfest Prüm",
    ]


def test_distance_ordering_can_be_reversed_or_replaced(client, offers):
    query = "postcode=54634&within_km=50"
    assert titles(client.get(f"{URL}?{query}&ordering=-distance")) == [
        "Stadtfest Prüm",
        "Sprachcafé Speicher",
        "Fahrdienst Bitburg",
    ]
    assert titles(client.get(f"{URL}?{query}&ordering=title")) == [
        "Fahrdienst Bitburg",
        "Sprachcafé Speicher",
        "Stadtfest Prüm",
    ]


def test_filters_combine(client, offers):
    query = "postcode=54634&within_km=50&suitable_for=jugendliche&no_german_needed=false"
    assert titles(client.get(f"{URL}?{query}")) == ["Stadtfest Prüm"]


def test_club_and_bounding_box(client, offers, site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Jugendtreff")
    club.save_revision().publish()
    VolunteerOpportunityFactory(club=club, title="Ferienfreizeit", published=True)
    assert search(client, f"club={club.pk}") == {"Ferienfreizeit"}
    assert search(client, "bbox=6.40,49.90,6.60,50.00") == {"Fahrdienst Bitburg"}
    assert search(client, "bbox=6.40,49.90,6.70,50.30") == ALL - {"Vereinskasse"}
    assert_problem(client.get(f"{URL}?club=999999"), 400, "club")
    assert_problem(client.get(f"{URL}?bbox=6.4,49.9"), 400, "bbox")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("near=49.97", "near"),
        ("near=91,6.5&within_km=5", "near"),
        ("near=Bitburg", "near"),
        ("postcode=12345", "postcode"),
        ("postcode=5463", "postcode"),
        ("postcode=%2054634", "postcode"),
        (f"postcode=54634&near={BITBURG}", "postcode"),
        ("within_km=10", "within_km"),
        ("postcode=54634&within_km=0", "within_km"),
        ("postcode=54634&within_km=501", "within_km"),
        ("ordering=distance", "ordering"),
    ],
)
def test_unknown_postcodes_and_bad_combinations_are_refused(client, offers, query, parameter):
    assert_problem(client.get(f"{URL}?{query}"), 400, parameter)


def test_an_unknown_postcode_is_explained_in_german_too(client, offers):
    response = client.get(f"{URL}?postcode=10115", HTTP_ACCEPT_LANGUAGE="de")
    (message,) = response.json()["errors"]["postcode"]
    assert "Unbekannte Postleitzahl" in message


def test_other_geo_endpoints_take_a_postcode_too(client, site_tree):
    ClubPageFactory(
        parent=site_tree.clubs, title="Nahe", latitude="49.970", longitude="6.520"
    ).save_revision().publish()
    assert titles(client.get("/api/v1/clubs/?postcode=54634&within_km=5")) == ["Nahe"]
    assert titles(client.get("/api/v1/clubs/?postcode=54595&within_km=5")) == []


def test_the_schema_documents_the_search(client, offers):
    operation = client.get("/api/v1/schema/?format=json").json()["paths"][URL]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert "54634" in parameters["postcode"]["schema"]["enum"]
    assert parameters["hours_per_week_min"]["schema"]["maximum"] == 168
    assert set(parameters["suitable_for"]["schema"]["items"]["enum"]) == {
        "familien",
        "jugendliche",
        "senioren",
    }
    assert "nearest first" in parameters["ordering"]["description"]
    for name in ("language", "no_german_needed", "accessible", "within_km"):
        assert parameters[name]["description"], name
