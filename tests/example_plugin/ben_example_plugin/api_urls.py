from django.urls import path
from rest_framework import mixins, serializers

from cms.api.viewsets import ApiViewSet

from .models import ClubAnnouncement


class ClubAnnouncementSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClubAnnouncement
        fields = ["id", "title", "slug", "club", "text"]


class ClubAnnouncementViewSet(mixins.ListModelMixin, ApiViewSet):
    """Live announcements of all clubs."""

    model = ClubAnnouncement
    serializer_class = ClubAnnouncementSerializer
    queryset = ClubAnnouncement.objects.filter(live=True).order_by("title")


urlpatterns = [
    path(
        "announcements/",
        ClubAnnouncementViewSet.as_view({"get": "list"}),
        name="announcements",
    )
]
