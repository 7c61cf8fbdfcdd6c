"""Club media: each club's collection, the shared collection, and which files the public gets.

Club editors upload into their club's collection and choose from it and from the shared
collection, which only moderators fill (Wagtail collection permissions, granted in roles.py).
A file in a club's collection stays private until a moderator approves it: explicitly (the
"Freigeben" bulk action of the image and document listings) or by approving or publishing
content of that club that uses it. Files elsewhere (the shared collection, the root, the demo's
logos) can only be put there by moderators and are approved as they are saved; so are
moderators' uploads.

Private files reach only admin users who may choose or edit them. Documents are served by
Wagtail's serve view, which asks ``check_document_download`` first; image originals and
renditions live below MEDIA_ROOT, which no web server serves, and reach the browser through
``serve_image_file`` (their URLs stay MEDIA_URL + file name). Rich text expands an unapproved
file like a deleted one. Replacing the file of a club's image or document withdraws its
approval.

``media_approved`` is sent once per approval (explicit or implicit) with the approved files:
the API bumps the generation of their label (cms.api.invalidation), which also purges that
label's surrogate key from the HTTP caches in front (API answers that show files). File URLs
are not purged: the 404 for an unapproved file is never cached, an approved file is cached
for PUBLIC_MAX_AGE, and a cache running deploy/varnish/ben.vcl drops one URL in every
language variant on ``PURGE <url>`` (docs/deployment.md).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal
from django.http import Http404
from django.utils.cache import patch_cache_control
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images import get_image_model
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Collection, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.signals import page_published, published
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from .models import ClubEditorGroup, DocumentApproval, ImageApproval, club_of

SHARED_COLLECTION = "Gemeinsame Medien"
#: What a club's editor group may do in the club's collection (owners may also delete their
#: own uploads, Wagtail's ownership rule) and in the shared collection.
CLUB_COLLECTION_ACTIONS = ("add", "change", "choose")
SHARED_COLLECTION_ACTIONS = ("choose",)
#: How long browsers and proxies keep an approved image file.
PUBLIC_MAX_AGE = 24 * 60 * 60

#: Sent after files were approved; sender: the image or document model, files: the instances,
#: user: the approving moderator (None when content approved them). Sent inside the approving
#: transaction: receivers that reach outside (HTTP purges) defer to transaction.on_commit.
media_approved = Signal()


def file_models() -> list:
    return [get_image_model(), get_document_model()]


def _approval_model(model):
    return ImageApproval if issubclass(model, get_image_model()) else DocumentApproval


def _file_field(model) -> str:
    return "image" if issubclass(model, get_image_model()) else "document"


def shared_collection() -> Collection | None:
    """The collection every club may choose from; only moderators upload into it."""
    root = Collection.get_first_root_node()
    if root is None:
        return None
    return root.get_children().filter(name=SHARED_COLLECTION).first() or root.add_child(
        name=SHARED_COLLECTION
    )


def ensure_club_collection(link: ClubEditorGroup) -> Collection | None:
    """The club's collection, created on first use and named after the club."""
    root = Collection.get_first_root_node()
    if root is None:
        return None
    name = link.club.title[:255]
    collection = link.collection
    if collection is None:
        collection = root.add_child(name=name)
        link.collection = collection
        link.save(update_fields=["collection"])
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def is_club_file(file) -> bool:
    """Whether the file lies in a club's collection (or in a collection below one)."""
    ancestors = file.collection.get_ancestors(inclusive=True)
    return ClubEditorGroup.objects.filter(collection__in=ancestors).exists()


def is_public(file) -> bool:
    """Whether anyone may fetch the file: it is approved (``select_related("…approval")``
    answers this without a query)."""
    try:
        file.approval  # noqa: B018 (reads the cached relation or queries it)
    except ObjectDoesNotExist:
        return False
    return True


def may_see(user, file) -> bool:
    """Admin users who may choose or edit the file see it before it is approved."""
    if not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(type(file))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], file)


def may_approve(user, model) -> bool:
    """Moderators and administrators: who may edit files in every collection (the root)."""
    if user is None or not (user.is_authenticated and user.is_active):
        return False
    policy = policy_registry.get_by_type(model)
    return policy.collections_user_has_permission_for(user, "change").filter(depth=1).exists()


@transaction.atomic
def approve(model, files, user=None) -> list:
    """Approve the files not yet approved; send ``media_approved`` with those."""
    approval_model, field = _approval_model(model), _file_field(model)
    newly = []
    for file in files:
        file.approval, created = approval_model.objects.get_or_create(
            **{field: file}, defaults={"approved_by": user}
        )
        if created:
            newly.append(file)
    if newly:
        media_approved.send(sender=model, files=newly, user=user)
    return newly


