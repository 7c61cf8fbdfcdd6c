"""Mounted by the plugin core under /api/v1/feeds/."""

from django.urls import path

from . import views

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

urlpatterns = [
    path("events.ics", views.AllEventsCalendar.as_view(LIST), name="events-ics"),
    path(
        "clubs/<slug:slug>/events.ics",
        views.ClubEventsCalendar.as_view(LIST),
        name="club-events-ics",
    ),
    path(
        "categories/<slug:slug>/events.ics",
        views.CategoryEventsCalendar.as_view(LIST),
        name="category-events-ics",
    ),
    path("clubs.geojson", views.ClubsGeoJSON.as_view(LIST), name="clubs-geojson"),
    path("benefit-partners.geojson", views.PartnersGeoJSON.as_view(LIST), name="partners-geojson"),
    path("jsonld/events/<int:pk>/", views.EventJSONLD.as_view(DETAIL), name="event-jsonld"),
    path("jsonld/clubs/<int:pk>/", views.ClubJSONLD.as_view(DETAIL), name="club-jsonld"),
    path(
        "jsonld/benefit-partners/<int:pk>/",
        views.PartnerJSONLD.as_view(DETAIL),
        name="partner-jsonld",
    ),
    path("news.rss", views.NewsFeedViewSet.as_view(LIST), name="news-rss"),
    path("news.atom", views.AtomNewsFeedViewSet.as_view(LIST), name="news-atom"),
]
