"""/healthz for load balancers: the database and the cache, each reported on its own.

200 when both answer, 503 when one does not. BEN keeps serving while Redis is down
(cms.core.cache), so a balancer may choose to keep such an instance; the body says which
part failed. Checked fresh on every call, never from a cache.
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database does not answer.")
        return False


def cache_answers() -> bool:
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return True  # in-process cache: answers whenever this process does
    try:
        return bool(backend._cache.get_client(write=True).ping())
    except Exception as error:
        logger.warning("Health check: cache does not answer (%s).", error)
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {"database": database_answers(), "cache": cache_answers()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        **{name: "ok" if passed else "unavailable" for name, passed in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)
