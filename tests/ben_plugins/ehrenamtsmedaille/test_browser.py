"""The German nomination form and the jury's screen in headless Chromium: no WCAG 2.1 A/AA
violation found by axe-core, empty and with errors."""

import pytest

from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from tests.factories.users import DEFAULT_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
FORM = "/mitmachen/ehrenamtsmedaille/vorschlagen/"


@pytest.fixture
def page(browser, site_tree):
    return browser.new_context(locale="de-DE", bypass_csp=True).new_page()


def test_the_nomination_form_passes_axe(page, axe, live_server, call, frozen):
    assert page.goto(live_server.url + FORM).status == 200
    assert page.locator("h1").inner_text() == "Vorschlag für die Ehrenamtsmedaille"
    assert axe(page) == []
    page.click("button[type=submit]")
    assert page.locator(".error-summary").count() == 1
    assert axe(page) == []


def test_the_jury_screen_passes_axe(page, axe, live_server, call, frozen, make_juror):
    make_juror("vorsitz", chair=True)
    NominationFactory(call=call, nominee_name="Anna Arnold")
    NominationFactory(call=call, nominee_name="anna arnold")  # a duplicate to merge
    NominationFactory(call=call, nominee_name="Bea Bach", status="medal")  # letters, consent
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "vorsitz")
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    assert page.goto(f"{live_server.url}/admin/ehrenamtsmedaille/jury/").status == 200
    assert page.locator("article.jury-nomination").count() == 3
    assert page.locator("form.jury-publication").count() == 1
    assert axe(page) == []
