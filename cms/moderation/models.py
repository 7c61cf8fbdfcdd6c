"""Who edits which club, and the moderation task that approves their work."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.models import Collection, GroupApprovalTask, Page, TaskState


class ClubMembership(models.Model):
    """A user's editorial membership in one club: the single source of club editing rights."""

    class Role(models.TextChoices):
        EDITOR = "redakteur", "Redakteur*in"
        BOARD = "vereinsleitung", "Vereinsleitung"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="club_memberships",
        verbose_name="Person",
    )
    club = models.ForeignKey(
        "pages.ClubPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="Verein / Einrichtung",
    )
    role = models.CharField("Rolle", max_length=20, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)

    class Meta:
        # The same words in the menu, the page titles and the buttons.
        verbose_name = "Redaktionsmitglied"
        verbose_name_plural = "Redaktionsmitglieder"
        ordering = ["club__title", "user__last_name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "club"], name="unique_membership_per_club")
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} – {self.club.title}"


class ClubEditorGroup(models.Model):
    """The auth group that carries a club's page permissions (its ClubPage subtree) and its
    media collection.

    Wagtail page and collection permissions are group-based, so each club gets one group
    whose members are kept equal to the club's memberships, and one collection for its
    images and documents (cms.moderation.media).
    """

    club = models.OneToOneField(
        "pages.ClubPage", on_delete=models.CASCADE, related_name="editor_group"
    )
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="club_link")
    collection = models.OneToOneField(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="club_link",
        verbose_name="Mediensammlung",
    )

    class Meta:
        verbose_name = "Redaktionsgruppe eines Vereins"
        verbose_name_plural = "Redaktionsgruppen der Vereine"

    def __str__(self):
        return self.group.name


class FileApproval(models.Model):
    """A moderator's approval of an uploaded file: only approved files are served to the public
    (cms.moderation.media)."""

    approved_at = models.DateTimeField("Freigegeben am", auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Freigegeben von",
    )

    class Meta:
        abstract = True


class ImageApproval(FileApproval):
    image = models.OneToOneField(
        get_image_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="approval",
        verbose_name="Bild",
    )

    class Meta:
        verbose_name = "Freigabe eines Bildes"
        verbose_name_plural = "Freigaben von Bildern"

    def __str__(self):
        return f"Freigabe: {self.image}"


class DocumentApproval(FileApproval):
    document = models.OneToOneField(
        get_document_model_string(),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="approval",
        verbose_name="Dokument",
    )

    class Meta:
        verbose_name = "Freigabe eines Dokuments"
        verbose_name_plural = "Freigaben von Dokumenten"

    def __str__(self):
        return f"Freigabe: {self.document}"


class ModerationTask(GroupApprovalTask):
    """A group approval task that acts on each submission at most once.

    Two moderators pressing "Freigeben" at the same moment would otherwise both publish
    and both write an approval to the audit log; the row lock serialises them and the
    second one finds the task already decided.
    """

    class Meta:
        verbose_name = "Freigabe durch die Moderation"
        verbose_name_plural = "Freigaben durch die Moderation"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        current = TaskState.objects.select_for_update().get(pk=task_state.pk)
        if current.status != TaskState.STATUS_IN_PROGRESS:
            return
        super().on_action(task_state, user, action_name, **kwargs)


def club_of(obj):
    """The ClubPage that owns a moderated object (club content, club profile or club event)."""
    from cms.pages.models import ClubPage

    if club := getattr(obj, "club", None):
        return club
    if isinstance(obj, Page):
        return ClubPage.objects.ancestor_of(obj, inclusive=True).first()
    return None
