import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - loads the URLconf and its views before the freeze
# What the application loaded lives as long as the worker (about 200,000 objects). Frozen,
# it is out of the collector's sight: a full collection, which a request's allocations
# trigger now and then, no longer walks all of it (about 130 ms of CPU within one request
# on the benchmark machine, bench/event_windows.py).
gc.freeze()
