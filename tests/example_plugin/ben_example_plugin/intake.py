"""The example's submission type „Themenvorschlag“: everything it needs to declare."""

from datetime import timedelta

from rest_framework import serializers

from ben_plugins.core import mail, tokens
from ben_plugins.core.intake.serializers import IntakeSerializer, StrictSerializer
from ben_plugins.core.intake.service import Consent, Intake
from cms.core.sites import base_url

from .models import TopicSuggestion

#: The one-time link in the Art. 14 notice with which a named speaker objects.
SPEAKER_OBJECTION = tokens.Purpose("example.speaker_objection", lifetime=timedelta(days=30))


class SessionSerializer(StrictSerializer):
    """A preferred date for the evening."""

    date = serializers.DateField(label="Datum")
    duration_minutes = serializers.IntegerField(
        label="Dauer in Minuten", min_value=15, max_value=480
    )


class TopicSuggestionSerializer(IntakeSerializer):
    """A topic for a club evening, optionally with a speaker to invite and preferred dates."""

    name = serializers.CharField(label="Ihr Name", max_length=200)
    topic = serializers.CharField(label="Thema", max_length=200)
    text = serializers.CharField(
        label="Worum soll es gehen?",
        max_length=5000,
        style={"base_template": "textarea.html"},
        help_text="Höchstens 5000 Zeichen.",
    )
    speaker_name = serializers.CharField(
        label="Vorgeschlagene Referentin / vorgeschlagener Referent",
        max_length=200,
        required=False,
    )
    speaker_email = serializers.EmailField(
        label="E-Mail der Referentin / des Referenten", max_length=254, required=False
    )
    sessions = SessionSerializer(
        many=True, required=False, max_length=5, help_text="Bis zu fünf Wunschtermine."
    )


class TopicSuggestionIntake(Intake):
    model = TopicSuggestion
    serializer_class = TopicSuggestionSerializer
    title = "Thema vorschlagen"
    title_en = "Suggest a topic"
    consent = Consent(
        version="2026-12-01",
        text_de=(
            "Ich bin einverstanden, dass die Stadt Bitburg meinen Namen, meine E-Mail-Adresse "
            "und meinen Themenvorschlag speichert, um den Vorschlag zu prüfen und mir zu "
            "antworten. Ich kann die Einwilligung jederzeit widerrufen."
        ),
        text_en=(
            "I agree that the town of Bitburg stores my name, my email address and my topic "
            "suggestion to review the suggestion and to answer me. I can withdraw this "
            "consent at any time."
        ),
    )

    @classmethod
    def confirmed(cls, submission, request):
        """A named speaker learns of it once the submitter has confirmed (Art. 14)."""
        if not submission.speaker_email:
            return
        mail.send_art14_notice(
            submission,
            recipient_field="speaker_email",
            base_url=base_url(request),
            purpose="Prüfung eines Themenvorschlags für einen Vereinsabend, in dem Sie als "
            "Referentin oder Referent genannt sind.",
            categories="Name und E-Mail-Adresse",
            source="Eine Bürgerin oder ein Bürger über das Formular „Thema vorschlagen“.",
            objection=mail.Link(SPEAKER_OBJECTION, "example_public:speaker-objection"),
        )
