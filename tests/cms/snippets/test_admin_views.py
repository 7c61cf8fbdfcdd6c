"""Moderated snippets and taxonomy can be created, edited, previewed and searched in the admin."""

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import (
    NewsItemFactory,
    TrainingOfferFactory,
    VolunteerOpportunityFactory,
)
from tests.factories.users import SuperuserFactory

REQUIRED_FIELDS = {
    NewsItem: {"body": rich_text("<p>Der Fahrdienst sucht Verstärkung.</p>")},
    VolunteerOpportunity: {
        "tasks": "Fahrten zum Arzt",
        "time_commitment": "2 Stunden pro Woche",
        "commitment_type": "regelmaessig",
    },
    TrainingOffer: {"description": rich_text("<p>Erste Hilfe für Ehrenamtliche.</p>")},
}
FACTORIES = {
    NewsItem: NewsItemFactory,
    VolunteerOpportunity: VolunteerOpportunityFactory,
    TrainingOffer: TrainingOfferFactory,
}


def snippet_url(model, name, *args):
    return reverse(model.snippet_viewset.get_url_name(name), args=args)


class ClubContentAdminTest(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_site_tree()
        cls.club = ClubPageFactory(parent=tree.clubs, title="Haus der Jugend")
        cls.superuser = SuperuserFactory(username="admin")
        cls.existing = {
            model: factory(club=cls.club, title=f"Vorhanden: {model._meta.verbose_name}")
            for model, factory in FACTORIES.items()
        }

    def setUp(self):
        self.client.force_login(self.superuser)

    def form_data(self, url, **values):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
        data.update(values)
        return data

    def test_create_saves_a_draft_that_is_not_live(self):
        for model, required in REQUIRED_FIELDS.items():
            with self.subTest(model=model.__name__):
                url = snippet_url(model, "add")
                data = self.form_data(url, title="Neu im Netz", club=str(self.club.pk), **required)
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 302, response.content[:3000])
                created = model.objects.get(title="Neu im Netz")
                self.assertFalse(created.live)
                self.assertEqual(created.slug, "neu-im-netz")
                self.assertEqual(created.revisions.count(), 1)

    def test_create_without_required_fields_shows_german_errors(self):
        for model in REQUIRED_FIELDS:
            with self.subTest(model=model.__name__):
                url = snippet_url(model, "add")
                response = self.client.post(url, self.form_data(url, title=""))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Dieses Feld muss ausgefüllt werden.")

    def test_edit_preview_and_history_render(self):
        for model, instance in self.existing.items():
            with self.subTest(model=model.__name__):
                edit_url = snippet_url(model, "edit", instance.pk)
                data = self.form_data(edit_url)
                preview_url = snippet_url(model, "preview_on_edit", instance.pk)
                response = self.client.post(preview_url, data)
                self.assertJSONEqual(
                    response.content.decode(), {"is_valid": True, "is_available": True}
                )
                preview = self.client.get(preview_url)
                self.assertContains(preview, instance.title)
                self.assertContains(preview, self.club.title)
                history = self.client.get(snippet_url(model, "history", instance.pk))
                self.assertEqual(history.status_code, 200)

    def test_admin_search_finds_by_title(self):
        for model, instance in self.existing.items():
            with self.subTest(model=model.__name__):
                response = self.client.get(snippet_url(model, "list"), {"q": "Vorhanden"})
                self.assertContains(response, instance.title)
                response = self.client.get(snippet_url(model, "list"), {"q": "Nichtvorhanden"})
                self.assertNotContains(response, instance.title)


class TaxonomyAdminTest(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.superuser = SuperuserFactory(username="admin")

    def test_taxonomy_terms_are_created_with_a_slug_and_searchable(self):
        self.client.force_login(self.superuser)
        for model, name in ((Category, "Migration & Integration"), (TargetGroup, "Senior*innen")):
            with self.subTest(model=model.__name__):
                response = self.client.post(
                    snippet_url(model, "add"), {"name": name, "slug": "", "description": ""}
                )
                self.assertEqual(response.status_code, 302)
                self.assertTrue(model.objects.get(name=name).slug)
                listing = self.client.get(snippet_url(model, "list"), {"q": name.split()[0]})
                self.assertContains(listing, name.replace("&", "&amp;"))
