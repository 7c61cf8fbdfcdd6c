import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
django.setup(set_prefix=False)

from cms.api.fastpath import FastPathWSGIHandler  # noqa: E402 - needs Django set up

application = FastPathWSGIHandler()
