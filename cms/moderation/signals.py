"""Keep club groups and workflow assignments in step with clubs and memberships."""

from django.db.models.signals import post_delete, post_save

from cms.pages.models import ClubIndexPage, ClubPage

from . import media
from .models import ClubMembership
from .policies import forget_club_ids
from .roles import attach_workflow_to_page, ensure_club_group, sync_user_club_groups


def _club_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A new club gets its group and collection; publishing a new title renames the collection
    (drafts are saved with update_fields)."""
    if not raw and (created or update_fields is None):
        ensure_club_group(instance)


def _club_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        attach_workflow_to_page(instance)


def _membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    sync_user_club_groups(instance.user)
    forget_club_ids(instance.user)


def connect() -> None:
    media.connect()
    post_save.connect(_club_saved, sender=ClubPage, dispatch_uid="ben_club_group")
    post_save.connect(_club_index_saved, sender=ClubIndexPage, dispatch_uid="ben_club_workflow")
    post_save.connect(_membership_changed, sender=ClubMembership, dispatch_uid="ben_member_add")
    post_delete.connect(_membership_changed, sender=ClubMembership, dispatch_uid="ben_member_del")
