"""Club media (cms.moderation.media): collections per club, private until approved.

Through the real views: the admin's listings, choosers (search and upload included) and bulk
actions, the document download URL, image original and rendition URLs, and the API.
"""

import json
from io import BytesIO

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission
from wagtail_factories import DocumentFactory, ImageFactory

from cms.moderation.media import SHARED_COLLECTION, is_public, media_approved
from cms.moderation.models import ClubEditorGroup, ClubMembership
from cms.moderation.roles import CLUB_EDITORS, MODERATORS, setup_all
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import NewsItemFactory
from tests.factories.users import UserFactory

Image = get_image_model()
Document = get_document_model()


def png(name="bild.png"):
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def text_file(name="satzung.txt"):
    return SimpleUploadedFile(name, b"Satzung des Vereins", content_type="text/plain")


class MediaWorld(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site_tree = build_site_tree()
        cls.clubs, cls.collections, cls.editors = {}, {}, {}
        for key in ("A", "B"):
            club = ClubPageFactory(parent=cls.site_tree.clubs, title=f"Verein {key}")
            club.save_revision().publish()
            editor = UserFactory(username=f"redaktion-{key.lower()}")
            ClubMembership.objects.create(user=editor, club=club)
            cls.clubs[key], cls.editors[key] = club, editor
            cls.collections[key] = ClubEditorGroup.objects.get(club=club).collection
        cls.moderator = UserFactory(username="moderation")
        cls.moderator.groups.add(Group.objects.get(name=MODERATORS))
        cls.shared = Collection.objects.get(name=SHARED_COLLECTION)
        cls.images, cls.documents = {}, {}
        for key in ("A", "B"):
            cls.images[key] = ImageFactory(
                title=f"Bild von Verein {key}",
                collection=cls.collections[key],
                uploaded_by_user=cls.editors[key],
            )
            cls.documents[key] = DocumentFactory(
                title=f"Dokument von Verein {key}",
                collection=cls.collections[key],
                uploaded_by_user=cls.editors[key],
            )
        cls.shared_image = ImageFactory(
            title="Gemeinsames Bild", collection=cls.shared, uploaded_by_user=cls.moderator
        )

    def login(self, user):
        self.client.force_login(user)

    def fresh(self, file):
        return type(file).objects.get(pk=file.pk)


class CollectionsTest(MediaWorld):
    def test_each_club_has_its_collection_with_its_groups_rights(self):
        for key in ("A", "B"):
            collection = self.collections[key]
            self.assertEqual(collection.name, f"Verein {key}")
            self.assertEqual(collection.get_parent(), Collection.get_first_root_node())
            group = ClubEditorGroup.objects.get(club=self.clubs[key]).group
            granted = set(
                GroupCollectionPermission.objects.filter(group=group).values_list(
                    "collection__name", "permission__codename"
                )
            )
            for model in ("image", "document"):
                for action in ("add", "change", "choose"):
                    self.assertIn((f"Verein {key}", f"{action}_{model}"), granted)
                self.assertIn((SHARED_COLLECTION, f"choose_{model}"), granted)
            self.assertFalse({name for name, _ in granted} - {f"Verein {key}", SHARED_COLLECTION})
            self.assertNotIn((SHARED_COLLECTION, "add_image"), granted)

    def test_the_base_editor_group_holds_no_collection_rights(self):
        self.assertFalse(
            GroupCollectionPermission.objects.filter(group__name=CLUB_EDITORS).exists()
        )

    def test_setup_is_idempotent_and_follows_the_published_club_title(self):
        count = GroupCollectionPermission.objects.count(), Collection.objects.count()
        setup_all()
        setup_all()
        self.assertEqual(
            (GroupCollectionPermission.objects.count(), Collection.objects.count()), count
        )
        club = self.clubs["A"]
        club.title = "Verein A (neu)"
        club.save_revision().publish()
        self.assertEqual(Collection.objects.get(pk=self.collections["A"].pk).name, "Verein A (neu)")


class AdminScopingTest(MediaWorld):
    def setUp(self):
        self.login(self.editors["A"])

    def test_listings_show_only_the_own_clubs_files(self):
        for url, own, foreign in (
            (reverse("wagtailimages:index"), "Bild von Verein A", "Bild von Verein B"),
            (reverse("wagtaildocs:index"), "Dokument von Verein A", "Dokument von Verein B"),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertContains(response, own)
                self.assertNotContains(response, foreign)
                response = self.client.get(url, {"q": "Verein"})
                self.assertContains(response, own)
                self.assertNotContains(response, foreign)

    def test_choosers_offer_the_own_club_and_the_shared_collection(self):
        for name, own, foreign in (
            ("wagtailimages_chooser", "Bild von Verein A", "Bild von Verein B"),
            ("wagtaildocs_chooser", "Dokument von Verein A", "Dokument von Verein B"),
        ):
            for view, params in (("choose", {}), ("choose_results", {"q": "Verein"})):
                with self.subTest(name=name, view=view):
                    response = self.client.get(reverse(f"{name}:{view}"), params)
                    self.assertEqual(response.status_code, 200)
                    self.assertContains(response, own)
                    self.assertNotContains(response, foreign)
        response = self.client.get(reverse("wagtailimages_chooser:choose"))
        self.assertContains(response, "Gemeinsames Bild")

    def test_another_clubs_files_cannot_be_chosen_nor_edited(self):
        image, document = self.images["B"], self.documents["B"]
        for url in (
            reverse("wagtailimages_chooser:chosen", args=[image.pk]),
            reverse("wagtaildocs_chooser:chosen", args=[document.pk]),
            reverse("wagtailimages:edit", args=[image.pk]),
            reverse("wagtaildocs:edit", args=[document.pk]),
            reverse("wagtailimages:delete", args=[image.pk]),
            reverse("wagtaildocs:delete", args=[document.pk]),
        ):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"von Verein B", response.content)

    def test_bulk_actions_do_not_name_another_clubs_files(self):
        for app, action, file in (
            ("wagtailimages", "delete", self.images["B"]),
            ("wagtailimages", "approve", self.images["B"]),
            ("wagtaildocs", "delete", self.documents["B"]),
            ("wagtaildocs", "add_to_collection", self.documents["B"]),
        ):
            model = type(file)._meta.model_name
            url = reverse("wagtail_bulk_action", args=[app, model, action])
            with self.subTest(app=app, action=action):
                response = self.client.get(url, {"id": file.pk})
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(b"von Verein B", response.content)

    def test_chooser_uploads_land_in_the_own_collection_only(self):
        for url, prefix, upload in (
            (reverse("wagtailimages_chooser:create"), "image-chooser-upload", png),
            (reverse("wagtaildocs_chooser:create"), "document-chooser-upload", text_file),
        ):
            with self.subTest(url):
                self.client.post(
                    url,
                    {
                        f"{prefix}-title": "Hochgeladen von A",
                        f"{prefix}-file": upload(),
                        f"{prefix}-collection": self.collections["B"].pk,
                    },
                )
        self.assert_uploads_only_in_own_collection()

    def test_multiple_uploads_land_in_the_own_collection_only(self):
        for url, upload in (
            (reverse("wagtailimages:add_multiple"), png),
            (reverse("wagtaildocs:add_multiple"), text_file),
        ):
            with self.subTest(url):
                self.client.post(
                    url,
                    {
                        "title": "Hochgeladen von A",
                        "collection": self.collections["B"].pk,
                        "files[]": upload(),
                    },
                )
        self.assert_uploads_only_in_own_collection()

    def test_the_plain_upload_form_refuses_another_clubs_collection(self):
        self.client.post(
            reverse("wagtailimages:add"),
            {"title": "Hochgeladen von A", "file": png(), "collection": self.collections["B"].pk},
        )
        self.client.post(
            reverse("wagtaildocs:add"),
            {"title": "Hochgeladen von A", "file": text_file(), "collection": self.shared.pk},
        )
        self.assert_uploads_only_in_own_collection()

    def assert_uploads_only_in_own_collection(self):
        for model in (Image, Document):
            uploads = model.objects.filter(title="Hochgeladen von A")
            self.assertFalse(uploads.exclude(collection=self.collections["A"]).exists())
            self.assertTrue(uploads.exists(), model)
            self.assertFalse(any(is_public(upload) for upload in uploads))


class PrivateUntilApprovedTest(MediaWorld):
    def urls(self, image):
        rendition = image.get_rendition("fill-400x300")
        return [image.file.url, rendition.url]

    def test_a_club_upload_is_private_to_strangers(self):
        image, document = self.images["A"], self.documents["A"]
        urls = [*self.urls(image), document.url]
        self.assertTrue(all(url.startswith(("/media/", "/documents/")) for url in urls))
        for user in (None, self.editors["B"]):
            if user:
                self.login(user)
            for url in urls:
                with self.subTest(user=user, url=url):
                    self.assertEqual(self.client.get(url).status_code, 404)
        # The raw document file is never served from MEDIA_ROOT.
        self.assertEqual(self.client.get(f"/media/{document.file.name}").status_code, 404)

    def test_its_club_and_the_moderators_see_it(self):
        image, document = self.images["A"], self.documents["A"]
        for user in (self.editors["A"], self.moderator):
            self.login(user)
            for url in [*self.urls(image), document.url]:
                with self.subTest(user=user.username, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    if url.startswith("/media/"):
                        self.assertIn("no-store", response["Cache-Control"])
                    b"".join(response.streaming_content)  # read to the end, which closes the file

    def test_moderators_approve_files_in_the_listing(self):
        image, document = self.images["A"], self.documents["A"]
        received = []

        def receive(sender, files, **kwargs):
            received.append(files)

        media_approved.connect(receive)
        self.addCleanup(media_approved.disconnect, receive)
        for user, expected in ((self.editors["A"], False), (self.moderator, True)):
            self.login(user)
            for app, file in (("wagtailimages", image), ("wagtaildocs", document)):
                url = reverse(
                    "wagtail_bulk_action", args=[app, type(file)._meta.model_name, "approve"]
                )
                page = self.client.get(url, {"id": file.pk})
                self.assertContains(page, file.title)
                self.client.post(f"{url}?id={file.pk}")
                self.assertEqual(is_public(self.fresh(file)), expected, (user, file))
        self.assertEqual(
            [[file.pk] for file in (image, document)], [[f.pk for f in files] for files in received]
        )
        self.client.logout()
        for url in [*self.urls(image), document.url]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                b"".join(response.streaming_content)  # read to the end, which closes the file
        response = self.client.get(self.urls(image)[1])
        self.assertIn("public", response["Cache-Control"])
        b"".join(response.streaming_content)  # read to the end, which closes the file

    def test_publishing_content_approves_the_files_it_uses(self):
        club, image = self.clubs["A"], self.images["A"]
        club.logo = image
        revision = club.save_revision(user=self.editors["A"])
        self.assertFalse(is_public(self.fresh(image)))
        revision.publish(user=self.moderator)
        self.assertTrue(is_public(self.fresh(image)))
        news = NewsItemFactory(club=self.clubs["B"], title="Neu", image=self.images["B"])
        self.assertFalse(is_public(self.fresh(self.images["B"])))
        news.save_revision().publish()
        self.assertTrue(is_public(self.fresh(self.images["B"])))
        response = self.client.get(self.urls(image)[1])
        self.assertEqual(response.status_code, 200)
        b"".join(response.streaming_content)  # read to the end, which closes the file

    def test_a_clubs_content_does_not_approve_another_clubs_files(self):
        """Club A's editor names club B's private document by its id; the moderator approves
        A's content: B's file stays private."""
        document = self.documents["B"]
        news = NewsItemFactory(club=self.clubs["A"], title="Fremder Anhang")
        news.body = f'<p><a linktype="document" id="{document.pk}">Satzung</a></p>'
        news.save_revision(user=self.editors["A"]).publish(user=self.moderator)
        self.assertFalse(is_public(self.fresh(document)))
        self.assertEqual(self.client.get(document.url).status_code, 404)

    def test_moderators_uploads_are_public_at_once(self):
        self.login(self.moderator)
        self.client.post(
            reverse("wagtailimages:add"),
            {"title": "Von der Moderation", "file": png(), "collection": self.collections["B"].pk},
        )
        image = Image.objects.get(title="Von der Moderation")
        self.assertEqual(image.collection, self.collections["B"])
        self.assertTrue(is_public(image))
        self.assertTrue(is_public(self.shared_image))

    def test_replacing_the_file_withdraws_the_approval(self):
        image = self.images["A"]
        self.login(self.moderator)
        url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "approve"])
        self.client.post(f"{url}?id={image.pk}")
        self.assertTrue(is_public(self.fresh(image)))
        self.login(self.editors["A"])
        response = self.client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "file": png("neu.png"), "collection": self.collections["A"].pk},
        )
        self.assertEqual(response.status_code, 302)
        image = self.fresh(image)
        self.assertTrue(image.file.name.endswith(".png"))
        self.assertFalse(is_public(image))
        self.client.logout()
        self.assertEqual(self.client.get(image.file.url).status_code, 404)


