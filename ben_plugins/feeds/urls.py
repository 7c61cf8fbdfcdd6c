"""Mounted by the plugin core under /api/v1/feeds/."""

from django.urls import path

from . import syndication, views

urlpatterns = [
    path("events.ics", views.all_events_ics, name="events-ics"),
    path("clubs/<slug:slug>/events.ics", views.club_events_ics, name="club-events-ics"),
    path(
        "categories/<slug:slug>/events.ics",
        views.category_events_ics,
        name="category-events-ics",
    ),
    path("clubs.geojson", views.ClubsGeoJSON.as_view(), name="clubs-geojson"),
    path("benefit-partners.geojson", views.PartnersGeoJSON.as_view(), name="partners-geojson"),
    path("jsonld/events/<int:pk>/", views.EventJSONLD.as_view(), name="event-jsonld"),
    path("jsonld/clubs/<int:pk>/", views.ClubJSONLD.as_view(), name="club-jsonld"),
    path("jsonld/benefit-partners/<int:pk>/", views.PartnerJSONLD.as_view(), name="partner-jsonld"),
    path("news.rss", syndication.NewsRssFeed(), name="news-rss"),
    path("news.atom", syndication.NewsAtomFeed(), name="news-atom"),
]
