"""The admin as BEN's own, in headless Chromium: the branded German login, the club editor's
dashboard with every state of their club's content (a sent-back item with the moderator's
comment too), the editor's submit flow by keyboard only, the moderator's one queue with
approve and send back, and axe-core (WCAG 2.1 A/AA) on every admin screen BEN adds.

One world and one live server for the module's steps; screenshots go to
test-artifacts/admin/.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS, setup_all
from cms.snippets.models import NewsItem
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import (
    CategoryFactory,
    NewsItemFactory,
    TrainingOfferFactory,
    VolunteerOpportunityFactory,
)
from tests.factories.users import DEFAULT_PASSWORD, SuperuserFactory, UserFactory

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "admin"
SEND_BACK_COMMENT = "Bitte den Ort und die Uhrzeit ergänzen."
MEETING_TIMES = "Neu: offene Sprechstunde donnerstags 17 Uhr."

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _submit(obj, user, days_ago=0):
    obj.save_revision(user=user)
    obj.get_workflow().start(obj, user)
    if days_ago:
        TaskState.objects.filter(
            workflow_state__object_id=str(obj.pk),
            workflow_state__base_content_type=ContentType.objects.get_for_model(type(obj)),
        ).update(started_at=timezone.now() - timedelta(days=days_ago))


@pytest.fixture
def world():
    setup_all()
    club = ClubPageFactory(
        parent=build_site_tree().clubs, title="Caritasverband Westeifel e.V.", slug="caritas"
    )
    club.save_revision().publish()
    editor = UserFactory(username="redaktion-caritas", first_name="Carla", last_name="Caritas")
    ClubMembership.objects.create(user=editor, club=club)
    moderator = UserFactory(username="moderation", first_name="Monika", last_name="Moderation")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    SuperuserFactory(username="admin")
    CategoryFactory(name="Soziales")

    draft = NewsItemFactory(club=club, title="Entwurf: Sommerfest im Pfarrgarten")
    draft.save_revision(user=editor)
    NewsItemFactory(club=club, title="Neuer Vorstand gewählt", published=True)
    waiting_long = VolunteerOpportunityFactory(club=club, title="Lesepat*innen gesucht")
    _submit(waiting_long, editor, days_ago=3)
    waiting_short = NewsItemFactory(club=club, title="Kleiderkammer öffnet wieder")
    waiting_short.save_revision(user=editor)
    waiting_short.teaser = "Ab Montag wieder geöffnet."
    _submit(waiting_short, editor, days_ago=1)
    sent_back = TrainingOfferFactory(club=club, title="Erste-Hilfe-Kurs für Ehrenamtliche")
    _submit(sent_back, editor)
    task_state = sent_back.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject", comment=SEND_BACK_COMMENT)
    return {
        "club": club,
        "draft": draft,
        "waiting_long": waiting_long,
        "waiting_short": waiting_short,
        "sent_back": sent_back,
    }


def _shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _context(browser):
    # bypass_csp: the injected axe-core is an inline script the admin's policy would refuse.
    return browser.new_context(locale="de-DE", bypass_csp=True)


def _log_in(browser, base_url, username):
    page = _context(browser).new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def _tab_to(page, selector, limit=250):
    """Press Tab until the element matching ``selector`` has the focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector} is not reachable with the Tab key")


def test_branded_german_login(browser, live_server, axe):
    page = _context(browser).new_page()
    page.goto(f"{live_server.url}/admin/login/")
    _shot(page, "01-anmeldung")
    assert page.title().endswith("BEN CMS")
    assert page.locator("h1").inner_text() == "Bei BEN CMS anmelden"
    assert page.locator("label[for=id_password]").inner_text().startswith("Passwort")
    assert page.locator("link[rel=icon]").get_attribute("href").endswith("ben_admin/favicon.svg")
    assert "Wagtail" not in page.locator("body").inner_text()
    assert axe(page) == []


