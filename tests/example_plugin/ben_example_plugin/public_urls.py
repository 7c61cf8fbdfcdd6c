"""Public pages under /mitmachen/example/: the HTML form and the speaker's objection link."""

from django.db import transaction
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views import View

from ben_plugins.core import tokens
from ben_plugins.core.intake.views import IntakeFormView
from ben_plugins.core.personal_data import erase_named_person

from .intake import SPEAKER_OBJECTION, TopicSuggestionIntake


class TopicSuggestionFormView(IntakeFormView):
    intake = TopicSuggestionIntake


class SpeakerObjectionView(View):
    """A named speaker objects: their name and address are erased at once, with the comments
    and labels that may name them in the record's logs."""

    def get(self, request, token):
        try:
            tokens.peek(SPEAKER_OBJECTION, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return render(request, "ben_example_plugin/speaker_objection.html", {"done": False})

    def post(self, request, token):
        try:
            with transaction.atomic():
                suggestion = tokens.consume(SPEAKER_OBJECTION, token)
                erase_named_person(suggestion, "speaker_email")
                suggestion.speaker_objected_at = timezone.now()
                suggestion.save(update_fields=["speaker_objected_at"])
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return render(request, "ben_example_plugin/speaker_objection.html", {"done": True})


urlpatterns = [
    path("thema-vorschlagen/", TopicSuggestionFormView.as_view(), name="topic-suggestion"),
    path("widerspruch/<str:token>/", SpeakerObjectionView.as_view(), name="speaker-objection"),
]
