"""Benefit partners as CSV (django-import-export): export, and import with a dry-run preview.

Partners are pages (``cms.pages.BenefitPartnerPage``): a new row becomes a child of the site's
„Vorteilspartner“ index, a row with an ``id`` updates that page; both are published as a new
revision by the importing user, so the page history shows who changed what. Categories are the
card apps' fixed ones (slug or German label).
"""

from django.utils.text import slugify
from import_export import fields, resources, widgets

from cms.pages.models import BenefitPartnerIndexPage, BenefitPartnerPage

Category = BenefitPartnerPage.Category
COLUMNS = (
    "id",
    "title",
    "category",
    "discount_de",
    "discount_en",
    "conditions",
    "valid_from",
    "valid_until",
    "street",
    "postal_code",
    "city",
    "email",
    "phone",
    "website",
)


class CategoryWidget(widgets.Widget):
    """One of the fixed categories, by slug or by its German label."""

    def clean(self, value, row=None, **kwargs):
        value = (value or "").strip()
        for slug, label in Category.choices:
            if value.lower() in (slug, label.lower()):
                return slug
        allowed = ", ".join(label for _, label in Category.choices)
        raise ValueError(f"Unbekannte Kategorie „{value}“. Erlaubt sind: {allowed}.")

    def render(self, value, obj=None, **kwargs):
        return value or ""


class PartnerResource(resources.ModelResource):
    category = fields.Field(attribute="category", column_name="category", widget=CategoryWidget())
    valid_from = fields.Field(
        attribute="valid_from", column_name="valid_from", widget=widgets.DateWidget("%Y-%m-%d")
    )
    valid_until = fields.Field(
        attribute="valid_until", column_name="valid_until", widget=widgets.DateWidget("%Y-%m-%d")
    )

    class Meta:
        model = BenefitPartnerPage
        fields = COLUMNS
        export_order = COLUMNS
        import_id_fields = ("id",)
        skip_unchanged = True
        report_skipped = True

    def __init__(self, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user

    def get_queryset(self):
        return BenefitPartnerPage.objects.order_by("title")

    def before_import_row(self, row, **kwargs):
        if not (row.get("title") or "").strip():
            raise ValueError("Jede Zeile braucht einen Namen (Spalte „title“).")

    def save_instance(self, instance, is_create, row, **kwargs):
        if kwargs.get("dry_run") and not self._meta.use_transactions:
            return
        if is_create:
            parent = BenefitPartnerIndexPage.objects.order_by("path").first()
            if parent is None:
                raise ValueError("Es gibt noch keine Seite „Vorteilspartner“ für neue Partner.")
            instance.slug = unique_slug(parent, instance.title)
            parent.add_child(instance=instance)
        revision = instance.save_revision(user=self.user, log_action=True)
        # The view admits the office and administrators; Wagtail's page permissions are
        # for the page tree editors, not for this import.
        revision.publish(user=self.user, skip_permission_checks=True)


def unique_slug(parent, title: str) -> str:
    base = slugify(title)[:200] or "partner"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
