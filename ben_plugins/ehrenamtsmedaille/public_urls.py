"""/mitmachen/ehrenamtsmedaille/vorschlagen/: the German form of the nomination."""

from django.shortcuts import render
from django.urls import path

from ben_plugins.core.intake.serializers import NON_FIELD
from ben_plugins.core.intake.views import IntakeFormView, accepted_message

from .intake import CallClosed, NominationIntake

#: The form's own e-mail field (rendered by the intake's template) is the nominator's.
FORM_EMAIL, JSON_EMAIL = "email", "nominator_email"


class NominationFormView(IntakeFormView):
    """The intake's form; the nominator's address sits in the form's own e-mail field."""

    intake = NominationIntake

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except CallClosed as closed:
            values = self.data_from(request)
            return self.form(request, values=values, errors={NON_FIELD: [str(closed.detail)]})

    def data_from(self, request) -> dict:
        data = super().data_from(request)
        if email := request.POST.get(FORM_EMAIL, ""):
            data[JSON_EMAIL] = email
        return data

    def context(self, request, **extra) -> dict:
        context = super().context(request, **extra)
        if "fields" in context:
            fields = context["fields"]
            [email] = [field for field in fields if field["name"] == JSON_EMAIL]
            context["fields"] = [field for field in fields if field is not email]
            context["own_errors"]["email"] = email["errors"]
            context["values"] = {**context["values"], FORM_EMAIL: email["value"]}
            context["error_summary"] = [
                (FORM_EMAIL if name == JSON_EMAIL else name, message)
                for name, message in context["error_summary"]
            ]
        return context

    def done(self, request):
        """The intake's page, naming the reference (a filled honeypot gets one too)."""
        message = accepted_message()
        if reference := getattr(request, "nomination_reference", ""):
            message = f"{message} Ihr Aktenzeichen: {reference}."
        return render(
            request, "ben_plugins/intake/pending.html", self.context(request, message=message)
        )


urlpatterns = [path("vorschlagen/", NominationFormView.as_view(), name="nomination")]
