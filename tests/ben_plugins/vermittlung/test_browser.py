"""The German interest form, the extend link's page and the admin screens of the plugin in
headless Chromium: axe-core (WCAG 2.1 A/AA) finds no violation."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from ben_plugins.core import tokens
from ben_plugins.vermittlung.daily import EXTEND
from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import ReviewReminder
from cms.moderation.roles import MODERATORS, ensure_roles
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import CategoryFactory, VolunteerOpportunityFactory
from tests.factories.users import DEFAULT_PASSWORD, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def world():
    tree = build_site_tree()
    club = ClubPageFactory(parent=tree.clubs, title="Tafel Bitburg", email="tafel@verein.example")
    club.save_revision().publish()
    offer = VolunteerOpportunityFactory(club=club, title="Lebensmittel ausgeben", published=True)
    offer.categories.set([CategoryFactory(name="Soziales")])
    offer.save_revision().publish()
    VolunteerOpportunityFactory(
        club=club,
        title="Kleiderkammer",
        review_by=timezone.localdate() - dt.timedelta(days=2),
        published=True,
    )
    for _ in range(3):
        InterestMessageFactory(opportunity=offer, club=club)
    ensure_roles()
    moderator = UserFactory(username="agentur", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return {"offer": offer}


def _page(browser):
    # bypass_csp only lets the injected axe-core run; the pages load nothing else.
    return browser.new_context(locale="de-DE", bypass_csp=True).new_page()


def test_the_interest_form_passes_axe(browser, live_server, axe, world):
    page = _page(browser)
    url = f"{live_server.url}/mitmachen/vermittlung/interesse/?angebot={world['offer'].pk}"
    assert page.goto(url).status == 200
    assert page.locator("h1").inner_text() == "Interesse an einem Engagementangebot"
    assert axe(page) == []
    page.click("button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert axe(page) == []


def test_the_extend_page_passes_axe(browser, live_server, axe, world):
    reminder = ReviewReminder.objects.create(
        opportunity=world["offer"],
        review_by=world["offer"].review_by,
        kind="before",
        sent_at=timezone.now(),
    )
    page = _page(browser)
    token = tokens.issue(EXTEND, reminder)
    assert page.goto(f"{live_server.url}/mitmachen/vermittlung/verlaengern/{token}/").status == 200
    assert axe(page) == []
    page.click("button[type=submit]")
    page.wait_for_selector("text=das Angebot bleibt online")
    assert axe(page) == []


def test_the_report_and_the_expired_offers_pass_axe(browser, live_server, axe, world):
    page = _page(browser)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "agentur")
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in (
        "/admin/vermittlung/kennzahlen/",
        "/admin/vermittlung/abgelaufen/",
        "/admin/vermittlung/interestmessage/",
    ):
        assert page.goto(f"{live_server.url}{path}").status == 200, path
        assert axe(page) == [], path
    page.goto(f"{live_server.url}/admin/vermittlung/kennzahlen/")
    assert page.locator("svg[role=img]").count() == 4
