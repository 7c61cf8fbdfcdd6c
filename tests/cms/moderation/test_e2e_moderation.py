"""End to end in headless Chromium: an editor changes the club profile and submits it, a
moderator finds it on the dashboard and approves it, the public page shows the change.

Screenshots of every step go to test-artifacts/e2e/. Every page runs under BEN's
Content-Security-Policy; the browser console must not report a violation of it.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Site

from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS, setup_all
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.users import DEFAULT_PASSWORD, UserFactory

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "e2e"
NEW_MEETING_TIMES = "Jeden zweiten Donnerstag, 18 Uhr, im Pfarrheim (E2E-Test)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def club_world():
    setup_all()
    club = ClubPageFactory(
        parent=build_site_tree().clubs, title="Caritasverband Westeifel e.V.", slug="caritas"
    )
    club.save_revision().publish()
    editor = UserFactory(username="redaktion-caritas", first_name="Carla")
    ClubMembership.objects.create(user=editor, club=club)
    moderator = UserFactory(username="moderation", first_name="Monika")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    return club


@pytest.fixture
def console_errors():
    """Console errors of every page the test opens; CSP violations are reported there."""
    return []


def _watch(page, console_errors):
    page.on(
        "console",
        lambda m: m.type == "error" and console_errors.append(f"{page.url}: {m.text} {m.location}"),
    )
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    return page


def _shot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _log_in(browser, base_url, username, console_errors):
    page = _watch(browser.new_context(locale="de-DE").new_page(), console_errors)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def _open_action_menu(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_editor_submits_moderator_approves_public_page_changes(
    browser, live_server, club_world, console_errors
):
    club = club_world
    base = live_server.url
    public_path = club.relative_url(Site.objects.get(is_default_site=True))

    editor = _log_in(browser, base, "redaktion-caritas", console_errors)
    _shot(editor, "01-redaktion-dashboard")
    editor.goto(f"{base}/admin/pages/{club.pk}/edit/")
    editor.fill("#id_meeting_times", NEW_MEETING_TIMES)
    _shot(editor, "02-redaktion-bearbeitet-vereinsprofil")
    _open_action_menu(editor)
    editor.locator("button[name='action-submit']").click()
    editor.wait_for_load_state("networkidle")
    _shot(editor, "03-redaktion-eingereicht")
    club.refresh_from_db()
    assert club.workflow_in_progress
    assert NEW_MEETING_TIMES not in editor.goto(f"{base}{public_path}").text()

    moderator = _log_in(browser, base, "moderation", console_errors)
    panel = moderator.locator("[data-ben-waiting-submissions]")
    assert "Caritasverband Westeifel e.V." in panel.inner_text()
    _shot(moderator, "04-moderation-dashboard-wartet")
    panel.get_by_role("link", name=club.title, exact=True).click()
    moderator.wait_for_load_state("networkidle")
    _open_action_menu(moderator)
    _shot(moderator, "05-moderation-freigabe-menue")
    moderator.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    moderator.wait_for_load_state("networkidle")
    _shot(moderator, "06-moderation-freigegeben")

    public = _watch(browser.new_page(), console_errors)
    public.goto(f"{base}{public_path}")
    _shot(public, "07-oeffentliche-seite")
    assert NEW_MEETING_TIMES in public.content()
    violations = [error for error in console_errors if "Content Security Policy" in error]
    assert violations == [], "\n".join(violations)
