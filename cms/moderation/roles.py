"""Idempotent setup of roles, club groups and the "BEN-Freigabe" workflow.

Runs after every ``migrate`` (post_migrate of the last installed app, when all permissions
exist) and on demand via ``manage.py setup_ben_roles``. Running it again changes nothing.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from .media import (
    CLUB_COLLECTION_ACTIONS,
    SHARED_COLLECTION_ACTIONS,
    ensure_club_collection,
    shared_collection,
)
from .models import ClubEditorGroup, ClubMembership, ModerationTask
from .policies import club_content_models

ADMINISTRATORS = "Administratoren"
MODERATORS = "Moderatoren"
CLUB_EDITORS = "Vereinsredaktion"
WORKFLOW_NAME = "BEN-Freigabe"
# Created by Wagtail's own migrations; broad and English, they would rival the roles above.
WAGTAIL_STARTER_GROUPS = ("Moderators", "Editors")
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"
TASK_NAME = "Freigabe durch die Moderation"

ALL_PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
CLUB_PAGE_ACTIONS = ("add", "change", "lock")
ALL_MEDIA_ACTIONS = ("add", "change", "choose", "delete")
SNIPPET_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")
MODERATOR_MODELS = ("snippets.category", "snippets.targetgroup", "moderation.clubmembership")


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, actions) -> list[Permission]:
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _grant_pages(group: Group, page: Page | None, actions) -> None:
    if page is None:
        return
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _grant_media(group: Group, collection: Collection | None, actions) -> None:
    """Collection permissions on images and documents (they hold for the sub-collections)."""
    if collection is None:
        return
    for app_label, model_name in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission(app_label, f"{action}_{model_name}"),
            )


def _moderator_permissions() -> list[Permission]:
    permissions = [_permission("wagtailadmin", "access_admin")]
    for model in club_content_models():
        permissions += _model_permissions(model, SNIPPET_ACTIONS)
    for label in MODERATOR_MODELS:
        permissions += _model_permissions(
            apps.get_model(label), ("add", "change", "delete", "view")
        )
    return permissions


@transaction.atomic
def ensure_roles() -> dict[str, Group]:
    """Create or complete the role groups with their model, page and media permissions."""
    root_page = Page.get_first_root_node()  # None right after a test flush
    root_collection = Collection.get_first_root_node()

    administrators, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*Permission.objects.all())
    _grant_pages(administrators, root_page, ALL_PAGE_ACTIONS)
    _grant_media(administrators, root_collection, ALL_MEDIA_ACTIONS)

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*_moderator_permissions())
    _grant_pages(moderators, root_page, ALL_PAGE_ACTIONS)
    _grant_media(moderators, root_collection, ALL_MEDIA_ACTIONS)

    editors, _ = Group.objects.get_or_create(name=CLUB_EDITORS)
    editors.permissions.add(_permission("wagtailadmin", "access_admin"))
    # Club editors reach media only through their club groups (ensure_club_group); the
    # rights on the root this group once held would show them every club's uploads.
    GroupCollectionPermission.objects.filter(group=editors).delete()
    shared_collection()

    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()
    return {ADMINISTRATORS: administrators, MODERATORS: moderators, CLUB_EDITORS: editors}


@transaction.atomic
def ensure_workflow() -> Workflow:
    """The one moderation workflow, attached to every club subtree and ClubContent type."""
    from cms.pages.models import ClubIndexPage

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = ModerationTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = ModerationTask.objects.create(name=TASK_NAME)
    task.groups.add(*Group.objects.filter(name__in=[MODERATORS, ADMINISTRATORS]))
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for model in club_content_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    # The root too, replacing Wagtail's initial "Moderators approval": submissions anywhere
    # in the tree reach the Moderatoren, not a group nobody belongs to.
    for page in [Page.get_first_root_node(), *ClubIndexPage.objects.all()]:
        if page is not None:
            attach_workflow_to_page(page, workflow)
    unused_starter_workflows = Workflow.objects.filter(
        name=WAGTAIL_STARTER_WORKFLOW,
        active=True,
        workflow_pages__isnull=True,
        workflow_content_types__isnull=True,
    )
    for starter in unused_starter_workflows:
        starter.deactivate()
    return workflow


def attach_workflow_to_page(page: Page, workflow: Workflow | None = None) -> None:
    """Moderate the page and its subtree (for a club directory: every club and its events)."""
    workflow = workflow or Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


@transaction.atomic
def ensure_club_group(club) -> Group:
    """The club's editor group with add/change/lock on the club subtree, never publish, and
    its media rights: the club's collection and choosing from the shared one."""
    link = ClubEditorGroup.objects.select_related("group").filter(club=club).first()
    if link is None:
        group, _ = Group.objects.get_or_create(
            name=f"Vereinsredaktion {club.pk}: {club.title}"[:150]
        )
        link = ClubEditorGroup.objects.create(club=club, group=group)
    _grant_pages(link.group, club, CLUB_PAGE_ACTIONS)
    _grant_media(link.group, ensure_club_collection(link), CLUB_COLLECTION_ACTIONS)
    _grant_media(link.group, shared_collection(), SHARED_COLLECTION_ACTIONS)
    return link.group


def sync_user_club_groups(user) -> None:
    """Make the user's club groups match their memberships exactly."""
    memberships = ClubMembership.objects.filter(user=user).select_related("club")
    wanted = {ensure_club_group(membership.club).pk for membership in memberships}
    current = set(user.groups.filter(club_link__isnull=False).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
    base_group, _ = Group.objects.get_or_create(name=CLUB_EDITORS)
    if wanted:
        user.groups.add(base_group)
    else:
        user.groups.remove(base_group)


def setup_all() -> None:
    """Roles, workflow, and a group for every existing club, kept in sync with memberships."""
    from cms.pages.models import ClubPage

    ensure_roles()
    ensure_workflow()
    for club in ClubPage.objects.all():
        ensure_club_group(club)
    for user_model_user in {m.user for m in ClubMembership.objects.select_related("user")}:
        sync_user_club_groups(user_model_user)


def setup_after_last_app_migrated(sender, **kwargs) -> None:
    """post_migrate receiver: run once per migrate, after every app created its permissions."""
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label != with_models[-1].label:
        return
    if kwargs.get("using", "default") != "default":
        return
    # This receiver may run before django.contrib.auth's for the last app (a plugin
    # appended to INSTALLED_APPS), whose permissions would then be missing from the roles.
    for config in with_models:
        create_permissions(config, verbosity=0)
    setup_all()
