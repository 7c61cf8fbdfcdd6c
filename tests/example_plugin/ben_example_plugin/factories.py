"""Test factories for this plugin's models, found by the BEN CMS test suite.

The suite imports ``<plugin>.factories`` of every installed plugin, so suites that cover
every ClubContent type (the moderation permission matrix) cover this one too.
"""

from tests.factories.snippets import ClubContentFactory

from .models import ClubAnnouncement


class ClubAnnouncementFactory(ClubContentFactory):
    text = "Am Samstag ist Vereinsfest."

    class Meta:
        model = ClubAnnouncement
