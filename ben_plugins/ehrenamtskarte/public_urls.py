"""Public pages under /mitmachen/ehrenamtskarte/: the eligibility check and the application as
German forms, and the one-time links of organisations, applicants and card holders."""

from urllib.parse import urlencode

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from ben_plugins.core import tokens
from ben_plugins.core.intake.serializers import dotted_errors
from ben_plugins.core.intake.views import IntakeFormView, flat_values, form_fields

from . import eligibility
from .confirmations import answer, answerable
from .intake import CardApplicationIntake, EligibilityCheck, EligibilitySerializer
from .models import CardApplication, OrganisationConfirmation, RuleSet
from .notifications import ORGANISATION, RENEWAL, WITHDRAW


class ApplicationFormView(IntakeFormView):
    """The application form; with ``?verlaengerung=<token>`` (the renewal link) it is filled
    in from the card's application, and the POST (the form posts to its own URL, query
    included) files a renewal with that token."""

    intake = CardApplicationIntake

    def get(self, request, *args, **kwargs):
        token = request.GET.get(RENEWAL_PARAMETER)
        if not token:
            return super().get(request, *args, **kwargs)
        try:
            card = tokens.peek(RENEWAL, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return self.form(request, values=renewal_values(card), errors={})

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except tokens.TokenError:  # used up by a second renewal sent at the same moment
            return self.form(
                request,
                values=self.data_from(request),
                errors={"renewal_token": [RENEWAL_LINK_USED]},
            )

    def data_from(self, request) -> dict:
        """The token comes from the link's query string, never from a form field."""
        data = super().data_from(request)
        data.pop("renewal_token", None)
        if token := request.GET.get(RENEWAL_PARAMETER):
            data["renewal_token"] = token
        return data

    def context(self, request, **extra) -> dict:
        if "fields" in extra:
            extra["fields"] = [f for f in extra["fields"] if f["name"] != "renewal_token"]
        return super().context(request, **extra)


RENEWAL_LINK_USED = "Mit diesem Verlängerungslink wurde bereits ein Antrag gestellt."
RENEWAL_PARAMETER = "verlaengerung"


def renewal_link(request, token):
    """The link in the renewal email: on to the form, filled in."""
    url = reverse("ehrenamtskarte_public:application")
    return redirect(f"{url}?{urlencode({RENEWAL_PARAMETER: token})}")


def renewal_values(card) -> dict:
    """A new application's values from the old one (contact addresses from its confirmations)."""
    old = card.application
    values = {"card": card.card, "kind": CardApplication.Kind.RENEWAL, "email": card.email}
    if old is None:
        return values
    contacts = {c.index: c.contact_email for c in old.confirmations.all()}
    activities = [
        {
            **{key: value for key, value in activity.items() if value is not None},
            "contact_email": "" if activity.get("club") else contacts.get(index, ""),
        }
        for index, activity in enumerate(old.activities)
    ]
    values.update(
        {
            name: getattr(old, name)
            for name in (
                "first_name",
                "last_name",
                "street",
                "postal_code",
                "city",
                "phone",
                "lives_in_bitburg",
                "years_of_engagement",
            )
        },
        birth_date=old.birth_date.isoformat(),
        activities=activities,
        language=old.language,
    )
    return values


class EligibilityFormView(IntakeFormView):
    """„Bekomme ich die Ehrenamtskarte?“ as a German form; nothing is stored."""

    intake = EligibilityCheck
    template_name = "ehrenamtskarte/eligibility.html"

    def get(self, request, *args, **kwargs):
        return self.form(request, values={}, errors={})

    def post(self, request, *args, **kwargs):
        data = self.data_from(request)
        serializer = EligibilitySerializer(data=data)
        if not serializer.is_valid():
            return self.form(request, values=data, errors=dotted_errors(serializer.errors))
        result = eligibility.assess(
            serializer.validated_data, RuleSet.objects.in_force(), timezone.localdate()
        )
        return self.form(request, values=data, errors={}, answer=result)

    def form(self, request, *, values, errors, answer=None):
        fields = form_fields(EligibilitySerializer(), values=flat_values(values), errors=errors)
        summary = [(name, message) for name, messages in errors.items() for message in messages]
        return render(
            request,
            self.template_name,
            {
                "title": "Bekomme ich die Ehrenamtskarte?",
                "fields": fields,
                "error_summary": summary,
                "answer": answer,
            },
            status=400 if errors else 200,
        )


@method_decorator(never_cache, name="dispatch")
class OrganisationAnswerView(View):
    """The organisation's link: GET shows the activity, POST confirms or rejects it; once
    answered (or the application is closed) every link of it shows only that it is closed."""

    template_name = "ehrenamtskarte/organisation.html"

    def get(self, request, token):
        try:
            confirmation = tokens.peek(ORGANISATION, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        if not answerable(confirmation):
            return self.closed(request)
        return self.page(request, confirmation)

    def page(self, request, confirmation, done=False, error=""):
        activity = confirmation.application.activities[confirmation.index]
        return render(
            request,
            self.template_name,
            {
                "confirmation": confirmation,
                "application": confirmation.application,
                "activity": activity,
                "done": done,
                "error": error,
            },
            status=400 if error else 200,
        )

    def closed(self, request):
        """No applicant data: the request was answered already or the application closed."""
        return render(request, self.template_name, {"closed": True}, status=410)

    def post(self, request, token):
        decision = request.POST.get("decision")
        comment = request.POST.get("comment", "").strip()[:2000]
        error = ""
        if decision not in ("confirm", "reject"):
            error = "Bitte wählen Sie eine Antwort."
        elif "\x00" in comment:
            error = "Der Kommentar enthält ein unzulässiges Steuerzeichen. Bitte entfernen Sie es."
        try:
            if error:
                confirmation = tokens.peek(ORGANISATION, token)
                if not answerable(confirmation):
                    return self.closed(request)
                return self.page(request, confirmation, error=error)
            with transaction.atomic():
                confirmation = tokens.consume(ORGANISATION, token)
                confirmation = (
                    OrganisationConfirmation.objects.select_for_update()
                    .select_related("application")
                    .get(pk=confirmation.pk)
                )
                if not answerable(confirmation):
                    return self.closed(request)
                answer(confirmation, decision == "confirm", comment)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return self.page(request, confirmation, done=True)


def can_withdraw(application) -> bool:
    targets = {t.target for t in CardApplication.transitions.from_state(application.status)}
    return CardApplication.Status.WITHDRAWN in targets


@method_decorator(never_cache, name="dispatch")
class WithdrawView(View):
    """The applicant's link: withdraw the application, until it is forwarded."""

    template_name = "ehrenamtskarte/withdraw.html"

    def get(self, request, token):
        try:
            application = tokens.peek(WITHDRAW, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return self.page(request, application)

    def page(self, request, application, done=False):
        possible = can_withdraw(application)
        return render(
            request,
            self.template_name,
            {"application": application, "done": done, "possible": possible},
            status=200 if done or possible else 409,
        )

    def post(self, request, token):
        try:
            application = tokens.peek(WITHDRAW, token)
            if not can_withdraw(application):
                return self.page(request, application)
            with transaction.atomic():
                application = tokens.consume(WITHDRAW, token)
                CardApplication.transitions.move(
                    application,
                    CardApplication.Status.WITHDRAWN,
                    None,
                    "Vom Antragsteller über den Link zurückgezogen.",
                )
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return self.page(request, application, done=True)


urlpatterns = [
    path("pruefen/", EligibilityFormView.as_view(), name="eligibility"),
    path("antrag/", ApplicationFormView.as_view(), name="application"),
    path("verlaengern/<str:token>/", renewal_link, name="renewal"),
    path("organisation/<str:token>/", OrganisationAnswerView.as_view(), name="organisation"),
    path("zurueckziehen/<str:token>/", WithdrawView.as_view(), name="withdraw"),
]
