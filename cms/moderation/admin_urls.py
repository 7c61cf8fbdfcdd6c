"""Admin URLs that replace Wagtail's own: included in front of ``wagtail.admin.urls``."""

from cms.core.wagtail_patches import replace_admin_view

from .visibility import ChosenMultiplePagesView

urlpatterns = [
    replace_admin_view("choose-page/chosen-multiple/", ChosenMultiplePagesView.as_view()),
]