class ApiTest(MediaWorld):
    def test_the_api_shows_only_approved_files(self):
        club, image = self.clubs["A"], self.images["A"]
        club.logo = image
        club.save()  # live from code, without a moderator's approval
        url = f"/api/v1/clubs/{club.pk}/"
        body = self.client.get(url).json()
        self.assertIsNone(body["logo"])
        self.assertNotIn("/media/", json.dumps(body))
        self.login(self.moderator)
        bulk = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "approve"])
        self.client.post(f"{bulk}?id={image.pk}")
        self.client.logout()
        logo = self.client.get(url).json()["logo"]
        self.assertEqual(logo["id"], image.pk)
        for rendition in logo["renditions"].values():
            response = self.client.get(rendition["url"])
            self.assertEqual(response.status_code, 200)
            b"".join(response.streaming_content)  # read to the end, which closes the file

    def test_rich_text_never_carries_an_unapproved_files_url(self):
        image, document = self.images["A"], self.documents["A"]
        news = NewsItemFactory(club=self.clubs["A"], title="Mit Anhang", published=True)
        body = (
            f'<p><a linktype="document" id="{document.pk}">Satzung</a></p>'
            f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Bild"/>'
        )
        type(news).objects.filter(pk=news.pk).update(body=body)  # live from code
        url = f"/api/v1/news/{news.pk}/"
        text = json.dumps(self.client.get(url).json())
        self.assertIn("Satzung", text)
        self.assertNotIn("/media/", text)
        self.assertNotIn("/documents/", text)
        self.login(self.moderator)
        for app, file in (("wagtailimages", image), ("wagtaildocs", document)):
            bulk = reverse(
                "wagtail_bulk_action", args=[app, type(file)._meta.model_name, "approve"]
            )
            self.client.post(f"{bulk}?id={file.pk}")
        self.client.logout()
        text = json.dumps(self.client.get(url).json())
        self.assertIn(document.url, text)
        self.assertIn("/media/images/", text)


