"""The tree's root page and root collection are named "Root" by Wagtail's initial data; the
explorer ("Erkunden: Root"), its breadcrumbs and the collection choosers show that name to
German editors and moderators."""

from django.db import migrations

NAMES = {"page": ("Root", "Alle Seiten"), "collection": ("Root", "Alle Sammlungen")}


def rename(apps, index):
    """index 0 names the root German, 1 back in English."""
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    page_from, page_to = NAMES["page"][index], NAMES["page"][1 - index]
    Page.objects.filter(depth=1, title=page_from).update(title=page_to, draft_title=page_to)
    collection_from, collection_to = NAMES["collection"][index], NAMES["collection"][1 - index]
    Collection.objects.filter(depth=1, name=collection_from).update(name=collection_to)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0003_redaktionsmitglieder"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, 0),
            lambda apps, schema_editor: rename(apps, 1),
        ),
    ]
