"""The page tree rules keep editors from building nonsense trees."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from ben_plugins.core.pages import plugin_page_models
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


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_is_the_site_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StrategyIndexPage,
                ClubIndexPage,
                EventIndexPage,
                BenefitPartnerIndexPage,
                NewsIndexPage,
                LegalPage,
            },
        )

    def test_news_and_legal_pages_live_under_the_home_page(self):
        for model in (NewsIndexPage, LegalPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, set())

    def test_strategy_chapters_nest(self):
        self.assertAllowedSubpageTypes(StrategyIndexPage, {StrategyChapterPage})
        self.assertAllowedParentPageTypes(
            StrategyChapterPage, {StrategyIndexPage, StrategyChapterPage}
        )
        self.assertCanCreateAt(StrategyChapterPage, StrategyChapterPage)
        self.assertCanNotCreateAt(HomePage, StrategyChapterPage)

    def test_clubs_live_in_the_club_directory_and_hold_their_events(self):
        self.assertAllowedParentPageTypes(ClubPage, {ClubIndexPage})
        # Plugins may add page types below clubs (see docs/plugins.md).
        plugin_children = {
            m for m in plugin_page_models() if ClubPage in m.clean_parent_page_models()
        }
        self.assertAllowedSubpageTypes(ClubPage, {EventPage, *plugin_children})
        self.assertCanNotCreateAt(EventIndexPage, ClubPage)

    def test_events_belong_to_the_calendar_or_a_club(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage, ClubPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(StrategyChapterPage, EventPage)

    def test_benefit_partners_live_under_the_card_page(self):
        self.assertAllowedParentPageTypes(BenefitPartnerPage, {BenefitPartnerIndexPage})
        self.assertAllowedSubpageTypes(BenefitPartnerPage, set())
        self.assertCanNotCreateAt(ClubIndexPage, BenefitPartnerPage)
