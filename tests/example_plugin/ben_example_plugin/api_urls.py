from django.urls import path
from rest_framework import generics, serializers

from .models import ClubAnnouncement


class ClubAnnouncementSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClubAnnouncement
        fields = ["id", "title", "slug", "club", "text"]


class ClubAnnouncementList(generics.ListAPIView):
    """Live announcements of all clubs."""

    serializer_class = ClubAnnouncementSerializer
    queryset = ClubAnnouncement.objects.filter(live=True).order_by("title")


urlpatterns = [path("announcements/", ClubAnnouncementList.as_view(), name="announcements")]
