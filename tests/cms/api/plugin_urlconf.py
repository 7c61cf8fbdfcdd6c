"""A URLconf built after a test registered an extra endpoint, as a plugin would at startup."""

from django.urls import include, path

from cms.api.urls import app_name, build_urlpatterns

urlpatterns = [path("api/v1/", include((build_urlpatterns(), app_name)))]
