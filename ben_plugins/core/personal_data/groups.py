"""The groups named in declarations exist, may open the admin (after every migrate) and log in
with a second factor."""

from django.contrib.auth.models import Group, Permission

from .declarations import declared_models


def declared_groups() -> set[str]:
    return {name for model in declared_models() for name in model.personal_data.access.groups}


def ensure_access_groups(**kwargs) -> None:
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in declared_groups():
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin:
            group.permissions.add(access_admin)