class PendingFilesReportTest(MediaWorld):
    def test_moderators_see_what_waits_for_approval_and_approve_it(self):
        self.login(self.moderator)
        for url_name, pending, approved in (
            ("ben_media_approval:images", self.images["A"], self.shared_image),
            ("ben_media_approval:documents", self.documents["B"], None),
        ):
            with self.subTest(url_name):
                response = self.client.get(reverse(url_name))
                self.assertContains(response, pending.title)
                self.assertContains(response, "Freigeben")
                if approved is not None:
                    self.assertNotContains(response, approved.title)
        menu = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertIn("Bilder zur Freigabe", menu)
        app = "wagtailimages"
        bulk = reverse("wagtail_bulk_action", args=[app, "image", "approve"])
        self.client.post(f"{bulk}?id={self.images['A'].pk}")
        response = self.client.get(reverse("ben_media_approval:images"))
        self.assertNotContains(response, self.images["A"].title)

    def test_club_editors_have_no_access(self):
        self.login(self.editors["A"])
        for url_name in ("ben_media_approval:images", "ben_media_approval:documents"):
            response = self.client.get(reverse(url_name))
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn(b"von Verein", response.content)
        self.assertNotIn(
            "zur Freigabe", self.client.get(reverse("wagtailadmin_home")).content.decode()
        )