def approve_files_used_by(instance) -> None:
    """Content was approved or published: so are the images and documents it uses.

    Wagtail's reference index knows every use (foreign keys, StreamField blocks, rich text,
    child objects); it is brought up to date for the published content first. A club's
    content approves only files of its own club's collection: another club's private file,
    named by its id in a form, stays private until a moderator approves it explicitly.
    """
    if not ReferenceIndex.is_indexed(type(instance)):
        return
    ReferenceIndex.create_or_update_for_object(instance)
    references = ReferenceIndex.get_references_for_object(instance)
    club = club_of(instance)
    for model in file_models():
        ids = references.filter(
            to_content_type=ContentType.objects.get_for_model(model)
        ).values_list("to_object_id", flat=True)
        files = model.objects.filter(pk__in=[int(pk) for pk in ids if pk.isdigit()])
        if club is not None:
            files = files.filter(collection__in=_club_collections(club))
        approve(model, files)


def _club_collections(club):
    link = ClubEditorGroup.objects.select_related("collection").filter(club=club).first()
    if link is None or link.collection is None:
        return Collection.objects.none()
    return Collection.objects.descendant_of(link.collection, inclusive=True)


def _content_published(sender, instance, **kwargs):
    approve_files_used_by(instance)


def _remember_stored_file(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._ben_stored_file = None
        return
    instance._ben_stored_file = (
        sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    )


def _file_saved(sender, instance, created, raw=False, **kwargs):
    """Approve what moderators put anywhere and what lies outside club collections; withdraw
    the approval of a club's file whose file was replaced."""
    if raw:
        return
    replaced = not created and getattr(instance, "_ben_stored_file", None) not in (
        None,
        instance.file.name,
    )
    if not is_club_file(instance):
        approve(sender, [instance])
    elif created and may_approve(instance.uploaded_by_user, sender):
        approve(sender, [instance], instance.uploaded_by_user)
    elif replaced:
        _approval_model(sender).objects.filter(pk=instance.pk).delete()
        instance._state.fields_cache.pop("approval", None)


class PublicFilesOnly:
    """Rich text handler mixin: an unapproved file is expanded like a deleted one (an image
    without source, a link without target), so rich text never carries its URL."""

    @classmethod
    def get_many(cls, attrs_list):
        return [
            file if file is not None and is_public(file) else None
            for file in super().get_many(attrs_list)
        ]


class PublicDocumentLinkHandler(PublicFilesOnly, DocumentLinkHandler):
    pass


class PublicImageEmbedHandler(PublicFilesOnly, ImageEmbedHandler):
    pass


def register_rich_text_handlers(features) -> None:
    """register_rich_text_features hook, after Wagtail's own (they share the identifiers)."""
    features.register_link_type(PublicDocumentLinkHandler)
    features.register_embed_type(PublicImageEmbedHandler)


def check_document_download(document, request):
    """before_serve_document hook: an unapproved document is "not found" for strangers."""
    if not is_public(document) and not may_see(request.user, document):
        raise Http404


def serve_image_file(request, path):
    """An image original or rendition below MEDIA_ROOT, to anyone once the image is approved,
    before that only to admin users who may choose or edit it; else 404.

    Sent by Wagtail's sendfile (SENDFILE_BACKEND, e.g. nginx's X-Accel-Redirect, or
    streamed by Django without one).
    """
    image_model = get_image_model()
    if path.startswith("images/"):
        rendition = (
            image_model.get_rendition_model()
            .objects.select_related("image__approval")
            .filter(file=path)
            .first()
        )
        image, file = (rendition.image, rendition.file) if rendition else (None, None)
    elif path.startswith("original_images/"):
        image = image_model.objects.select_related("approval").filter(file=path).first()
        file = image.file if image else None
    else:
        image = file = None
    if image is None:
        raise Http404
    public = is_public(image)
    if not public and not may_see(request.user, image):
        raise Http404
    options = {}
    if not hasattr(settings, "SENDFILE_BACKEND"):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, file.path, **options)
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def connect() -> None:
    page_published.connect(_content_published, dispatch_uid="ben_media_page_published")
    published.connect(_content_published, dispatch_uid="ben_media_published")
    for model in file_models():
        pre_save.connect(_remember_stored_file, sender=model, dispatch_uid="ben_media_stored")
        post_save.connect(_file_saved, sender=model, dispatch_uid="ben_media_saved")
