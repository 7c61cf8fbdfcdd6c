"""Club B's drafts stay invisible to club A's editor in the page chooser and bulk actions.

Every request goes through the real admin views; each foreign draft carries a title that
appears nowhere else, so finding it in a response means it leaked.
"""

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page

from cms.moderation.policies import club_content_models
from tests.factories.pages import ClubPageFactory, EventPageFactory

from .fixtures import build_world, factory_for

SECRET = "Geheimentwurf"


def _bulk_url(model, action, *objects):
    url = reverse(
        "wagtail_bulk_action", args=[model._meta.app_label, model._meta.model_name, action]
    )
    return url + "?" + "&".join(f"id={obj.pk}" for obj in objects)


class ForeignDraftsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        clubs = cls.world.clubs
        cls.foreign_event_draft = EventPageFactory(
            parent=clubs["B"], title=f"{SECRET} Veranstaltung B", live=False
        )
        cls.foreign_club_draft = ClubPageFactory(
            parent=cls.world.site_tree.clubs, title=f"{SECRET} Verein C", live=False
        )
        cls.own_event_draft = EventPageFactory(
            parent=clubs["A"], title="Eigener Entwurf A", live=False
        )
        cls.foreign_snippet_drafts = {
            model: factory_for(model)(club=clubs["B"], title=f"{SECRET} {model._meta.model_name}")
            for model in club_content_models()
        }

    def get(self, role, url, **params):
        self.client.force_login(self.world.users[role])
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    def test_chooser_browse_hides_foreign_drafts(self):
        clubs_url = reverse("wagtailadmin_choose_page_child", args=[self.world.site_tree.clubs.pk])
        club_b_url = reverse("wagtailadmin_choose_page_child", args=[self.world.clubs["B"].pk])
        club_a_url = reverse("wagtailadmin_choose_page_child", args=[self.world.clubs["A"].pk])
        for url in (clubs_url, club_b_url):
            html = self.get("redaktion-a", url)
            self.assertNotIn(SECRET, html)
        self.assertIn("Fest von Verein B", self.get("redaktion-a", club_b_url))
        self.assertIn("Eigener Entwurf A", self.get("redaktion-a", club_a_url))
        for role in ("moderation", "administration"):
            self.assertIn(SECRET, self.get(role, club_b_url))

    def test_chooser_browse_of_a_foreign_draft_is_not_found(self):
        self.client.force_login(self.world.users["redaktion-a"])
        url = reverse("wagtailadmin_choose_page_child", args=[self.foreign_club_draft.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.client.force_login(self.world.users["moderation"])
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_chooser_search_hides_foreign_drafts(self):
        url = reverse("wagtailadmin_choose_page_search")
        html = self.get("redaktion-a", url, q=SECRET)
        self.assertNotIn(SECRET, html)
        html = self.get("redaktion-a", url, q="Verein")
        self.assertIn("Fest von Verein B", html)
        self.assertIn("Eigener Entwurf A", self.get("redaktion-a", url, q="Eigener"))
        self.assertIn(SECRET, self.get("moderation", url, q=SECRET))

    def test_rich_text_link_chooser_hides_foreign_drafts(self):
        url = reverse("wagtailadmin_choose_page_child", args=[self.world.clubs["B"].pk])
        params = {"allow_external_link": "true", "allow_email_link": "true"}
        self.assertNotIn(SECRET, self.get("redaktion-a", url, **params))

    def test_snippet_bulk_actions_do_not_name_foreign_drafts(self):
        for model, draft in self.foreign_snippet_drafts.items():
            own = self.world.snippets[model, "A"]
            with self.subTest(model._meta.label):
                html = self.get("redaktion-a", _bulk_url(model, "delete", draft, own))
                self.assertNotIn(SECRET, html)
                self.assertIn(own.title, html)
                self.assertIn(SECRET, self.get("moderation", _bulk_url(model, "delete", draft)))

    def test_page_bulk_actions_do_not_name_foreign_drafts(self):
        drafts = (self.foreign_event_draft, self.foreign_club_draft)
        own = self.own_event_draft
        for action in ("delete", "publish", "unpublish", "move"):
            with self.subTest(action):
                html = self.get("redaktion-a", _bulk_url(Page, action, *drafts, own))
                self.assertNotIn(SECRET, html)
                self.assertIn(own.title, html)
                html = self.get("moderation", _bulk_url(Page, action, *drafts))
                self.assertIn(SECRET, html)

    def test_page_bulk_action_still_names_visible_pages_without_access(self):
        """Live foreign pages are public anyway: they stay listed as "no permission"."""
        html = self.get("redaktion-a", _bulk_url(Page, "delete", self.world.events["B"]))
        self.assertIn("Fest von Verein B", html)

    def test_chosen_multiple_pages_does_not_name_foreign_drafts(self):
        url = reverse("wagtailadmin_choose_page_chosen_multiple")
        ids = [self.foreign_club_draft.pk, self.own_event_draft.pk, self.world.events["B"].pk]
        self.client.force_login(self.world.users["redaktion-a"])
        result = self.client.get(url, {"id": ids}).json()["result"]
        visible = {self.world.events["B"].pk, self.own_event_draft.pk}
        self.assertEqual({page["id"] for page in result}, visible)
        self.client.force_login(self.world.users["moderation"])
        self.assertEqual(len(self.client.get(url, {"id": ids}).json()["result"]), 3)
        self.client.logout()
        self.assertEqual(self.client.get(url, {"id": ids}).status_code, 302)


class ForeignIdsInBulkActionsTest(TestCase):
    """Ids of objects the user may not see answer like ids that do not exist."""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()

    def setUp(self):
        self.client.force_login(self.world.users["redaktion-a"])

    def assert_answers_like_unknown_ids(self, model, action, hidden, unknown):
        for method in (self.client.get, self.client.post):
            with self.subTest(model=model._meta.label, action=action, method=method.__name__):
                foreign = method(_bulk_url(model, action, *hidden))
                missing = method(_bulk_url(model, action, *unknown))
                self.assertEqual(foreign.status_code, 404)
                self.assertEqual(missing.status_code, 404)
                self.assertEqual(
                    [t.name for t in foreign.templates], [t.name for t in missing.templates]
                )

    def test_snippet_bulk_delete_of_only_foreign_ids(self):
        for model in club_content_models():
            hidden = (self.world.snippets[model, "B"], self.world.draft_snippets[model, "B"])
            unknown = model(pk=model.objects.order_by("-pk").first().pk + 1000)
            self.assert_answers_like_unknown_ids(model, "delete", hidden, [unknown])
            self.assertTrue(model.objects.filter(pk=hidden[1].pk).exists())

    def test_page_bulk_actions_of_only_foreign_drafts(self):
        unknown = Page(pk=Page.objects.order_by("-pk").first().pk + 1000)
        for action in ("delete", "publish", "unpublish", "move"):
            self.assert_answers_like_unknown_ids(
                Page, action, [self.world.draft_events["B"]], [unknown]
            )
        self.assertTrue(Page.objects.filter(pk=self.world.draft_events["B"].pk).exists())


class PagesBelowUnpublishedParentsTest(TestCase):
    """A live page below another club's unpublished page is hidden as the API hides it."""

    TITLE = "Unterhalb eines Entwurfs"

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        unpublished_club = ClubPageFactory(parent=cls.world.site_tree.clubs, live=False)
        cls.hidden = EventPageFactory(parent=unpublished_club, title=cls.TITLE, live=True)

    def login(self, role):
        self.client.force_login(self.world.users[role])

    def test_chooser_search_and_chosen_view_hide_it_from_club_editors(self):
        search = reverse("wagtailadmin_choose_page_search")
        chosen = reverse("wagtailadmin_choose_page_chosen_multiple")
        self.login("redaktion-a")
        self.assertNotIn(self.TITLE, self.client.get(search, {"q": "Unterhalb"}).text)
        self.assertEqual(self.client.get(chosen, {"id": [self.hidden.pk]}).json()["result"], [])
        self.login("moderation")
        self.assertIn(self.TITLE, self.client.get(search, {"q": "Unterhalb"}).text)
        self.assertEqual(len(self.client.get(chosen, {"id": [self.hidden.pk]}).json()["result"]), 1)

    def test_bulk_action_does_not_name_it(self):
        self.login("redaktion-a")
        self.assertEqual(self.client.get(_bulk_url(Page, "delete", self.hidden)).status_code, 404)

    def test_own_pages_below_an_unpublished_club_stay_visible_to_its_editors(self):
        club = self.world.clubs["A"]
        club.unpublish()
        self.login("redaktion-a")
        url = reverse("wagtailadmin_choose_page_child", args=[club.pk])
        self.assertIn("Fest von Verein A", self.client.get(url).text)
        self.login("redaktion-b")
        self.assertEqual(self.client.get(url).status_code, 404)


class DraftTitlesOfLivePagesTest(TestCase):
    """A live page of club B with an unsubmitted new title: club A's editor never sees that
    title; the page stays hidden from other clubs until the change is published."""

    DRAFT_TITLE = f"{SECRET} neuer Titel"

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        event = cls.world.events["B"]
        event.title = cls.DRAFT_TITLE
        event.save_revision()  # sets the row's draft_title, which Wagtail's admin shows
        cls.event = event

    def get(self, role, url, **params):
        self.client.force_login(self.world.users[role])
        return self.client.get(url, params)

    def test_other_clubs_never_see_the_draft_title(self):
        urls = [
            (reverse("wagtailadmin_choose_page_child", args=[self.world.clubs["B"].pk]), {}),
            (reverse("wagtailadmin_choose_page_search"), {"q": "Fest"}),
            (reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": [self.event.pk]}),
            (_bulk_url(Page, "delete", self.event), {}),
        ]
        for url, params in urls:
            with self.subTest(url=url):
                foreign = self.get("redaktion-a", url, **params)
                self.assertNotIn(SECRET, foreign.text)
                self.assertIn(SECRET, self.get("redaktion-b", url, **params).text)
                self.assertIn(SECRET, self.get("moderation", url, **params).text)

    def test_the_page_types_usage_report_is_for_publishers_only(self):
        report = reverse("wagtailadmin_reports:page_types_usage")
        results = reverse("wagtailadmin_reports:page_types_usage_results")
        for url in (report, results):
            self.assertEqual(self.get("redaktion-a", url).status_code, 302)  # permission denied
            self.assertIn(SECRET, self.get("moderation", url).text)
        dashboard = self.get("redaktion-a", reverse("wagtailadmin_home")).text
        self.assertNotIn(report, dashboard)
        self.assertIn(report, self.get("moderation", reverse("wagtailadmin_home")).text)
