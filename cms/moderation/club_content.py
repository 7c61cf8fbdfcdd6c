"""The club-content contract: what a content type must be to belong to a club and go through
moderation before anything public shows it.

The club permission policy (policies.py) and the BEN-Freigabe workflow (roles.py) enforce it
for every concrete subclass, in the core (cms.snippets) and in plugins alike.
"""

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


class ClubContent(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Moderated content owned by a club.

    Subclassing this is how a content type declares that it belongs to a club and goes
    through moderation before the API serves it.
    """

    title = models.CharField("Titel", max_length=255)
    slug = models.SlugField("Kürzel", max_length=255, unique=True, blank=True)
    club = models.ForeignKey(
        "pages.ClubPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Verein / Einrichtung",
    )
    categories = ParentalManyToManyField(
        "snippets.Category", blank=True, related_name="+", verbose_name="Kategorien"
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    preview_template: str
    #: Hidden wherever its club is not published (cms.core.publication).
    publication_parent_field = "club"

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("club"),
        index.FilterField("live"),
    ]

    class Meta:
        abstract = True
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.title)[:240] or type(self)._meta.model_name
        slug, suffix = base, 2
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    def get_preview_template(self, request, mode_name):
        return self.preview_template
