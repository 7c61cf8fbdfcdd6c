"""What a visitor reads on the public site, through the real page URLs: the next dates of
events, the news page, what a club page lists, partners by category, the strategy's chapter
navigation, the frame of every page (landmarks, footer, metadata), sitemap.xml and robots.txt."""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from cms.pages.models import BenefitPartnerPage
from cms.pages.models.news import NEWS_PER_PAGE
from tests.factories.pages import (
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
    LegalPageFactory,
    NewsIndexPageFactory,
    StrategyChapterPageFactory,
)
from tests.factories.snippets import NewsItemFactory, VolunteerOpportunityFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def berlin_today_at(hour: int, days: int = 0) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def iso(moment: dt.datetime) -> str:
    """As the templates write <time datetime>: ISO 8601 in Berlin time."""
    return date_format(moment.astimezone(BERLIN), "c")


def datetimes(html: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]+)"', html)


# Event dates


def test_a_running_series_shows_its_next_date_never_its_past_start(client, site_tree):
    first = berlin_today_at(18, days=-70)
    series = EventPageFactory(
        parent=site_tree.events,
        title="Wöchentlicher Treff",
        start=first,
        end=first + dt.timedelta(hours=2),
        recurrence_rule="FREQ=WEEKLY",
    )
    # The first weekly date, 18:00 Berlin time, that has not ended yet.
    weeks = 0
    while berlin_today_at(20, days=-70 + 7 * weeks) < timezone.now():
        weeks += 1
    expected = berlin_today_at(18, days=-70 + 7 * weeks)

    calendar = client.get(site_tree.events.url).text
    assert "Wöchentlicher Treff" in calendar
    assert iso(expected) in datetimes(calendar)
    assert iso(first) not in datetimes(calendar)

    page = client.get(series.url).text
    shown = datetimes(page)
    assert shown[0] == iso(expected)
    assert iso(first) not in shown
    assert "Nächste Termine" in page
    assert len([value for value in shown if value.endswith(":00")]) >= 5


def test_a_past_event_is_not_upcoming_and_says_so(client, site_tree):
    past = EventPageFactory(
        parent=site_tree.events,
        title="Vergangenes Fest",
        start=berlin_today_at(10, days=-3),
        end=berlin_today_at(12, days=-3),
    )
    future = EventPageFactory(
        parent=site_tree.events,
        title="Kommendes Fest",
        start=berlin_today_at(10, days=3),
        end=berlin_today_at(12, days=3),
    )
    calendar = client.get(site_tree.events.url).text
    assert "Kommendes Fest" in calendar
    assert "Vergangenes Fest" not in calendar
    assert iso(future.start) in datetimes(calendar)

    page = client.get(past.url)
    assert page.status_code == 200
    assert "hat bereits stattgefunden" in page.text
    assert "Nächste Termine" not in page.text


