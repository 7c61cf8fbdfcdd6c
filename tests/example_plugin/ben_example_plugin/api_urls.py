from django.urls import path
from rest_framework import mixins, serializers

from ben_plugins.core.intake.views import IntakeViewSet
from cms.api.viewsets import ApiViewSet

from .intake import TopicSuggestionIntake
from .models import ClubAnnouncement


class ClubAnnouncementSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClubAnnouncement
        fields = ["id", "title", "slug", "club", "text"]


class ClubAnnouncementViewSet(mixins.ListModelMixin, ApiViewSet):
    """Live announcements of all clubs."""

    model = ClubAnnouncement
    shows = (ClubAnnouncement,)  # publishing one invalidates and purges this list
    serializer_class = ClubAnnouncementSerializer
    queryset = ClubAnnouncement.objects.filter(live=True).order_by("title")


class TopicSuggestionViewSet(IntakeViewSet):
    """Suggest a topic for a club evening (double opt-in)."""

    intake = TopicSuggestionIntake


urlpatterns = [
    path(
        "announcements/",
        ClubAnnouncementViewSet.as_view({"get": "list"}),
        name="announcements",
    ),
    # POST /api/v1/example/topic-suggestions/ and GET …/topic-suggestions/consent/
    *TopicSuggestionViewSet.urls("topic-suggestions/", "topic-suggestions"),
]
