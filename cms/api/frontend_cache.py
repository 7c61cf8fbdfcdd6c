"""Purging Varnish (or a CDN) by surrogate key when content changes.

Every cacheable API response names what it shows in its ``xkey`` and ``Surrogate-Key``
headers (cms.api.caching.surrogate_keys). When generations are bumped, the same keys are
purged here: the first attempt right after the commit, in the request that changed the
content; a failed attempt is logged and retried through the background task queue
(django-tasks, ``manage.py db_worker`` in production) with growing delays. With a task
backend that cannot defer (``TASKS_BACKEND=immediate``) a failure is logged once and not
retried: retrying at once would hold up the publishing request.

The caches are Wagtail frontend-cache backends (``WAGTAILFRONTENDCACHE``, one per URL in
``FRONTEND_CACHE_URL``): ``SurrogateKeyBackend`` is Wagtail's HTTP backend (which purges a
URL with ``PURGE``) that also purges keys. No configured backend: nothing is sent.
"""

import http.client
import logging
from datetime import timedelta
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)

#: The request header that names the keys to purge; deploy/varnish/ben.vcl reads it.
PURGE_HEADER = "xkey-purge"


class PurgeFailed(Exception):
    pass


class SurrogateKeyBackend(HTTPBackend):
    """``PURGE /`` with ``xkey-purge: key key …`` to a Varnish running deploy/varnish/ben.vcl
    (varnish-modules' xkey); single URLs as Wagtail's own HTTP backend does."""

    def __init__(self, params):
        location = params["LOCATION"]
        super().__init__(params)
        self.location = location
        self.timeout = params.get("TIMEOUT", 5.0)

    def purge_keys(self, keys) -> None:
        """Raises PurgeFailed unless the cache confirms the purge (2xx)."""
        try:
            scheme, netloc, *_ = urlsplit(self.location)
            request = PurgeRequest(
                url=urlunsplit((scheme, netloc, "/", "", "")),
                headers={PURGE_HEADER: " ".join(sorted(keys)), "User-Agent": "BEN-CMS-purge"},
            )
            with urlopen(request, timeout=self.timeout) as response:
                response.read()
        except HTTPError as error:
            raise PurgeFailed(f"HTTP {error.code} {error.reason}") from error
        except (URLError, OSError) as error:
            raise PurgeFailed(str(getattr(error, "reason", error))) from error
        except (ValueError, http.client.HTTPException) as error:
            # A location urlopen cannot use (no scheme, a broken host) or a garbled answer:
            # a failed purge like any other, not an error in the publishing request.
            raise PurgeFailed(f"{type(error).__name__}: {error}") from error


def configured_backends() -> dict:
    return get_backends(getattr(settings, "WAGTAILFRONTENDCACHE", None) or {})


def purge(keys) -> None:
    """Purge these surrogate keys from every configured cache now; failures are retried
    in the background."""
    keys = sorted(set(keys))
    if not keys:
        return
    for name in configured_backends():
        attempt_purge(name, keys, attempt=1)


def attempt_purge(name: str, keys: list[str], attempt: int) -> bool:
    backend = configured_backends().get(name)
    if backend is None:
        return False  # configuration changed since the purge was queued
    try:
        backend.purge_keys(keys)
    except PurgeFailed as error:
        can_retry = retry_purge.get_backend().supports_defer
        final = attempt >= settings.FRONTEND_CACHE_MAX_ATTEMPTS or not can_retry
        logger.warning(
            "Purge of %s at %s failed (attempt %d of %d%s): %s",
            " ".join(keys),
            name,
            attempt,
            settings.FRONTEND_CACHE_MAX_ATTEMPTS,
            ", giving up" + ("" if can_retry else ": the task backend cannot defer a retry")
            if final
            else "",
            error,
        )
        if not final:
            schedule_retry(name, keys, attempt + 1)
        return False
    return True


@task()
def retry_purge(name: str, keys: list[str], attempt: int) -> bool:
    return attempt_purge(name, keys, attempt)


def schedule_retry(name: str, keys: list[str], attempt: int) -> None:
    """After RETRY_SECONDS, doubling per attempt, in the task queue (db_worker). A task
    backend that cannot defer (the immediate backend of development and tests) would retry
    inside the publishing request, so attempt_purge gives up after the first attempt there."""
    delay = settings.FRONTEND_CACHE_RETRY_SECONDS * 2 ** (attempt - 2)
    run_after = timezone.now() + timedelta(seconds=delay)
    retry_purge.using(run_after=run_after).enqueue(name, keys, attempt)
