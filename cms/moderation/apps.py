from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    """Club memberships, the club permission policy and the "BEN-Freigabe" workflow.

    Must be listed in INSTALLED_APPS before the wagtail apps: ready() registers the club
    permission policy for every concrete ClubContent model before Wagtail's snippet
    viewsets would create a fallback policy for them.
    """

    name = "cms.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self):
        from . import checks, forms, notifications, policies, roles, signals  # noqa: F401

        policies.register_club_content_policies()
        forms.restrict_club_choices_in_page_forms()
        notifications.replace_wagtail_workflow_notifiers()
        signals.connect()
        post_migrate.connect(roles.setup_after_last_app_migrated, dispatch_uid="ben_setup_roles")
