"""Admin URLs that replace Wagtail's own: included in front of ``wagtail.admin.urls``."""

from cms.core.wagtail_patches import replace_admin_view

from .visibility import ChosenMultiplePagesView, PageTypesUsageReportForPublishers

urlpatterns = [
    replace_admin_view("choose-page/chosen-multiple/", ChosenMultiplePagesView.as_view()),
    replace_admin_view("reports/page-types-usage/", PageTypesUsageReportForPublishers.as_view()),
    replace_admin_view(
        "reports/page-types-usage/results/",
        PageTypesUsageReportForPublishers.as_view(results_only=True),
    ),
]
