"""Admin screens for the Ehrenamtsagentur: the figures report and the expired offers.

The interest messages' inbox is generated from their personal-data declaration (ClubAccess:
club editors see their own clubs' messages, moderators all of them).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import LogFormatter

from cms.core import sites

from . import figures
from .charts import bar_chart
from .daily import EXTEND_LOG_ACTION, expired_offers
from .models import MODERATORS

#: Administrators as named by cms.moderation.roles.ADMINISTRATORS.
ADMINISTRATORS = "Administratoren"


def is_agency(user) -> bool:
    """Moderators (the Ehrenamtsagentur) and administrators."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=[MODERATORS, ADMINISTRATORS]).exists()


class AgencyOnlyMixin:
    """Others get a plain 403 (Wagtail would redirect a PermissionDenied to the dashboard)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_agency(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


MONTH_NAMES = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{MONTH_NAMES[int(number) - 1]} {year}"


class ReportView(AgencyOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "vermittlung/report.html"
    page_title = "Vermittlung: Kennzahlen"

    def get_context_data(self, **kwargs):
        data = figures.compute()
        months = data["interests_per_month"]
        charts = [
            bar_chart(
                "monate",
                "Interessensbekundungen pro Monat",
                "Balkendiagramm: bestätigte Interessensbekundungen je Monat der letzten 12 Monate.",
                "Monat",
                [(month_label(row["month"]), row["interests"]) for row in months],
            ),
            bar_chart(
                "vermittlungen",
                "Vermittlungen pro Monat",
                "Balkendiagramm: als „Vermittelt“ abgeschlossene Interessensbekundungen je Monat.",
                "Monat",
                [(month_label(row["month"]), row["placements"]) for row in months],
            ),
            bar_chart(
                "kategorien",
                "Interessensbekundungen nach Kategorie",
                "Balkendiagramm: Interessensbekundungen je Kategorie des Angebots.",
                "Kategorie",
                [(row["name"], row["interests"]) for row in data["interests_by_category"]],
            ),
            bar_chart(
                "vereine",
                "Interessensbekundungen nach Verein",
                "Balkendiagramm: Interessensbekundungen je Verein.",
                "Verein",
                [(row["name"], row["interests"]) for row in data["interests_by_club"]],
            ),
        ]
        json_url = sites.absolute_url(reverse("vermittlung:figures"), self.request)
        return super().get_context_data(figures=data, charts=charts, json_url=json_url, **kwargs)


class ExpiredOffersView(AgencyOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "vermittlung/expired.html"
    page_title = "Abgelaufene Engagementangebote"

    def get_context_data(self, **kwargs):
        return super().get_context_data(offers=expired_offers(), **kwargs)


@hooks.register("register_log_actions")
def register_extend_log_action(actions):
    @actions.register_action(EXTEND_LOG_ACTION)
    class ReviewDateExtended(LogFormatter):
        label = "Prüfdatum verlängert"

        def format_message(self, log_entry):
            new_date = dt.date.fromisoformat(log_entry.data["review_by"])
            return f"Prüfdatum per Link aus der Erinnerung verlängert bis {new_date:%d.%m.%Y}"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("vermittlung/kennzahlen/", ReportView.as_view(), name="vermittlung_report"),
        path("vermittlung/abgelaufen/", ExpiredOffersView.as_view(), name="vermittlung_expired"),
    ]


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_agency(request.user)


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return AgencyMenuItem(
        "Vermittlung: Kennzahlen",
        reverse("vermittlung_report"),
        icon_name="table",
        order=960,
    )


@hooks.register("register_admin_menu_item")
def register_expired_menu_item():
    return AgencyMenuItem(
        "Abgelaufene Angebote",
        reverse("vermittlung_expired"),
        icon_name="time",
        order=961,
    )
