"""Every page type can be created, edited, previewed and rendered through the admin."""

import datetime as dt
import re

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cms.pages.models import EventPage
from cms.pages.models.events import RECURRENCE_HELP
from tests.conftest import build_site_tree
from tests.factories.pages import (
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
    HomePageFactory,
    StrategyChapterPageFactory,
)
from tests.factories.snippets import CategoryFactory, TargetGroupFactory
from tests.factories.users import SuperuserFactory


class PageAdminViewsTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_site_tree()
        cls.chapter = StrategyChapterPageFactory(parent=cls.tree.strategy, chapter_number="4")
        cls.recommendation = StrategyChapterPageFactory(parent=cls.chapter, chapter_number="4.1")
        cls.club = ClubPageFactory(parent=cls.tree.clubs, title="Caritasverband Westeifel e.V.")
        cls.club_event = EventPageFactory(parent=cls.club, title="Offener Treff")
        cls.calendar_event = EventPageFactory(parent=cls.tree.events)
        cls.partner = BenefitPartnerPageFactory(parent=cls.tree.benefits, title="Cascade")
        cls.superuser = SuperuserFactory(username="admin")
        cls.second_site_home = HomePageFactory(parent=cls.tree.home.get_parent(), slug="zweite")

    def setUp(self):
        self.client.force_login(self.superuser)

    def all_pages(self):
        tree = self.tree
        return [
            tree.home,
            tree.strategy,
            self.chapter,
            self.recommendation,
            tree.clubs,
            self.club,
            self.club_event,
            tree.events,
            self.calendar_event,
            tree.benefits,
            self.partner,
        ]

    def edit_form_data(self, page):
        """The edit form as the browser would submit it, StreamFields included."""
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        if hasattr(page.specific, "body"):
            data.update(
                nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Neu</p>"))])})
            )
        return data

    def test_create_view_renders_for_every_page_type_under_its_parent(self):
        """Index pages are created under a second, empty home page (one per parent)."""
        for page in self.all_pages():
            parent = page.get_parent().specific
            if parent == self.tree.home:
                parent = self.second_site_home
            meta = page.specific_class._meta
            url = reverse(
                "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
            )
            with self.subTest(page_type=meta.model_name, parent=parent.title):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_a_second_index_page_under_the_same_home_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=["pages", "clubindexpage", self.tree.home.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)

    def test_edit_view_round_trips_and_publishes_every_page(self):
        for page in self.all_pages():
            url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            with self.subTest(page=str(page)):
                data = self.edit_form_data(page)
                data["title"] = f"{page.title} (geändert)"
                data["action-publish"] = "action-publish"
                response = self.client.post(url, data)
                self.assertEqual(response.status_code, 302, response.content[:2000])
                page.refresh_from_db()
                self.assertEqual(page.title, data["title"])
                self.assertFalse(page.has_unpublished_changes)

    def test_every_page_previews_and_renders(self):
        for page in self.all_pages():
            with self.subTest(page=str(page)):
                self.client.force_login(self.superuser)  # the assertion logs out after use
                self.assertPageIsPreviewable(page, post_data=self.edit_form_data(page))
                self.assertPageIsRenderable(page)

    def test_invalid_recurrence_rule_is_a_german_form_error(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.calendar_event.pk])
        data = self.edit_form_data(self.calendar_event)
        data["recurrence_rule"] = "FREQ=SOMETIMES"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ungültige Wiederholungsregel")
        self.calendar_event.refresh_from_db()
        self.assertEqual(self.calendar_event.recurrence_rule, "")

    def test_every_example_of_the_recurrence_help_text_is_accepted(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.calendar_event.pk])
        for rule in re.findall(r"FREQ=[A-Z0-9=;]+", RECURRENCE_HELP):
            with self.subTest(rule=rule):
                data = self.edit_form_data(self.calendar_event)
                data.update(recurrence_rule=rule, **{"action-publish": "action-publish"})
                self.assertEqual(self.client.post(url, data).status_code, 302)
                self.calendar_event.refresh_from_db()
                self.assertEqual(self.calendar_event.recurrence_rule, rule)

    def test_event_ending_before_it_starts_is_refused(self):
        url = reverse("wagtailadmin_pages:edit", args=[self.calendar_event.pk])
        data = self.edit_form_data(self.calendar_event)
        end = self.calendar_event.end
        data["end"] = f"{self.calendar_event.start.date() - dt.timedelta(days=1)} 10:00"
        response = self.client.post(url, data)
        self.assertContains(response, "Das Ende darf nicht vor dem Beginn liegen.")
        self.assertEqual(EventPage.objects.get(pk=self.calendar_event.pk).end, end)

    def test_a_rich_text_body_that_is_not_the_editors_json_is_a_form_error(self):
        """Issue #10, point 10: HTML posted instead of Draftail's JSON was a 500."""
        url = reverse("wagtailadmin_pages:edit", args=[self.calendar_event.pk])
        data = self.edit_form_data(self.calendar_event)
        for posted in ("<p>hello</p>", '{"blocks": 5}', "[]", "{"):
            with self.subTest(posted=posted):
                data["description"] = posted
                data["title"] = "Nicht gespeichert"
                response = self.client.post(url, data)
                self.assertContains(response, "nicht im Format des Editors")
                self.assertContains(response, "hello" if "hello" in posted else "Nicht gespeichert")
                self.calendar_event.refresh_from_db()
                self.assertNotEqual(self.calendar_event.title, "Nicht gespeichert")

    def test_categories_and_target_groups_are_checkboxes_on_club_and_event_forms(self):
        CategoryFactory()
        TargetGroupFactory()
        for page, fields in [
            (self.club, ["categories"]),
            (self.club_event, ["categories", "target_groups"]),
        ]:
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            for field in fields:
                assert re.search(rf'type="checkbox" name="{field}"', response.text), (
                    page,
                    field,
                )
