"""The club permission policy: club editors act on their own clubs' content, moderators on all.

Every concrete subclass of ``cms.moderation.club_content.ClubContent`` – in any installed app, so
plugins included – gets this policy registered automatically from ``ModerationConfig.ready``.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from .club_content import ClubContent
from .models import ClubMembership

# What membership in a club allows on that club's content. Never "publish": every change
# by a club editor goes through the "BEN-Freigabe" workflow.
CLUB_EDITOR_ACTIONS = frozenset({"add", "change", "view", "lock", "delete"})

_CLUB_IDS_CACHE = "_ben_club_ids"


def club_ids_for(user) -> frozenset[int]:
    """The ids of the clubs the user edits, cached on the user object for the request."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, _CLUB_IDS_CACHE):
        ids = ClubMembership.objects.filter(user=user).values_list("club_id", flat=True)
        setattr(user, _CLUB_IDS_CACHE, frozenset(ids))
    return getattr(user, _CLUB_IDS_CACHE)


def forget_club_ids(user) -> None:
    """Drop the cached club ids after the user's memberships changed."""
    if hasattr(user, _CLUB_IDS_CACHE):
        delattr(user, _CLUB_IDS_CACHE)


def club_content_models() -> list[type[ClubContent]]:
    """Every concrete ClubContent model of every installed app."""
    return [model for model in apps.get_models() if issubclass(model, ClubContent)]


class ClubContentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (groups) for moderators and administrators, memberships for clubs.

    Django permissions on the model grant an action on every instance. Club membership
    grants ``CLUB_EDITOR_ACTIONS`` on instances whose club is one of the user's clubs;
    club editors may delete only content that is not live (as Wagtail does for pages
    of editors without publish permission).
    """

    def user_has_global_permission(self, user, action):
        return user.is_active and super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self.user_has_global_permission(user, action):
            return True
        return action in CLUB_EDITOR_ACTIONS and bool(club_ids_for(user))

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if CLUB_EDITOR_ACTIONS.intersection(actions):
            users = _union(users, get_user_model().objects.filter(club_memberships__isnull=False))
        return users

    @staticmethod
    def membership_grants(action, instance) -> bool:
        """Whether membership in the instance's club allows the action on it."""
        return action in CLUB_EDITOR_ACTIONS and (action != "delete" or not instance.live)

    def user_has_permission_for_instance(self, user, action, instance):
        if self.user_has_global_permission(user, action):
            return True
        return self.membership_grants(action, instance) and instance.club_id in club_ids_for(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if any(self.user_has_global_permission(user, action) for action in actions):
            return manager.all()
        editor_actions = CLUB_EDITOR_ACTIONS.intersection(actions)
        if not editor_actions:
            return manager.none()
        own = manager.filter(club_id__in=club_ids_for(user))
        if editor_actions == {"delete"}:
            own = own.filter(live=False)
        return own

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission(actions)
        if any(self.membership_grants(action, instance) for action in actions):
            members = get_user_model().objects.filter(club_memberships__club_id=instance.club_id)
            users = _union(users, members)
        return users


def _union(users, more_users):
    """Active users in either queryset, as one queryset without duplicate rows."""
    return get_user_model().objects.filter(
        Q(pk__in=users.values("pk")) | Q(pk__in=more_users.values("pk")), is_active=True
    )


def register_club_content_policies() -> None:
    """Give every concrete ClubContent model the club policy (idempotent)."""
    for model in club_content_models():
        registered = policy_registry.get_by_type(model, fallback=False)
        if not isinstance(registered, ClubContentPermissionPolicy):
            register_permission_policy(model, ClubContentPermissionPolicy(model), exact_class=True)
