"""JSON-LD, GeoJSON and RSS/Atom: valid documents of live public content only."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.django_db
def test_event_json_ld_describes_the_recurring_meeting(client, calendar):
    response = client.get(f"/api/v1/feeds/jsonld/events/{calendar.meeting.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    data = response.json()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["@id"] == f"http://localhost/api/v1/events/{calendar.meeting.pk}/"
    assert data["startDate"] == "2026-01-06T18:00:00+01:00"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 49.9736,
        "longitude": 6.5258,
    }
    assert data["organizer"]["name"] == "Ehrenamtsagentur Bitburg"
    assert data["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1M",
        "startDate": "2026-01-06",
        "endDate": "2026-12-31",
        "scheduleTimezone": "Europe/Berlin",
        "startTime": "18:00",
        "endTime": "20:00",
        "byDay": ["https://schema.org/Tuesday"],
        "byMonthWeek": [1],
        "exceptDate": ["2026-08-04"],
    }


@pytest.mark.django_db
def test_club_is_an_organization_and_partner_a_local_business_with_an_offer(client, calendar):
    club = client.get(f"/api/v1/feeds/jsonld/clubs/{calendar.agency.pk}/").json()
    assert club["@type"] == "Organization"
    assert club["email"] == "ehrenamt@bitburg.de"
    assert club["memberOf"]["name"] == "Bitburger Engagement Netz"

    from cms.pages.models import BenefitPartnerPage

    partner = BenefitPartnerPage.objects.get(title="Eiscafé Venezia")
    data = client.get(f"/api/v1/feeds/jsonld/benefit-partners/{partner.pk}/").json()
    assert data["@type"] == "LocalBusiness"
    assert data["makesOffer"]["@type"] == "Offer"
    assert data["makesOffer"]["description"] == "10 % auf alle Eisbecher"
    assert data["makesOffer"]["alternateName"] == {
        "@language": "en",
        "@value": "10 % off all sundaes",
    }


@pytest.mark.django_db
def test_json_ld_of_drafts_and_restricted_pages_is_404(client, calendar):
    for page in (calendar.draft, calendar.private):
        assert client.get(f"/api/v1/feeds/jsonld/events/{page.pk}/").status_code == 404
    response = client.get(f"/api/v1/feeds/jsonld/events/{calendar.meeting.pk}/", {"x": "1"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_geojson_of_clubs_and_current_partners(client, calendar):
    response = client.get("/api/v1/feeds/clubs.geojson")
    assert response["Content-Type"] == "application/geo+json"
    clubs = response.json()
    assert clubs["type"] == "FeatureCollection"
    [feature] = clubs["features"]  # the club without coordinates is left out
    assert feature["geometry"] == {"type": "Point", "coordinates": [6.5244, 49.9743]}
    assert feature["properties"]["name"] == "Ehrenamtsagentur Bitburg"
    assert feature["properties"]["kind_label"] == "Einrichtung"

    partners = client.get("/api/v1/feeds/benefit-partners.geojson").json()
    assert [f["properties"]["name"] for f in partners["features"]] == ["Eiscafé Venezia"]


@pytest.mark.django_db
def test_rss_and_atom_carry_only_published_news(client, calendar):
    rss = ET.fromstring(client.get("/api/v1/feeds/news.rss").content)
    assert [item.findtext("title") for item in rss.iter("item")] == ["Neue Trainingszeiten"]
    item = next(rss.iter("item"))
    assert item.findtext("link").startswith("http://localhost/api/v1/news/")
    assert item.findtext("author") is None or "TuS" in item.findtext("author")

    atom = ET.fromstring(client.get("/api/v1/feeds/news.atom").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")]
    assert titles == ["Neue Trainingszeiten"]


def test_json_feeds_are_documented_in_the_openapi_schema():
    rest_framework = {
        **getattr(settings, "REST_FRAMEWORK", {}),
        "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    }
    with override_settings(REST_FRAMEWORK=rest_framework):
        paths = set(SchemaGenerator().get_schema(request=None, public=True)["paths"])
    assert {
        "/api/v1/feeds/clubs.geojson",
        "/api/v1/feeds/benefit-partners.geojson",
        "/api/v1/feeds/jsonld/events/{id}/",
    } <= paths


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["events", "clubs", "benefit-partners"])
def test_json_ld_of_ids_beyond_the_database_range_is_a_problem(client, calendar, kind):
    response = client.get(f"/api/v1/feeds/jsonld/{kind}/{'9' * 30}/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "too large" in response.json()["errors"]["pk"][0]
