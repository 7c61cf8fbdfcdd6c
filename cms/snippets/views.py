"""Admin views for snippets, grouped in the menu as the editors think of them."""

from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.moderation.views import ClubScopedSnippetViewSet

from .models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity


class ClubContentViewSet(ClubScopedSnippetViewSet):
    list_display = ["title", "club", UpdatedAtColumn()]
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
