"""The admin form of an opportunity offers the search fields with German labels (issue #16)."""

import datetime as dt
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

from cms.snippets.models import VolunteerOpportunity, default_review_date
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory
from tests.factories.users import SuperuserFactory

ADD_URL = reverse(VolunteerOpportunity.snippet_viewset.get_url_name("add"))


class OpportunitySearchFieldsAdminTest(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_site_tree()
        cls.club = ClubPageFactory(parent=tree.clubs, title="Jugendtreff")
        cls.superuser = SuperuserFactory(username="admin")

    def setUp(self):
        self.client.force_login(self.superuser)

    def test_the_form_labels_the_fields_in_german_and_proposes_a_review_date(self):
        response = self.client.get(ADD_URL)
        for label in (
            "Stunden pro Woche (Zahl)",
            "Ohne Deutschkenntnisse möglich",
            "Barrierefrei",
            "Geeignet für",
            "Jugendliche",
            "Senior*innen",
            "Überprüfen bis",
            "sechs Monate nach dem Anlegen",
        ):
            self.assertContains(response, label)
        self.assertContains(response, f'name="review_by" value="{default_review_date():%Y-%m-%d}"')

    def test_an_opportunity_is_saved_with_its_search_fields(self):
        data = querydict_from_html(self.client.get(ADD_URL).content.decode(), "w-editor-form")
        data.update(
            {
                "title": "Hausaufgabenhilfe",
                "club": str(self.club.pk),
                "tasks": "Kindern bei den Hausaufgaben helfen",
                "time_commitment": "zwei Nachmittage im Monat",
                "hours_per_week": "1.5",  # what a number input sends
                "commitment_type": "regelmaessig",
                "no_german_needed": "on",
                "accessible": "on",
                "review_by": "2027-05-31",
            }
        )
        data.setlist("suitable_for", ["jugendliche", "senioren"])
        data.setlist("languages", ["de", "uk"])
        response = self.client.post(ADD_URL, dict(data.lists()))  # every checked box
        self.assertEqual(response.status_code, 302, response.content[:3000])
        created = VolunteerOpportunity.objects.get(title="Hausaufgabenhilfe")
        self.assertEqual(created.hours_per_week, Decimal("1.5"))
        self.assertEqual(created.suitable_for, ["jugendliche", "senioren"])
        self.assertTrue(created.no_german_needed and created.accessible)
        self.assertEqual(created.review_by, dt.date(2027, 5, 31))

    def test_hours_beyond_the_bound_are_a_german_form_error(self):
        data = querydict_from_html(self.client.get(ADD_URL).content.decode(), "w-editor-form")
        data.update(
            {
                "title": "Zu viel",
                "club": str(self.club.pk),
                "tasks": "Alles",
                "time_commitment": "immer",
                "commitment_type": "regelmaessig",
                "hours_per_week": "60",
            }
        )
        response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "kleiner oder gleich 40")

    def test_the_preview_shows_the_search_fields(self):
        item = VolunteerOpportunityFactory(
            club=self.club,
            title="Lesepatenschaft",
            hours_per_week=Decimal("1.5"),
            suitable_for=["jugendliche", "senioren"],
            no_german_needed=True,
            accessible=True,
            review_by=dt.date(2027, 5, 31),
        )
        viewset = VolunteerOpportunity.snippet_viewset
        preview_url = reverse(viewset.get_url_name("preview_on_edit"), args=[item.pk])
        edit_url = reverse(viewset.get_url_name("edit"), args=[item.pk])
        data = querydict_from_html(self.client.get(edit_url).content.decode(), "w-editor-form")
        for box in ("no_german_needed", "accessible"):  # what a browser sends for a checked box
            data.setlist(box, ["on"])
        self.client.post(preview_url, dict(data.lists()))
        preview = self.client.get(preview_url)
        for shown in (
            "etwa 1,5 Std./Woche",
            "Jugendliche, Senior*innen",
            "Ohne Deutschkenntnisse möglich",
            "Barrierefrei",
            "31. Mai 2027",
        ):
            self.assertContains(preview, shown)