def test_editor_dashboard_submit_by_keyboard_and_moderators_one_queue(
    browser, live_server, world, axe
):
    base = live_server.url
    violations = {}

    editor = _log_in(browser, base, "redaktion-caritas")
    _shot(editor, "02-redaktion-dashboard")
    overview = editor.locator("[data-ben-club-overview]")
    states = {
        row.locator("td.title").inner_text().strip(): row.get_attribute("data-ben-state")
        for row in overview.locator("tr[data-ben-state]").all()
    }
    assert states["Entwurf: Sommerfest im Pfarrgarten"] == "draft"
    assert states["Neuer Vorstand gewählt"] == "live"
    assert states["Lesepat*innen gesucht"] == "waiting"
    assert states["Erste-Hilfe-Kurs für Ehrenamtliche"] == "sent_back"
    assert states["Caritasverband Westeifel e.V."] == "live"
    assert SEND_BACK_COMMENT in overview.locator("[data-ben-comment]").inner_text()
    for label in ("Veranstaltung anlegen", "Neuigkeit anlegen", "Engagementangebot anlegen"):
        assert overview.get_by_role("link", name=label).count() == 1
    assert editor.locator("#awaiting-review").count() == 0
    violations["redaktion-dashboard"] = axe(editor)

    # The sent-back item's edit view says what the moderator asked for.
    editor.goto(f"{base}/admin/snippets/snippets/trainingoffer/edit/{world['sent_back'].pk}/")
    assert SEND_BACK_COMMENT in editor.locator(".messages").inner_text()
    violations["zurueckgeschickt-bearbeiten"] = axe(editor)

    # A new news item from the dashboard: the club is preselected and fixed.
    editor.goto(f"{base}/admin/")
    editor.get_by_role("link", name="Neuigkeit anlegen").click()
    editor.wait_for_load_state("networkidle")
    assert editor.locator("#id_club").is_disabled()
    assert editor.locator("#id_categories input[type=checkbox]").count() >= 1
    violations["neuigkeit-anlegen"] = axe(editor)
    editor.goto(f"{base}/admin/snippets/snippets/newsitem/")
    assert editor.get_by_role("columnheader", name="Stand").count() == 1
    # Wagtail's German catalog keeps these English; locale/ and templates/ translate them.
    assert editor.locator("[aria-label=Actions], [aria-label=Breadcrumb]").count() == 0
    breadcrumbs = editor.get_by_role("navigation", name="Navigationspfad")
    assert "Start" in breadcrumbs.text_content()
    assert "Home" not in breadcrumbs.text_content()
    violations["neuigkeiten-liste"] = axe(editor)

    # Keyboard only: change the club profile (the club's page), open the action menu at the
    # bottom of the page editor, submit it for approval.
    club = world["club"]
    editor.goto(f"{base}/admin/pages/{club.pk}/edit/")
    _tab_to(editor, "#id_meeting_times")
    editor.keyboard.press("Control+End")
    editor.keyboard.type(MEETING_TIMES)
    _tab_to(editor, "footer [data-w-dropdown-target='toggle']", limit=600)
    editor.keyboard.press("Enter")
    _tab_to(editor, "button[name='action-submit']")
    _shot(editor, "03-redaktion-tastatur-vereinsprofil-einreichen")
    with editor.expect_navigation():
        editor.keyboard.press("Enter")
    club.refresh_from_db()
    assert club.workflow_in_progress
    assert club.get_latest_revision_as_object().meeting_times.endswith(MEETING_TIMES)
    assert not club.meeting_times.endswith(MEETING_TIMES)  # live once a moderator approves

    moderator = _log_in(browser, base, "moderation")
    _shot(moderator, "04-moderation-warteschlange")
    assert moderator.locator("#awaiting-review").count() == 0
    queue = moderator.locator("[data-ben-waiting-submissions]")
    rows = queue.locator("tr[data-ben-submission]")
    titles = [row.locator("td.title a").first.inner_text() for row in rows.all()]
    assert titles[:2] == ["Lesepat*innen gesucht", "Kleiderkammer öffnet wieder"]
    assert "Caritasverband Westeifel e.V." in rows.first.inner_text()
    assert "Carla Caritas" in rows.first.inner_text()
    assert "Engagementangebot" in rows.first.inner_text()
    violations["moderation-dashboard"] = axe(moderator)

    compare_url = rows.nth(1).locator("[data-ben-compare]").get_attribute("href")
    assert "/revisions/" in compare_url
    assert moderator.request.get(f"{base}{compare_url}").status == 200
    preview_url = rows.first.locator("[data-ben-preview]").get_attribute("href")
    assert moderator.request.get(f"{base}{preview_url}").status == 200

    # Approve the oldest right there.
    with moderator.expect_navigation():
        rows.first.get_by_role("button", name="Freigeben").click()
    world["waiting_long"].refresh_from_db()
    assert world["waiting_long"].live

    # Send the next one back with a comment, in Wagtail's modal.
    row = moderator.locator("tr[data-ben-submission]", has_text="Kleiderkammer öffnet wieder")
    row.get_by_role("button", name="Zurückschicken").click()
    moderator.locator(".modal textarea").fill("Bitte ein Foto ergänzen.")
    _shot(moderator, "05-moderation-zurueckschicken")
    with moderator.expect_navigation():
        moderator.locator(".modal form button[type=submit]").click()
    state = WorkflowState.objects.get(
        object_id=str(world["waiting_short"].pk),
        base_content_type=ContentType.objects.get_for_model(NewsItem),
        status=WorkflowState.STATUS_NEEDS_CHANGES,
    )
    assert state.current_task_state.comment == "Bitte ein Foto ergänzen."
    _shot(moderator, "06-moderation-nach-entscheidung")

    assert {name: found for name, found in violations.items() if found} == {}


