"""Benchmark only: production settings plus Wagtail's API v2 as the peer of /api/v1/."""

from cms.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
