"""Configuration comes from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x7Jq-production-secret-key-that-is-long-and-random-enough-0123456789",
    "ALLOWED_HOSTS": "ben.example.org",
    "BEN_BASE_URL": "https://ben.example.org",
    "VERMITTLUNG_AGENCY_EMAIL": "ehrenamt@ben.example.org",
}


def run_django(args, settings, **env):
    """Run manage.py in a clean process so settings are read from this environment only."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def print_settings(settings, expression, **env):
    code = f"from django.conf import settings; print(repr(({expression},)))"
    return run_django(["shell", "--no-imports", "-c", code], settings, **env)


def test_production_deploy_check_is_clean():
    result = run_django(
        ["check", "--deploy", "--fail-level", "WARNING"],
        "cms.settings.production",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_queues_background_tasks_in_the_database_by_default():
    result = print_settings(
        "cms.settings.production", "settings.TASKS['default']['BACKEND']", **PRODUCTION_ENV
    )
    assert result.stdout.strip() == "('django_tasks_db.backend.DatabaseBackend',)", result.stderr
    immediate = print_settings(
        "cms.settings.production",
        "settings.TASKS['default']['BACKEND']",
        **PRODUCTION_ENV,
        TASKS_BACKEND="immediate",
    )
    assert "ImmediateBackend" in immediate.stdout


def test_production_trusts_x_forwarded_proto_only_when_told_a_proxy_sets_it():
    expression = "getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)"
    direct = print_settings("cms.settings.production", expression, **PRODUCTION_ENV)
    assert direct.stdout.strip() == "(None,)", direct.stderr
    proxied = print_settings(
        "cms.settings.production", expression, **PRODUCTION_ENV, TRUST_X_FORWARDED_PROTO="true"
    )
    assert proxied.stdout.strip() == "(('HTTP_X_FORWARDED_PROTO', 'https'),)"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "BEN_BASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_django(["check"], "cms.settings.production", **env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production." in result.stderr


def test_sqlite_is_the_default_and_database_url_switches_to_postgres():
    default = print_settings("cms.settings.dev", "settings.DATABASES['default']['ENGINE']")
    assert default.stdout.strip() == "('django.db.backends.sqlite3',)"
    postgres = print_settings(
        "cms.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://ben@db.example.org:5432/ben",
    )
    assert postgres.stdout.strip() == "('django.db.backends.postgresql', 'ben')"


def test_redis_url_switches_the_cache_to_redis():
    expression = "settings.CACHES['default']['BACKEND']"
    assert "LocMemCache" in print_settings("cms.settings.dev", expression).stdout
    redis = print_settings("cms.settings.dev", expression, REDIS_URL="redis://127.0.0.1:6379/1")
    assert redis.stdout.strip() == "('cms.core.cache.DegradingRedisCache',)"


def test_admin_is_german_by_default_with_english_available():
    result = print_settings(
        "cms.settings.dev",
        "settings.LANGUAGE_CODE, settings.TIME_ZONE, "
        "dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)",
    )
    assert result.stdout.strip() == ("('de', 'Europe/Berlin', {'de': 'Deutsch', 'en': 'English'})")


def test_malformed_boolean_is_refused_with_a_clear_message():
    result = run_django(["check"], "cms.settings.dev", DEBUG="vielleicht")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_deploy_check_warns_while_tasks_run_inside_requests():
    env = {**PRODUCTION_ENV, "TASKS_BACKEND": "immediate"}
    result = run_django(["check", "--deploy"], "cms.settings.production", **env)
    assert "webhooks.W001" in result.stderr


def test_deploy_check_warns_without_the_agency_address():
    env = {**PRODUCTION_ENV, "VERMITTLUNG_AGENCY_EMAIL": ""}
    result = run_django(["check", "--deploy"], "cms.settings.production", **env)
    assert "vermittlung.W001" in result.stderr


def test_unknown_tasks_backend_is_refused():
    result = run_django(["check"], "cms.settings.dev", TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of ['database', 'immediate']." in result.stderr


def test_every_frontend_cache_url_becomes_a_purged_cache():
    result = print_settings(
        "cms.settings.dev",
        "[c['LOCATION'] for c in settings.WAGTAILFRONTENDCACHE.values()]",
        FRONTEND_CACHE_URL="http://varnish-1.internal:6081, https://[::1]:6081",
    )
    assert result.stdout.strip() == (
        "(['http://varnish-1.internal:6081', 'https://[::1]:6081'],)"
    ), result.stderr


@pytest.mark.parametrize(
    "value", ["127.0.0.1:6081", "http://[::1", "ftp://varnish.internal", "http://varnish:port"]
)
def test_a_frontend_cache_url_that_is_no_http_url_is_refused_at_start(value):
    """A purge to it would fail on every publish; better not to start."""
    result = print_settings(
        "cms.settings.dev", "settings.WAGTAILFRONTENDCACHE", FRONTEND_CACHE_URL=f"http://a,{value}"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: FRONTEND_CACHE_URL" in result.stderr
    assert repr(value) in result.stderr


@pytest.mark.parametrize("value", ["http://", "www.bitburg.de/datenschutz", "https://x:port/"])
def test_a_privacy_url_that_is_no_http_url_is_refused_at_start(value):
    """The forms would link to nowhere while taking personal data."""
    result = print_settings("cms.settings.dev", "settings.BEN_PRIVACY_URL", BEN_PRIVACY_URL=value)
    assert result.returncode != 0
    assert "ImproperlyConfigured: BEN_PRIVACY_URL" in result.stderr


def test_a_privacy_url_elsewhere_is_taken_as_it_is():
    url = "https://www.bitburg.de/datenschutz"
    result = print_settings("cms.settings.dev", "settings.BEN_PRIVACY_URL", BEN_PRIVACY_URL=url)
    assert result.stdout.strip() == f"({url!r},)", result.stderr
