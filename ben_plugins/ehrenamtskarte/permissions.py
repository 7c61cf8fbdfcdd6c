"""The office edits the rule sets (after every migrate, like the personal-data groups)."""

from django.contrib.auth.models import Group, Permission

from .models import OFFICE


def grant_office_permissions(**kwargs) -> None:
    permissions = Permission.objects.filter(
        content_type__app_label="ehrenamtskarte",
        codename__in=["add_ruleset", "change_ruleset", "view_ruleset"],
    )
    if permissions:
        group, _ = Group.objects.get_or_create(name=OFFICE)
        group.permissions.add(*permissions)
