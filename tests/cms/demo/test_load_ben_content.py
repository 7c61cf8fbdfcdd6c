"""The seed command: what it loads, that it publishes everything, and that it is idempotent.

The content is loaded once per class (setUpTestData); every test runs in a transaction that
is rolled back, so tests that change or reload content do not affect each other.
"""

import datetime as dt
import re
from io import StringIO
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from cms.demo.loader import SECTIONS, is_untouched_welcome_page
from cms.demo.logos import LOGO_COLLECTION
from cms.pages.models import (
    BenefitPartnerIndexPage,
    BenefitPartnerPage,
    ClubIndexPage,
    ClubPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalPage,
    NewsIndexPage,
    StrategyChapterPage,
    StrategyIndexPage,
)
from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity
from tests.factories.users import SuperuserFactory

BERLIN = ZoneInfo("Europe/Berlin")
REQUIRED_CLUB_SLUGS = {
    "caritasverband-westeifel",
    "ehrenamtsagentur-bitburg",
    "elisabeth-konferenz",
    "initiative-solidarische-welt",
    "drk-bitburg",
    "pflegestuetzpunkt-bitburg",
    "haus-der-jugend",
    "volkshochschule-bitburg",
    "kulturgemeinschaft-bitburg",
    "stadt-bitburg",
}
SNIPPET_MODELS = (NewsItem, VolunteerOpportunity, TrainingOffer)


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_ben_content", *args, stdout=out)
    return out.getvalue()


def berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def block_texts(page) -> str:
    """All text of a StreamField body, for content assertions."""
    return str(page.body.get_prep_value())


def revision_state() -> dict:
    """Latest revision id of every page and moderated snippet, and the revision count."""
    state = {("page", page.pk): page.latest_revision_id for page in Page.objects.all()}
    for model in SNIPPET_MODELS:
        state.update(
            {(model.__name__, obj.pk): obj.latest_revision_id for obj in model.objects.all()}
        )
    state["revisions"] = Revision.objects.count()
    return state


class LoadBenContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = load()

    def chapter(self, number: str) -> StrategyChapterPage:
        return StrategyChapterPage.objects.get(chapter_number=number)

    # Site tree

    def test_home_page_is_the_default_site_root_and_welcome_page_is_gone(self):
        home = HomePage.objects.get()
        assert home.title == "Bitburger Engagement Netz"
        assert "Die Engagierte Stadt Bitburg ist 2015 entstanden" in home.intro
        site = Site.objects.get(is_default_site=True)
        assert (site.root_page_id, site.site_name) == (home.pk, "Bitburger Engagement Netz")
        assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()

    def test_section_pages_hang_off_the_home_page(self):
        home = HomePage.objects.get()
        for model in (StrategyIndexPage, ClubIndexPage, EventIndexPage, BenefitPartnerIndexPage):
            assert model.objects.child_of(home).count() == 1, model
        assert StrategyIndexPage.objects.get().title == "Engagementstrategie für Bitburg"

    def test_card_criteria_are_the_real_ones(self):
        card = BenefitPartnerIndexPage.objects.get()
        for fact in (
            "fünf Stunden wöchentlich",
            "250 Stunden im Jahr",
            "pauschale Aufwand",
            "in der Stadt Bitburg wohnt",
            "Stadtverwaltung",
            "landesweit gültig",
            "auf zwei Jahre",
        ):
            assert fact in card.card_criteria, fact
        assert "Gemeinschaftsprojekt" in card.intro
        assert not card.card_criteria.startswith("<p>Ausstellungskriterien")

    # Strategy

    def test_every_chapter_with_recommendations_nested_under_four(self):
        strategy = StrategyIndexPage.objects.get()
        top_level = StrategyChapterPage.objects.child_of(strategy)
        assert [chapter.chapter_number for chapter in top_level] == ["1", "2", "3", "4", "5", "6"]
        sections = StrategyChapterPage.objects.child_of(self.chapter("4"))
        assert [section.chapter_number for section in sections] == ["4.1", "4.2", "4.3", "4.4"]
        assert StrategyChapterPage.objects.count() == 10

    def test_chapters_carry_the_real_text_without_extraction_artefacts(self):
        expected = {
            "1": "Bitburg wurde unter 272 Städten als eine von 50 ausgesucht.",
            "2": "wirken Bürgerinnen und Bürger aktiv an Entscheidungsprozessen mit",
            "3": "muss es auf städtischer Ebene gesichert werden.",
            "4.1": "die Teilnehmerzahl auf 10 Personen festgelegt",
            "4.2": "zur kostenlosen Teilnahme an Fortbildungen",
            "4.3": "eine Stadtmedaille einführen",
            "4.4": "weitreichende, zusätzliche Informationen",
            "5": "personelle Ressourcen für die Koordinierungsstelle",
            "6": "verbindliche Regeln festgelegt",
        }
        for number, sentence in expected.items():
            assert sentence in block_texts(self.chapter(number)), number
        for chapter in StrategyChapterPage.objects.all():
            text = block_texts(chapter) + chapter.title + chapter.lead
            assert "Bitburger Engagement Netz - BEN" not in text, chapter
            assert "Bürer" not in text and "lorem" not in text.lower(), chapter
            assert len(chapter.body) > 0, chapter
        strategy_intro = StrategyIndexPage.objects.get().intro
        assert "Bürger*innen, Vereine, Einrichtungen" in strategy_intro

    def test_bullet_lists_of_the_source_become_bullet_list_blocks(self):
        chapter_1 = self.chapter("1")
        lists = [block.value for block in chapter_1.body if block.block_type == "bullet_list"]
        assert len(lists) == 3
        assert lists[0]["intro"].startswith("Die Städte und Gemeinden in Deutschland")
        assert list(lists[0]["items"])[0] == "Der demografische Wandel,"

    def test_recommendation_chapter_has_the_ehrenamtskarte_vereinsfest_and_awards(self):
        headings = [
            block.value["text"]
            for block in self.chapter("4.3").body
            if block.block_type == "heading"
        ]
        assert "Ehrenamtskarte" in headings
        assert "Vereinsfest „Bitburg engagiert sich“" in headings
        assert "Dankesbrief – Wertschätzungskultur" in headings
        assert any("Stadtmedaille" in heading for heading in headings)
        overview = [b.value for b in self.chapter("4").body if b.block_type == "recommendation"]
        assert [item["number"] for item in overview] == ["4.1", "4.2", "4.3", "4.4"]

    # Benefit partners

    def test_seven_benefit_partners_with_their_exact_discounts(self):
        partners = {partner.title: partner for partner in BenefitPartnerPage.objects.all()}
        assert len(partners) == 7
        assert partners["Cascade"].discount_de == "beim Kauf einer Karte, eine Karte gratis dazu"
        assert (
            partners["Bitburger Marken- und Erlebniswelt"].discount_de
            == "reduzierter Eintrittspreis um 2 €"
        )
        assert partners["Haus der Jugend"].discount_de == (
            "10 % Ermäßigung auf Ferienfreizeiten; Mittagstisch House-Café (Montag bis Mittwoch) "
            "zum Preis eines Schülermenüs; kostenloser Verleih von Spielmaterial; "
            "Vergünstigung Kegelbahnmiete"
        )
        assert partners["Volkshochschule"].discount_de == "25 % Rabatt aus VHS-Kurse"
        for partner in partners.values():
            assert partner.discount_en, partner
            assert partner.valid_from == dt.date(2020, 1, 1)
            assert partner.category in BenefitPartnerPage.Category.values
        assert "Cascade – beim Kauf einer Karte, eine Karte gratis dazu" in block_texts(
            self.chapter("4.3")
        )

    # Clubs and taxonomy

    def test_clubs_named_in_the_seeds_with_the_agreed_slugs(self):
        clubs = {club.slug: club for club in ClubPage.objects.all()}
        assert clubs.keys() >= REQUIRED_CLUB_SLUGS
        assert "Fahrdienstes für Senioren" in clubs["elisabeth-konferenz"].description
        assert clubs["elisabeth-konferenz"].kind == ClubPage.Kind.PARISH
        assert "Unterstützung von Flüchtlingen" in clubs["initiative-solidarische-welt"].description
        for club in clubs.values():
            assert club.categories.exists(), club
            assert club.postal_code == "54634" and club.has_coordinates, club

    def test_taxonomy(self):
        assert {"Senioren", "Jugend", "Migration & Integration", "Kultur", "Sport"} <= set(
            Category.objects.values_list("name", flat=True)
        )
        assert {
            "Senior*innen",
            "Jugendliche",
            "Familien",
            "Geflüchtete",
            "Alle Bürger*innen",
        } <= set(TargetGroup.objects.values_list("name", flat=True))

    # Events

    def test_monthly_open_meeting_is_one_event_on_first_tuesdays_under_the_agency(self):
        agency = ClubPage.objects.get(slug="ehrenamtsagentur-bitburg")
        meeting = EventPage.objects.child_of(agency).get(
            title="Offener Treff für Ehrenamtliche und Interessierte"
        )
        assert meeting.organiser_id == agency.pk
        assert meeting.recurrence_rule == "FREQ=MONTHLY;BYDAY=1TU"
        occurrences = meeting.occurrences(berlin(2026, 6, 1), berlin(2026, 11, 30, 23, 59))
        starts = [occurrence.start for occurrence in occurrences]
        # 4 August is the summer break (exception date).
        assert [start.date() for start in starts] == [
            dt.date(2026, 6, 2),
            dt.date(2026, 7, 7),
            dt.date(2026, 9, 1),
            dt.date(2026, 10, 6),
            dt.date(2026, 11, 3),
        ]
        assert all(start.weekday() == 1 and start.day <= 7 for start in starts)
        assert {start.astimezone(BERLIN).hour for start in starts} == {18}

    def test_vereinsfest_every_two_years_and_state_volunteer_day(self):
        festival = EventPage.objects.get(slug="vereinsfest-bitburg-engagiert-sich")
        assert festival.recurrence_rule.startswith("FREQ=YEARLY;INTERVAL=2")
        years = [
            occurrence.start.year
            for occurrence in festival.occurrences(berlin(2026, 1, 1), berlin(2031, 12, 31))
        ]
        assert years == [2026, 2028, 2030]
        volunteer_day = EventPage.objects.get(slug="landesweiter-ehrenamtstag-2024")
        assert volunteer_day.all_day and volunteer_day.start.year == 2024
        assert volunteer_day.organiser.slug == "stadt-bitburg"
        assert EventPage.objects.count() == 5

    # Snippets

    def test_news_and_offers_are_owned_by_clubs_and_published(self):
        assert NewsItem.objects.count() == 6
        assert VolunteerOpportunity.objects.filter(slug="fahrerinnen-seniorenfahrdienst").exists()
        assert TrainingOffer.objects.exists()
        for model in SNIPPET_MODELS:
            for snippet in model.objects.all():
                assert snippet.live and not snippet.has_unpublished_changes, snippet
                assert snippet.live_revision_id is not None, snippet
                assert snippet.club_id is not None, snippet
        driving = VolunteerOpportunity.objects.get(slug="fahrerinnen-seniorenfahrdienst")
        assert driving.club.slug == "elisabeth-konferenz"

    # Publishing, rendering, search

    def test_every_page_is_live_through_a_published_revision(self):
        pages = Page.objects.filter(depth__gt=1)
        # Home, 4 sections, news page, 3 legal pages, chapters, clubs, partners, events.
        assert pages.count() == 1 + 4 + 1 + 3 + 10 + 11 + 7 + 5
        for page in pages:
            assert page.live and not page.has_unpublished_changes, page
            assert page.live_revision_id is not None, page

    def test_every_loaded_page_renders(self):
        for page in Page.objects.filter(depth__gt=1).specific():
            response = self.client.get(page.url)
            assert response.status_code == 200, page.url

    def test_loaded_content_is_valid_and_editable_in_the_admin(self):
        for chapter in StrategyChapterPage.objects.all():
            chapter.body.stream_block.clean(chapter.body)
        self.client.force_login(SuperuserFactory())
        for page in (self.chapter("4.3"), ClubPage.objects.first(), EventPage.objects.first()):
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            assert response.status_code == 200, page
        news = NewsItem.objects.first()
        response = self.client.get(
            reverse("wagtailsnippets_snippets_newsitem:edit", args=[news.pk])
        )
        assert response.status_code == 200

    def test_every_club_gets_a_generated_logo_in_the_logo_collection(self):
        clubs = ClubPage.objects.select_related("logo__collection")
        assert clubs.count() == 11
        for club in clubs:
            assert club.logo is not None, club
            assert club.logo.title == f"Logo (generiert): {club.title}"
            assert club.logo.collection.name == LOGO_COLLECTION
        assert get_image_model().objects.count() == 11
        caritas = ClubPage.objects.get(slug="caritasverband-westeifel")
        response = self.client.get(caritas.url)
        assert 'alt="Logo: Caritasverband Westeifel e.V."' in response.content.decode()

    def test_logos_are_approved_and_reachable_from_the_api_and_the_site(self):
        caritas = ClubPage.objects.get(slug="caritasverband-westeifel")
        logo = self.client.get(f"/api/v1/clubs/{caritas.pk}/").json()["logo"]
        assert logo is not None
        html = self.client.get(caritas.url).content.decode()
        site_logo = re.search(r'<img[^>]* src="(/media/images/[^"]+)"', html)
        assert site_logo is not None
        renditions = [rendition["url"] for rendition in logo["renditions"].values()]
        for url in [*renditions, site_logo.group(1)]:
            response = self.client.get(url)
            assert response.status_code == 200, url
            b"".join(response.streaming_content)  # read to the end, which closes the file

    def test_logos_are_not_drawn_again_and_a_chosen_logo_is_kept(self):
        club = ClubPage.objects.get(slug="drk-bitburg")
        chosen = get_image_model().objects.exclude(pk=club.logo_id).first()
        club.logo = chosen
        club.save_revision().publish()
        output = load()
        assert get_image_model().objects.count() == 11
        assert ClubPage.objects.get(pk=club.pk).logo_id == chosen.pk
        assert "generated club logos: 0 angelegt / created" in output

    def test_legal_pages_mark_what_the_city_must_supply(self):
        home = HomePage.objects.get()
        legal = {page.slug: page for page in LegalPage.objects.child_of(home)}
        assert set(legal) == {"impressum", "datenschutz", "barrierefreiheit"}
        for page in legal.values():
            assert "[Von der Stadt zu ergänzen: " in page.body, page
        assert "BITV 2.0" in legal["barrierefreiheit"].body
        assert NewsIndexPage.objects.child_of(home).get().slug == "neuigkeiten"

    def test_loaded_content_is_searchable(self):
        found = StrategyChapterPage.objects.live().search("Stadtmedaille")
        assert self.chapter("4.3") in list(found)

    # Idempotency

    def test_second_run_creates_and_changes_nothing(self):
        before = revision_state()
        output = load()
        assert revision_state() == before
        assert "Engagementstrategie / strategy chapters: 0 angelegt / created, " in output
        assert "10 unverändert / unchanged" in output
        assert "Engagementstrategie / strategy chapters: 10 angelegt / created" in self.first_output
        for outcome in ("angelegt / created", "aktualisiert / updated", "abweichend"):
            assert re.findall(rf"(\d+) {outcome}", output) == ["0"] * len(SECTIONS), outcome
        # Every field compares equal to its seed, so even --overwrite has nothing to write.
        load("--overwrite")
        assert revision_state() == before

    def test_edited_content_is_kept_unless_overwrite_is_asked_for(self):
        cascade = BenefitPartnerPage.objects.get(slug="cascade")
        cascade.discount_de = "Sommeraktion: freier Eintritt"
        cascade.save_revision().publish()

        assert "1 abweichend" in load()
        assert BenefitPartnerPage.objects.get(slug="cascade").discount_de.startswith("Sommer")

        load("--overwrite")
        cascade = BenefitPartnerPage.objects.get(slug="cascade")
        assert cascade.discount_de == "beim Kauf einer Karte, eine Karte gratis dazu"
        assert cascade.live and not cascade.has_unpublished_changes

    def test_loads_into_an_emptied_database(self):
        for model in SNIPPET_MODELS:
            model.objects.all().delete()
        Site.objects.all().delete()
        Page.get_first_root_node().delete()
        Locale.objects.all().delete()
        load()
        home = HomePage.objects.get()
        assert Site.objects.get(is_default_site=True).root_page_id == home.pk
        assert StrategyChapterPage.objects.live().count() == 10
        assert self.client.get(home.url).status_code == 200

    def test_only_an_untouched_welcome_page_counts_as_wagtails_default(self):
        welcome = Page(title="Welcome to your new Wagtail site!", slug="home")
        Page.get_first_root_node().add_child(instance=welcome)
        assert is_untouched_welcome_page(welcome)
        welcome.save_revision()
        assert not is_untouched_welcome_page(welcome)