def test_no_wcag_a_or_aa_violations_on_bens_admin_screens(browser, live_server, world, axe):
    base = live_server.url
    news = world["draft"]
    content_type = ContentType.objects.get_for_model(NewsItem)
    screens = {
        "vereinsredaktionen": "/admin/club_memberships/",
        "vereinsredaktion-einladen": "/admin/club_memberships/new/",
        "plugins": "/admin/plugins/",
        "api-clients": "/admin/api_clients/",
        "api-client-anlegen": "/admin/api_clients/new/",
        "webhook-abonnements": "/admin/webhooks/webhooksubscription/",
        "webhook-zustellungen": "/admin/webhooks/webhookdelivery/",
        "vorschau-token": f"/admin/api/preview-token/{content_type.pk}/{news.pk}/",
        "engagementangebote": "/admin/snippets/snippets/volunteeropportunity/",
        "fortbildung-anlegen": "/admin/snippets/snippets/trainingoffer/add/",
        "dashboard": "/admin/",
    }
    page = _log_in(browser, base, "admin")
    violations = {}
    for name, path in screens.items():
        response = page.goto(f"{base}{path}")
        assert response.status == 200, path
        _shot(page, f"axe-{name}")
        if found := axe(page):
            violations[f"{name} ({path})"] = found
    assert violations == {}


#: English that Wagtail's German admin used to show an editor: hard-coded in its templates
#: ("Search"), its date picker ("Save Selected"), the tree's initial data ("Root"), the
#: server's time zone list ("localtime"), a German text built from a lower-cased model name
#: ("seite-Objekt"), untranslated labels, Wagtail's own name and "None" for what no one
#: published.
KNOWN_ENGLISH = (
    "localtime",
    "Save Selected",
    "Search",
    "Root",
    "-Objekt",
    "Anyone can edit",
    "Password",
    "Actions",
    "Breadcrumb",
    "Home",
    "Wagtail",
    "None",
)

READABLE_TEXT = """() => {
  // A button's own text, without parts marked hidden (Wagtail's empty counters say "None").
  const ownText = (element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll('[hidden]').forEach((part) => part.remove());
    return copy.textContent;
  };
  const texts = [document.title, document.body.innerText];
  for (const element of document.querySelectorAll('*')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      if (element.getAttribute(name)) texts.push(element.getAttribute(name));
    }
    if (element.matches('input[type=submit], input[type=button]')) texts.push(element.value);
    if (element.matches('option, button, .w-sr-only')) texts.push(ownText(element));
  }
  return texts.join('\\n');
}"""


def _english_on(page) -> list[str]:
    """Known English strings in what the page shows or reads out (screen-reader texts,
    labels, hidden buttons of the date picker), as words."""
    text = page.evaluate(READABLE_TEXT)
    return [word for word in KNOWN_ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def test_the_german_admin_screens_an_editor_uses_show_no_known_english(browser, live_server, world):
    # Wagtail's welcome page of a fresh database, which the demo loader deletes as well.
    Page.objects.filter(depth=2, title__startswith="Welcome to your new Wagtail site").delete()
    base = live_server.url
    club = world["club"]
    screens = {
        "redaktion-caritas": [
            "/admin/",
            "/admin/account/",
            f"/admin/pages/{club.pk}/",
            f"/admin/pages/{club.pk}/edit/",
            f"/admin/pages/add/pages/eventpage/{club.pk}/",
            "/admin/snippets/snippets/newsitem/",
            f"/admin/snippets/snippets/newsitem/edit/{world['draft'].pk}/",
            f"/admin/snippets/snippets/trainingoffer/add/?club={club.pk}",
            "/admin/images/",
        ],
        "moderation": [
            "/admin/",
            "/admin/pages/",
            f"/admin/pages/{club.pk}/edit/",
            "/admin/reports/aging-pages/",
        ],
        "admin": ["/admin/pages/"],  # the root level's help, the settings menu
    }
    found = {}
    for username, paths in screens.items():
        page = _log_in(browser, base, username)
        for path in paths:
            assert page.goto(f"{base}{path}").status == 200, path
            page.wait_for_load_state("networkidle")
            if "/edit/" in path:  # the status panel: locking, visibility, schedule
                page.click("[data-side-panel-toggle='status']")
            if english := _english_on(page):
                found[f"{username} {path}"] = english
    assert found == {}
