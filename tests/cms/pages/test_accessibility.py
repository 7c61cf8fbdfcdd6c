"""Accessibility of every public page type (BITV 2.0, i.e. WCAG 2.1 AA), in headless Chromium
on the demo content: axe-core reports no violation of levels A and AA, and at 360 px width
nothing overflows horizontally. Screenshots go to test-artifacts/accessibility/.

axe-core comes from npm (package.json, package-lock.json; `python3.11 dev.py test` runs
`npm ci`). Without Chromium or axe-core the tests are skipped, except under CI=true.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

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
from cms.pages.models.news import published_news

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "accessibility"
NARROW = {"width": 360, "height": 740}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def public_pages() -> dict[str, str]:
    """One URL of every public page type, in the demo content."""
    call_command("load_ben_content", verbosity=0)
    news_index = NewsIndexPage.objects.get()
    pages = {
        "home": HomePage.objects.get(),
        "strategy": StrategyIndexPage.objects.get(),
        "strategy-chapter": StrategyChapterPage.objects.get(chapter_number="4"),
        "strategy-recommendation": StrategyChapterPage.objects.get(chapter_number="4.3"),
        "clubs": ClubIndexPage.objects.get(),
        "club": ClubPage.objects.get(slug="ehrenamtsagentur-bitburg"),
        # with an open opportunity, so its links (cms.pages.public_actions) are checked too
        "club-opportunities": ClubPage.objects.get(slug="drk-bitburg"),
        "events": EventIndexPage.objects.get(),
        "event": EventPage.objects.get(slug="offener-treff-fuer-ehrenamtliche"),
        "partners": BenefitPartnerIndexPage.objects.get(),
        "partner": BenefitPartnerPage.objects.order_by("path").first(),
        "news": news_index,
    }
    urls = {name: page.url for name, page in pages.items()}
    urls["news-item"] = news_index.news_item_url(published_news().first())
    for legal_page in LegalPage.objects.all():
        urls[f"legal-{legal_page.slug}"] = legal_page.url
    return urls


def test_no_wcag_a_or_aa_violations_on_any_public_page_type(
    browser,
    axe,
    live_server,
    public_pages,
):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # The site's own Content-Security-Policy refuses inline scripts, the injected axe-core
    # too; the policy itself is tested in tests/cms/core/test_content_security_policy.py.
    page = browser.new_context(locale="de-DE", bypass_csp=True).new_page()
    violations = {}
    for name, url in public_pages.items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        if found := axe(page):
            violations[f"{name} ({url})"] = found
    assert violations == {}


def test_nothing_overflows_horizontally_at_360_px(browser, live_server, public_pages):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_context(locale="de-DE", viewport=NARROW).new_page()
    overflowing = {}
    for name, url in public_pages.items():
        page.goto(live_server.url + url)
        page.screenshot(path=str(ARTIFACTS / f"360px-{name}.png"), full_page=True)
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            overflowing[f"{name} ({url})"] = widths
    assert overflowing == {}
