"""Test settings: built on base (never on production), fast and isolated.

DATABASE_URL and REDIS_URL still come from the environment so the same suite runs on
SQLite and on PostgreSQL + Redis.
"""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
# Unset: links follow the host each test request names and the default site of a fresh test
# database stays Wagtail's localhost:80 (cms.core.sites); tests of the base URL set it.
BEN_BASE_URL = ""
WAGTAILADMIN_BASE_URL = "http://localhost"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
API_RATE_LIMIT_ANONYMOUS = "100000/minute"

# Parallel test workers (pytest-xdist) share one Redis: give each its own key space so one
# worker's cache entries and invalidations never leak into another's assertions.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):  # noqa: F405
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    CACHES["default"]["KEY_PREFIX"] = f"{CACHES['default']['KEY_PREFIX']}-{worker}"  # noqa: F405

# Wagtail caches renditions, and each test rolls their rows back: a cached rendition would name
# a file without a row, which cms.moderation.media refuses to serve (it finds images by row).
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}  # noqa: F405
# Tests of the limits lower them for one test and use addresses of their own.
INTAKE_RATE_LIMIT_IP = "100000/minute"
INTAKE_RATE_LIMIT_EMAIL = "100000/minute"
