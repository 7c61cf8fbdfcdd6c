"""Admin URLs that replace Wagtail's own: included in front of ``wagtail.admin.urls``."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from .visibility import ChosenMultiplePagesView

urlpatterns = [
    path(
        "choose-page/chosen-multiple/",
        require_admin_access(ChosenMultiplePagesView.as_view()),
    ),
]