def test_an_ended_series_is_not_upcoming(client, site_tree):
    first = berlin_today_at(9, days=-60)
    until = (first + dt.timedelta(days=14)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    EventPageFactory(
        parent=site_tree.events,
        title="Abgeschlossene Reihe",
        start=first,
        end=first + dt.timedelta(hours=1),
        recurrence_rule=f"FREQ=WEEKLY;UNTIL={until}",
    )
    assert "Abgeschlossene Reihe" not in client.get(site_tree.events.url).text


# News


@pytest.fixture
def news_page(site_tree):
    return NewsIndexPageFactory(parent=site_tree.home)


def test_the_news_page_lists_published_news_newest_first_with_pages(client, site_tree, news_page):
    club = ClubPageFactory(parent=site_tree.clubs, title="Verein mit Neuigkeiten")
    for number in range(NEWS_PER_PAGE + 1):
        NewsItemFactory(club=club, title=f"Meldung {number:02d}", published=True)
    NewsItemFactory(club=club, title="Entwurf einer Meldung")
    hidden_club = ClubPageFactory(parent=site_tree.clubs)
    NewsItemFactory(club=hidden_club, title="Meldung eines offline Vereins", published=True)
    hidden_club.unpublish()

    first = client.get(news_page.url).text
    titles = re.findall(r"Meldung \d\d", first)
    assert titles == [f"Meldung {n:02d}" for n in range(NEWS_PER_PAGE, 0, -1)]
    assert "Entwurf einer Meldung" not in first
    assert "Meldung eines offline Vereins" not in first
    assert "?seite=2" in first
    second = client.get(news_page.url + "?seite=2").text
    assert re.findall(r"Meldung \d\d", second) == ["Meldung 00"]
    assert client.get(news_page.url + "?seite=3").status_code == 404


def test_a_news_item_has_its_own_page_while_published(client, site_tree, news_page):
    club = ClubPageFactory(parent=site_tree.clubs)
    item = NewsItemFactory(club=club, title="Neue Fahrdienst-Runde", published=True)
    draft = NewsItemFactory(club=club, title="Noch nicht frei")
    response = client.get(f"{news_page.url}{item.slug}/")
    assert response.status_code == 200
    assert "<h1>Neue Fahrdienst-Runde</h1>" in response.text
    assert f'href="{club.url}"' in response.text
    assert client.get(f"{news_page.url}{draft.slug}/").status_code == 404


def test_the_home_page_shows_the_next_events_and_the_newest_news(client, site_tree, news_page):
    club = ClubPageFactory(parent=site_tree.clubs)
    EventPageFactory(
        parent=club,
        title="Vereinsfest",
        start=berlin_today_at(11, days=5),
        end=berlin_today_at(18, days=5),
    )
    EventPageFactory(
        parent=club,
        title="Schon vorbei",
        start=berlin_today_at(11, days=-5),
        end=berlin_today_at(18, days=-5),
    )
    item = NewsItemFactory(club=club, title="Ehrenamtstag kommt", published=True)
    home = client.get(site_tree.home.url).text
    assert "Vereinsfest" in home and "Schon vorbei" not in home
    assert f'href="{news_page.url}{item.slug}/"' in home


# Club pages


def test_a_club_page_lists_its_upcoming_events_open_opportunities_and_recent_news(
    client, site_tree, news_page
):
    club = ClubPageFactory(parent=site_tree.clubs, title="Haus der Jugend")
    EventPageFactory(
        parent=club,
        title="Ferienfreizeit",
        start=berlin_today_at(9, days=20),
        end=berlin_today_at(17, days=20),
    )
    EventPageFactory(
        parent=club,
        title="Letztjähriges Fest",
        start=berlin_today_at(9, days=-300),
        end=berlin_today_at(12, days=-300),
    )
    VolunteerOpportunityFactory(club=club, title="Hausaufgabenhilfe", published=True)
    VolunteerOpportunityFactory(club=club, title="Noch in Prüfung")
    item = NewsItemFactory(club=club, title="Neuer Kicker im Jugendcafé", published=True)

    page = client.get(club.url).text
    assert "Ferienfreizeit" in page
    assert "Letztjähriges Fest" not in page
    assert "Hausaufgabenhilfe" in page
    assert "Noch in Prüfung" not in page
    assert f'href="{news_page.url}{item.slug}/"' in page


# Benefit partners, strategy


def test_benefit_partners_are_grouped_by_category_with_their_discount(client, site_tree):
    Category = BenefitPartnerPage.Category
    BenefitPartnerPageFactory(
        parent=site_tree.benefits,
        title="Volkshochschule",
        category=Category.CULTURE,
        discount_de="25 % Rabatt auf VHS-Kurse",
    )
    BenefitPartnerPageFactory(
        parent=site_tree.benefits,
        title="Eissporthalle",
        category=Category.HEALTH,
        discount_de="beim Kauf einer Karte, eine Karte gratis dazu",
    )
    page = client.get(site_tree.benefits.url).text
    culture = page.index(f">{Category.CULTURE.label}</h3>")
    health = page.index(f">{Category.HEALTH.label}</h3>")
    assert culture < page.index("Volkshochschule") < health < page.index("Eissporthalle")
    assert "25 % Rabatt auf VHS-Kurse" in page


def test_a_strategy_chapter_has_the_chapter_navigation_and_a_pager(client, site_tree):
    first = StrategyChapterPageFactory(parent=site_tree.strategy, chapter_number="3")
    fourth = StrategyChapterPageFactory(parent=site_tree.strategy, chapter_number="4")
    section = StrategyChapterPageFactory(parent=fourth, chapter_number="4.1", title="Arbeitskreis")
    page = client.get(fourth.url).text
    assert f'href="{section.url}"' in page and "4.1 Arbeitskreis" in page
    assert f'href="{first.url}" rel="prev"' in page
    assert f'href="{section.url}" rel="next"' in page
    assert 'aria-current="page"' in page
    index = client.get(site_tree.strategy.url).text
    assert index.index(f'href="{fourth.url}"') < index.index(f'href="{section.url}"')


# The frame of every page


def test_every_page_has_landmarks_one_h1_a_skip_link_and_the_legal_footer(client, site_tree):
    imprint = LegalPageFactory(parent=site_tree.home, title="Impressum")
    for url in (site_tree.home.url, site_tree.clubs.url, imprint.url):
        html = client.get(url).text
        assert '<html lang="de">' in html
        assert html.count("<h1") == 1, url
        assert 'href="#inhalt"' in html and '<main id="inhalt"' in html
        assert "<footer" in html and f'href="{imprint.url}"' in html
        assert "<style" not in html and "style=" not in html, url


def test_the_footer_links_the_privacy_notice_where_it_lives(client, site_tree, settings):
    privacy = site_tree.privacy
    assert f'href="{privacy.url}"' in client.get(site_tree.home.url).text
    settings.BEN_PRIVACY_URL = "https://www.bitburg.de/datenschutz"
    html = client.get(site_tree.home.url).text
    assert '<a href="https://www.bitburg.de/datenschutz">Datenschutzerklärung</a>' in html
    assert f'href="{privacy.url}"' not in html  # one privacy notice, the one in force


def test_json_ld_and_open_graph_describe_the_page_and_cannot_break_out(client, site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Verein </script><b>&")
    html = client.get(club.url).text
    assert f'<meta property="og:url" content="{club.full_url}">' in html
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Organization" and data["name"] == "Verein </script><b>&"


# sitemap.xml and robots.txt


def test_the_sitemap_lists_published_pages_and_news_only(client, site_tree, news_page):
    club = ClubPageFactory(parent=site_tree.clubs, title="Offline-Verein")
    event = EventPageFactory(parent=club)
    expired = BenefitPartnerPageFactory(
        parent=site_tree.benefits, valid_until=timezone.localdate() - dt.timedelta(days=1)
    )
    live_club = ClubPageFactory(parent=site_tree.clubs)
    item = NewsItemFactory(club=live_club, published=True)
    club.unpublish()

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = set(re.findall(r"<loc>([^<]+)</loc>", response.text))
    assert live_club.full_url in locations
    assert f"{news_page.full_url}{item.slug}/" in locations
    assert not {club.full_url, event.full_url, expired.full_url} & locations


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
