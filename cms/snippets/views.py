"""Admin views for snippets, grouped in the menu as the editors think of them."""

from django import forms
from django.contrib import messages
from wagtail.admin.ui.tables import StatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.moderation.states import annotate_states, sent_back_message, state_of
from cms.moderation.views import ClubScopedSnippetViewSet

from .models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

#: Help for the fields every club content type shares (cms.moderation.club_content), given
#: here so that plugins' content types need no migration for them.
SHARED_HELP_TEXTS = {
    "club": "Der Verein oder die Einrichtung, für die Sie schreiben.",
    "categories": "Themen, unter denen Besucher*innen den Beitrag finden.",
    "slug": "Steht in der Internetadresse; leer lassen, dann wird es aus dem Titel gebildet.",
}


class ClubContentFormMixin:
    """Categories and target groups as checkboxes (a handful of terms, all visible at once)
    and German help on the shared fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
            if not field.help_text and name in SHARED_HELP_TEXTS:
                field.help_text = SHARED_HELP_TEXTS[name]


class ClubContentFormViewMixin:
    def get_form_class(self):
        form_class = super().get_form_class()
        return type(form_class.__name__, (ClubContentFormMixin, form_class), {})


class ClubFromQueryMixin:
    """``?club=<id>`` (the dashboard's "anlegen" buttons) preselects the club of new content;
    the form offers a club editor only their own clubs anyway."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        club = self.request.GET.get("club", "")
        if club.isdigit() and self.request.method == "GET":
            kwargs.setdefault("initial", {})["club"] = int(club)
        return kwargs


class SentBackMessageMixin:
    """The moderator's comment on a sent-back item, on top of its edit view."""

    def get(self, request, *args, **kwargs):
        if message := sent_back_message(self.object):
            messages.warning(request, message)
        return super().get(request, *args, **kwargs)


class StateListingMixin:
    """The listing knows each row's moderation state (one query for the whole page)."""

    def get_base_queryset(self):
        return annotate_states(super().get_base_queryset())


class ClubContentViewSet(ClubScopedSnippetViewSet):
    index_view_class = type(
        "ClubContentIndexView", (StateListingMixin, ClubScopedSnippetViewSet.index_view_class), {}
    )
    add_view_class = type(
        "ClubContentCreateView",
        (ClubFromQueryMixin, ClubContentFormViewMixin, ClubScopedSnippetViewSet.add_view_class),
        {},
    )
    edit_view_class = type(
        "ClubContentEditView",
        (SentBackMessageMixin, ClubContentFormViewMixin, ClubScopedSnippetViewSet.edit_view_class),
        {},
    )
    list_display = [
        "title",
        "club",
        StatusTagColumn(
            "ben_state",
            label="Stand",
            accessor=lambda obj: state_of(obj).label,
            primary=lambda obj: state_of(obj).live,
        ),
        UpdatedAtColumn(),
    ]
    list_filter = ["club", "live"]
    search_fields = ["title"]


class NewsItemViewSet(ClubContentViewSet):
    model = NewsItem
    icon = "doc-full"
    menu_label = "Neuigkeiten"


class VolunteerOpportunityViewSet(ClubContentViewSet):
    model = VolunteerOpportunity
    icon = "user"
    menu_label = "Engagementangebote"


class TrainingOfferViewSet(ClubContentViewSet):
    model = TrainingOffer
    icon = "calendar"
    menu_label = "Fortbildungen"


class ClubContentGroup(SnippetViewSetGroup):
    items = (NewsItemViewSet, VolunteerOpportunityViewSet, TrainingOfferViewSet)
    menu_icon = "group"
    menu_label = "Vereinsinhalte"
    menu_name = "club-content"


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    list_display = ["name", "slug"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, TargetGroupViewSet)
    menu_icon = "tag"
    menu_label = "Verschlagwortung"
    menu_name = "taxonomy"
