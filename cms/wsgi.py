import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

from cms.api.fastpath import FastPathApplication  # noqa: E402 - needs Django set up

application = FastPathApplication(django_application)
