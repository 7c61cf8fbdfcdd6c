"""Discovery: built-in and entry-point plugins load; broken ones are reported, not fatal."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

from ben_plugins.core import checks, discovery
from ben_plugins.core.discovery import Candidate

ROOT = Path(__file__).resolve().parents[3]


def test_builtin_and_entry_point_plugins_are_installed_apps():
    assert {"ben_plugins.webhooks", "ben_plugins.feeds", "ben_example_plugin"} <= set(
        settings.INSTALLED_APPS
    )


def test_example_plugin_comes_from_its_entry_point_not_from_the_source_tree():
    names = {candidate.name: candidate for candidate in discovery.candidates()}
    assert names["example"].app == "ben_example_plugin"
    assert names["example"].source == "package ben-example-plugin"


@pytest.fixture
def fake_candidates(monkeypatch):
    """Run discovery over the given candidates instead of the installed ones."""
    saved_problems = list(discovery.PROBLEMS)
    saved_skipped = list(discovery.SKIPPED_BY_SETTING)
    saved_unknown = list(discovery.UNKNOWN_DISABLED)

    def install(*candidates):
        monkeypatch.setattr(discovery, "candidates", lambda: list(candidates))

    yield install
    discovery.PROBLEMS[:] = saved_problems
    discovery.SKIPPED_BY_SETTING[:] = saved_skipped
    discovery.UNKNOWN_DISABLED[:] = saved_unknown


FIXTURES = "tests.ben_plugins.core.plugin_fixtures"


def test_a_plugin_that_fails_to_import_is_skipped_and_reported(fake_candidates):
    fake_candidates(
        Candidate("ok", "ben_plugins.feeds", "built-in"),
        Candidate("kaputt", f"{FIXTURES}.broken", "package kaputt-plugin"),
    )
    assert discovery.discover_plugin_apps() == ["ben_plugins.feeds"]
    [warning] = checks.check_discovery()
    assert warning.id == "ben_plugins.W001"
    assert "'kaputt' (package kaputt-plugin) was not loaded" in warning.msg
    assert "RuntimeError: Plugin absichtlich kaputt" in warning.msg


def test_an_incompatible_plugin_is_skipped_with_the_required_version(fake_candidates):
    fake_candidates(Candidate("zukunft", f"{FIXTURES}.incompatible", "package zukunft"))
    assert discovery.discover_plugin_apps() == []
    [warning] = checks.check_discovery()
    assert "Requires BEN CMS >=99.0; 0.1.0 is installed." in warning.msg


def test_an_app_without_plugin_meta_is_not_a_plugin(fake_candidates):
    fake_candidates(Candidate("ohne", f"{FIXTURES}.without_meta", "package ohne"))
    assert discovery.discover_plugin_apps() == []
    assert "has no AppConfig with a 'plugin_meta' attribute" in discovery.PROBLEMS[0].message


def test_a_missing_module_and_a_duplicate_name_are_reported(fake_candidates):
    fake_candidates(
        Candidate("feeds", "ben_plugins.feeds", "built-in"),
        Candidate("feeds", "ben_plugins.webhooks", "package nachahmer"),
        Candidate("weg", "no_such_plugin_module", "package weg"),
    )
    assert discovery.discover_plugin_apps() == ["ben_plugins.feeds"]
    messages = [problem.message for problem in discovery.PROBLEMS]
    assert messages[0] == "Name already taken by built-in."
    assert "ModuleNotFoundError" in messages[1]


def test_a_plugin_taking_a_used_app_label_is_left_out(fake_candidates):
    fake_candidates(
        Candidate("feeds", "ben_plugins.feeds", "built-in"),
        Candidate("zukunft", f"{FIXTURES}.incompatible", "package zukunft"),
        Candidate("pages", f"{FIXTURES}.label_pages", "package seiten"),
    )
    apps = discovery.discover_plugin_apps(installed_apps=["cms.pages", "wagtail.admin"])
    assert apps == ["ben_plugins.feeds"]
    assert discovery.PROBLEMS[-1].message == "App label 'pages' is already taken by a core app."


def test_disabled_names_are_left_out(fake_candidates):
    fake_candidates(
        Candidate("feeds", "ben_plugins.feeds", "built-in"),
        Candidate("webhooks", "ben_plugins.webhooks", "built-in"),
    )
    assert discovery.discover_plugin_apps(disabled=["webhooks"]) == ["ben_plugins.feeds"]
    assert discovery.SKIPPED_BY_SETTING == ["webhooks"]
    assert discovery.PROBLEMS == []
    assert checks.check_discovery() == []


def test_a_misspelt_disabled_name_is_reported_not_ignored(fake_candidates):
    fake_candidates(Candidate("webhooks", "ben_plugins.webhooks", "built-in"))
    assert discovery.discover_plugin_apps(disabled=["webhook"]) == ["ben_plugins.webhooks"]
    [warning] = checks.check_discovery()
    assert warning.id == "ben_plugins.W002"
    assert warning.msg == "BEN_PLUGINS_DISABLED names unknown plugins: webhook."


def _run_django(code: str, env: dict, extra_path: Path | None = None):
    python_path = [str(ROOT)] + ([str(extra_path)] if extra_path else [])
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **env,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "PYTHONPATH": ":".join(python_path),
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_ben_plugins_disabled_environment_variable_excludes_plugins():
    result = _run_django(
        "from django.conf import settings; print(settings.INSTALLED_APPS)",
        {"BEN_PLUGINS_DISABLED": "webhooks, example"},
    )
    assert result.returncode == 0, result.stderr
    assert "ben_plugins.feeds" in result.stdout
    assert "ben_plugins.webhooks" not in result.stdout
    assert "ben_example_plugin" not in result.stdout


def test_a_broken_installed_distribution_does_not_stop_manage_py(tmp_path):
    """A real package with a broken entry point: `manage.py check` still runs and warns."""
    (tmp_path / "kaputtes_plugin").mkdir()
    (tmp_path / "kaputtes_plugin" / "__init__.py").write_text("raise ImportError('kaputt')\n")
    dist_info = tmp_path / "kaputtes_plugin-1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: kaputtes-plugin\nVersion: 1.0\n"
    )
    (dist_info / "entry_points.txt").write_text(
        textwrap.dedent(
            """\
            [ben_cms.plugins]
            kaputt = kaputtes_plugin
            """
        )
    )
    result = _run_django(
        "import django; from django.core.management import call_command; "
        "django.setup(); call_command('check')",
        {},
        extra_path=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "ben_plugins.W001" in result.stderr
    assert "Plugin 'kaputt' (package kaputtes-plugin) was not loaded" in result.stderr
    assert "ImportError: kaputt" in result.stderr
