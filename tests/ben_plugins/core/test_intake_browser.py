"""The intake's HTML pages in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation,
and a keyboard alone fills in, submits and confirms the example plugin's form."""

import re

import pytest
from ben_example_plugin.models import TopicSuggestion
from django.core import mail

from .intake_helpers import FORM_PATH

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(browser, site_tree):
    # bypass_csp only lets the injected axe-core run; the pages load nothing else.
    return browser.new_context(locale="de-DE", bypass_csp=True).new_page()


def focused(page) -> str:
    """The focused element's id, else its visible text (buttons and links)."""
    return page.evaluate(
        "() => document.activeElement.id || document.activeElement.innerText.trim()"
    )


def tab_to(page, target: str, seen: list[str], limit: int = 40) -> None:
    """Press Tab until ``target`` (an id or a button's text) has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(focused(page))
        if seen[-1] == target:
            return
    raise AssertionError(f"{target} not reached by Tab: {seen}")


def test_form_pages_pass_axe(page, axe, live_server):
    assert page.goto(live_server.url + FORM_PATH).status == 200
    assert axe(page) == []
    page.click("button[type=submit]")  # empty: the page with its errors
    assert page.locator(".error-summary").count() == 1
    assert axe(page) == []


def test_keyboard_only_walk_from_form_to_confirmation(page, axe, live_server):
    page.goto(live_server.url + FORM_PATH)
    seen = []
    fields = {
        "feld-name": "Anna Schmitt",
        "feld-topic": "Ehrenamt im Sportverein",
        "feld-text": "Wie gewinnen wir junge Übungsleiterinnen?",
    }
    for element_id, text in fields.items():
        tab_to(page, element_id, seen)
        page.keyboard.type(text)
    tab_to(page, "feld-speaker_name", seen)
    tab_to(page, "feld-speaker_email", seen)
    tab_to(page, "feld-email", seen)
    page.keyboard.type("anna.schmitt@example.org")
    tab_to(page, "feld-language", seen)
    tab_to(page, "feld-consent", seen)
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused(page) == "Datenschutzerklärung"  # the privacy notice, in order
    page.keyboard.press("Tab")
    assert focused(page) == "Absenden"
    assert "feld-website" not in seen  # the honeypot is never in the tab order
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Fast geschafft")
    assert axe(page) == []

    link = re.search(r"https?://\S+/mitmachen/bestaetigen/\S+/", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page.goto(live_server.url + path)
    assert axe(page) == []
    tab_to(page, "Jetzt bestätigen", [])
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Vielen Dank")
    assert axe(page) == []
    assert TopicSuggestion.objects.count() == 1

    page.goto(live_server.url + path)  # used: the German explanation
    assert page.locator("h1").inner_text() == "Dieser Link wurde bereits benutzt"
    assert axe(page) == []
