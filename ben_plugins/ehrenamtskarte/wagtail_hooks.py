"""Admin: the rule sets, a club's Sammelanträge, the partners' CSV and the statistics, grouped
under „Ehrenamtskarte“ in the main menu (the inboxes come from the personal-data declarations)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from ben_plugins.core.menu import PluginMenuItem

from .admin_views import (
    FILING_CLUBS,
    OFFICE_ACCESS,
    GroupApplicationsView,
    PartnerCsvView,
    StatisticsView,
)
from .models import RuleSet


class RuleSetViewSet(ModelViewSet):
    """The criteria as data; a change of the state's rules is a new set with a valid-from."""

    model = RuleSet
    icon = "list-ul"
    menu_label = "Regelwerke"
    add_to_admin_menu = False
    list_display = ["name", "valid_from", "min_hours_per_year", "min_age"]
    form_fields = [
        "name",
        "valid_from",
        "min_age",
        "min_hours_per_week",
        "min_hours_per_year",
        "weeks_per_year",
        "min_months",
        "jubilee_years",
        "validity_years",
    ]
    copy_view_enabled = False


rule_set_viewset = RuleSetViewSet("ehrenamtskarte_rule_sets")


@hooks.register("register_admin_viewset")
def register_rule_set_viewset():
    return rule_set_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "ehrenamtskarte-sammelantraege/",
            GroupApplicationsView.as_view(),
            name="ehrenamtskarte_group_applications",
        ),
        path(
            "ehrenamtskarte-vorteilspartner/",
            PartnerCsvView.as_view(),
            name="ehrenamtskarte_partners",
        ),
        path(
            "ehrenamtskarte-statistik/",
            StatisticsView.as_view(),
            name="ehrenamtskarte_statistics",
        ),
    ]


class AllowedMenuItem(PluginMenuItem):
    def __init__(self, *args, allowed, **kwargs):
        self.allowed = allowed
        super().__init__("ehrenamtskarte", *args, **kwargs)

    def is_shown(self, request):
        return super().is_shown(request) and self.allowed(request.user)


def may_edit_rules(user) -> bool:
    return user.has_perm("ehrenamtskarte.change_ruleset")


@hooks.register("register_admin_menu_item")
def register_menu():
    items = [
        AllowedMenuItem(
            "Sammelanträge",
            reverse("ehrenamtskarte_group_applications"),
            icon_name="group",
            allowed=FILING_CLUBS.may_list,
        ),
        AllowedMenuItem(
            "Vorteilspartner (CSV)",
            reverse("ehrenamtskarte_partners"),
            icon_name="table",
            allowed=OFFICE_ACCESS.may_list,
        ),
        AllowedMenuItem(
            "Regelwerke",
            reverse(rule_set_viewset.get_url_name("index")),
            icon_name="list-ul",
            allowed=may_edit_rules,
        ),
        AllowedMenuItem(
            "Statistik",
            reverse("ehrenamtskarte_statistics"),
            icon_name="table",
            allowed=lambda user: user.is_active,
        ),
    ]
    return SubmenuMenuItem("Ehrenamtskarte", Menu(items=items), icon_name="tag", order=820)
