"""The plugin's German pages and admin screens in headless Chromium: no WCAG 2.1 A/AA
violation found by axe-core."""

import pytest
from django.test import Client

from ben_plugins.core import tokens
from ben_plugins.ehrenamtskarte.factories import OrganisationConfirmationFactory
from ben_plugins.ehrenamtskarte.notifications import ORGANISATION, WITHDRAW
from cms.moderation.models import ClubMembership
from tests.factories.users import SuperuserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def context(browser, site_tree):
    return browser.new_context(locale="de-DE", bypass_csp=True)


def test_public_forms_pass_axe(context, axe, live_server):
    page = context.new_page()
    for path in ("/mitmachen/ehrenamtskarte/pruefen/", "/mitmachen/ehrenamtskarte/antrag/"):
        assert page.goto(live_server.url + path).status == 200
        assert axe(page) == [], path
        page.click("button[type=submit]")  # empty: the page with its errors
        assert page.locator(".error-summary").count() == 1
        assert axe(page) == [], path


def test_the_eligibility_answer_passes_axe(context, axe, live_server):
    page = context.new_page()
    page.goto(live_server.url + "/mitmachen/ehrenamtskarte/pruefen/")
    page.fill("#feld-birth_date", "1990-01-01")
    page.check("#feld-lives_in_bitburg")
    page.fill('[name="activities.0.organisation"]', "DRK Bitburg")
    page.fill('[name="activities.0.hours_per_week"]', "6")
    page.fill('[name="activities.0.since"]', "2015-01-01")
    page.select_option('[name="activities.0.allowance"]', "none")
    page.click("button[type=submit]")
    page.wait_for_selector("text=Sie erfüllen die Voraussetzungen")
    assert axe(page) == []


def test_link_pages_pass_axe(context, axe, live_server):
    confirmation = OrganisationConfirmationFactory()
    page = context.new_page()
    path = f"/mitmachen/ehrenamtskarte/organisation/{tokens.issue(ORGANISATION, confirmation)}/"
    assert page.goto(live_server.url + path).status == 200
    assert axe(page) == []
    token = tokens.issue(WITHDRAW, confirmation.application)
    path = f"/mitmachen/ehrenamtskarte/zurueckziehen/{token}/"
    assert page.goto(live_server.url + path).status == 200
    assert axe(page) == []


def test_admin_screens_pass_axe(context, axe, live_server, club):
    user = SuperuserFactory(username="eak-admin")
    ClubMembership.objects.create(user=user, club=club)
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    for path in (
        "/admin/ehrenamtskarte-sammelantraege/",
        "/admin/ehrenamtskarte-vorteilspartner/",
        "/admin/ehrenamtskarte-statistik/",
    ):
        assert page.goto(live_server.url + path).status == 200
        assert axe(page) == [], path
