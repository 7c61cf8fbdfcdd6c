"""Fixtures shared by the whole suite: the site tree every content test hangs off."""

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django_tasks import task_backends
from wagtail.models import Page, Site

from cms.api.invalidation import invalidate
from tests.factories.pages import (
    BenefitPartnerIndexPageFactory,
    ClubIndexPageFactory,
    EventIndexPageFactory,
    HomePageFactory,
    LegalPageFactory,
    StrategyIndexPageFactory,
)
from tests.factories.plugins import import_plugin_factories
from tests.factories.users import SuperuserFactory
from tests.purges import RECORDING, RecordingBackend

import_plugin_factories()


@dataclass
class SiteTree:
    home: object
    strategy: object
    clubs: object
    events: object
    benefits: object
    privacy: object


def build_site_tree() -> SiteTree:
    """A HomePage as the default site's root, with one index page per section and the
    privacy notice (every public form must link to one: ben_plugins.core.privacy)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return SiteTree(
        home=home,
        strategy=StrategyIndexPageFactory(parent=home),
        clubs=ClubIndexPageFactory(parent=home),
        events=EventIndexPageFactory(parent=home),
        benefits=BenefitPartnerIndexPageFactory(parent=home),
        privacy=LegalPageFactory(parent=home, title="Datenschutzerklärung", slug="datenschutz"),
    )


@pytest.fixture
def site_tree(db) -> SiteTree:
    return build_site_tree()


@pytest.fixture
def superuser(db):
    return SuperuserFactory(username="admin")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def task_queue(settings):
    """A task backend that only records what is enqueued (``run_queued`` runs it): every
    email leaves from the queue, so a test sees what a request queued and that it sent
    nothing itself."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend


def run_queued(queue, only=None) -> None:
    """Run what ``task_queue`` recorded, as ``manage.py db_worker`` would, and forget it;
    with ``only`` (task names), just those tasks."""
    for result in list(queue.results):
        if only is None or result.task.name in only:
            result.task.call(*result.args, **result.kwargs)
    queue.clear()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser(monkeypatch):
    """Debian's Chromium through Playwright, for every browser test of the suite."""
    if not shutil.which(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django must allow its ORM calls meanwhile.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SETTLED = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.fixture
def axe():
    """axe-core's WCAG 2.1 A/AA violations of a Playwright page, as "rule: target" lines.

    The page's context needs bypass_csp=True: BEN's CSP refuses the injected script."""
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: run `npm ci` in the project directory."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def violations(page) -> list[str]:
        # Colours are judged as they end, not halfway through a fade (flaky on a busy machine).
        page.add_style_tag(content=SETTLED)
        page.evaluate("document.fonts.ready")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_A_AA
        )
        return [
            f"{violation['id']}: {node['target']}"
            for violation in result["violations"]
            for node in violation["nodes"]
        ]

    return violations


@pytest.fixture
def purges(django_capture_on_commit_callbacks):
    """The surrogate keys purged from a recording cache in front (``purges.purged``), from
    now on; ``purges.failing = True`` makes each purge fail."""
    with django_capture_on_commit_callbacks(execute=True):
        invalidate(())  # what earlier tests' rolled-back transactions left pending
    RecordingBackend.purged = []
    RecordingBackend.failing = False
    with override_settings(WAGTAILFRONTENDCACHE=RECORDING):
        yield RecordingBackend
    RecordingBackend.failing = False
