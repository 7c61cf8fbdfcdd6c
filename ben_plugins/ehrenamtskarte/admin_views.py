"""The plugin's own admin screens: a club's Sammelanträge, the partners' CSV and the statistics.

The applications themselves are worked in the inbox generated from their personal-data
declaration (only the group „Ehrenamtskarte-Büro“ and administrators).
"""

import tablib
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ben_plugins.core import mail
from ben_plugins.core.intake import service
from ben_plugins.core.personal_data import ClubAccess, GroupAccess, log_access
from cms.core import sites
from cms.pages.models import ClubPage

from . import eligibility, statistics
from .intake import CardApplicationIntake, club_in_bitburg
from .models import OFFICE, Allowance, Card, CardApplication, RuleSet
from .partners import PartnerResource

#: Club editors (and board members) see the clubs they belong to; administrators all.
FILING_CLUBS = ClubAccess("pk")
#: The applications a club filed: its own ones only.
FILED = ClubAccess("filed_by_club")
OFFICE_ACCESS = GroupAccess(OFFICE)
#: At most this many volunteers per Sammelantrag (one page of the form).
GROUP_ROWS = 10


class RefusedWith403:
    """A plain 403 instead of Wagtail's redirect to the dashboard."""

    def allowed(self, user) -> bool:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class VolunteerForm(forms.Form):
    first_name = forms.CharField(label="Vorname", max_length=100)
    last_name = forms.CharField(label="Nachname", max_length=100)
    birth_date = forms.DateField(label="Geburtsdatum", widget=forms.DateInput({"type": "date"}))
    street = forms.CharField(label="Straße und Hausnummer", max_length=200)
    postal_code = forms.RegexField(r"^\d{5}$", label="PLZ", max_length=5)
    city = forms.CharField(label="Ort", max_length=100)
    lives_in_bitburg = forms.BooleanField(label="Wohnt in Bitburg", required=False)
    email = forms.EmailField(label="E-Mail (für die Einwilligung)")
    card = forms.ChoiceField(label="Karte", choices=Card.choices)
    years_of_engagement = forms.IntegerField(
        label="Jahre Engagement insgesamt", min_value=0, max_value=100, initial=0
    )
    role = forms.CharField(label="Aufgabe im Verein", max_length=200)
    hours_per_week = forms.DecimalField(
        label="Stunden pro Woche", min_value=0, max_value=168, decimal_places=2
    )
    since = forms.DateField(label="Aktiv seit", widget=forms.DateInput({"type": "date"}))
    allowance = forms.ChoiceField(label="Aufwandsentschädigung", choices=Allowance.choices)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in ("birth_date", "since"):
            if data.get(name) and data[name] > today:
                self.add_error(name, "Das Datum darf nicht in der Zukunft liegen.")
        return data


VolunteerFormSet = forms.formset_factory(
    VolunteerForm, extra=3, max_num=GROUP_ROWS, validate_max=True, min_num=1, validate_min=True
)


class ClubChoiceForm(forms.Form):
    club = forms.ModelChoiceField(label="Verein", queryset=ClubPage.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = FILING_CLUBS.visible(
            ClubPage.objects.order_by("title"), user
        )


def file_application(club: ClubPage, volunteer: dict, base_url: str) -> CardApplication:
    """One volunteer's application filed by the club; the volunteer confirms consent by the
    intake's confirmation link, and only then the club's confirmation counts."""
    activity = {
        "club": club.pk,
        "organisation": club.title,
        "in_bitburg": club_in_bitburg(club),
        "role": volunteer["role"],
        "hours_per_week": volunteer["hours_per_week"],
        "hours_per_year": None,
        "since": volunteer["since"],
        "allowance": volunteer["allowance"],
    }
    answers = {**volunteer, "activities": [activity]}
    answer = eligibility.assess(answers, RuleSet.objects.in_force(), timezone.localdate())
    consent = CardApplicationIntake.consent
    fields = {
        name: volunteer[name]
        for name in (
            "first_name",
            "last_name",
            "birth_date",
            "street",
            "postal_code",
            "city",
            "lives_in_bitburg",
            "email",
            "card",
            "years_of_engagement",
        )
    }
    with transaction.atomic():
        application = CardApplication.all_submissions.create(
            **fields,
            activities=[activity],
            filed_by_club=club,
            eligibility_result=answer.result,
            eligibility_card=answer.card or "",
            eligibility_reasons=answer.reasons,
            rule_set=answer.rule_set,
            consent_text=consent.text("de"),
            consent_version=consent.version,
        )
        mail.send_later(
            "ehrenamtskarte/mail/group_consent",
            application,
            language="de",
            base_url=base_url,
            links={"confirm_url": mail.Link(service.CONFIRM, "ben_intake_confirm")},
            context={"club": club.title},
        )
    return application


class GroupApplicationsView(RefusedWith403, WagtailAdminTemplateMixin, TemplateView):
    """A club's Sammelanträge: the status of what it filed, nothing else; and a new one.

    The list names each volunteer, so every showing is in the access log, one entry per
    listed application – those still waiting for the volunteer's consent too: the club typed
    them in and follows up on them, and they are gone 48 hours after filing if nobody
    consents."""

    template_name = "ehrenamtskarte/admin/group_applications.html"
    page_title = "Sammelanträge Ehrenamtskarte"

    def allowed(self, user) -> bool:
        return FILING_CLUBS.may_list(user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        filed = FILED.visible(
            CardApplication.all_submissions.filter(filed_by_club__isnull=False), user
        ).select_related("filed_by_club")
        listed = list(filed.order_by("-submitted_at"))
        log_access(listed, "view", user)
        rows = [
            {
                "reference": application.reference,
                "name": f"{application.first_name} {application.last_name}",
                "club": application.filed_by_club.title,
                "filed": application.submitted_at,
                "status": application.get_status_display()
                if application.is_confirmed
                else "wartet auf Einwilligung",
            }
            for application in listed
        ]
        kwargs.setdefault("club_form", ClubChoiceForm(user=user))
        kwargs.setdefault("formset", VolunteerFormSet(prefix="v"))
        return super().get_context_data(rows=rows, **kwargs)

    def post(self, request):
        club_form = ClubChoiceForm(request.POST, user=request.user)
        formset = VolunteerFormSet(request.POST, prefix="v")
        if not (club_form.is_valid() and formset.is_valid()):
            context = self.get_context_data(club_form=club_form, formset=formset)
            return self.render_to_response(context, status=400)
        club = club_form.cleaned_data["club"]
        volunteers = [form.cleaned_data for form in formset if form.cleaned_data]
        base_url = sites.base_url(request)
        for volunteer in volunteers:
            file_application(club, volunteer, base_url)
        messages.success(
            request,
            f"{len(volunteers)} Anträge für {club.title} angelegt. Jede Person bekommt eine "
            "E-Mail und willigt mit dem Link darin ein (binnen 48 Stunden).",
        )
        return redirect("ehrenamtskarte_group_applications")


class PartnerCsvView(RefusedWith403, WagtailAdminTemplateMixin, TemplateView):
    """Benefit partners as CSV: export; import with a dry-run preview, then for real."""

    template_name = "ehrenamtskarte/admin/partners.html"
    page_title = "Vorteilspartner als CSV"
    max_bytes = 1024 * 1024

    def allowed(self, user) -> bool:
        return OFFICE_ACCESS.may_list(user)

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            response = HttpResponse(
                PartnerResource().export().csv, content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="vorteilspartner.csv"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request):
        text, problem = self.uploaded_text(request)
        if problem:
            messages.error(request, problem)
            return redirect("ehrenamtskarte_partners")
        dataset = tablib.Dataset().load(text, format="csv")
        confirm = request.POST.get("confirm") == "1"
        result = PartnerResource(user=request.user).import_data(
            dataset, dry_run=not confirm, raise_errors=False, collect_failed_rows=True
        )
        failed = result.has_errors() or result.has_validation_errors()
        if confirm and not failed:
            totals = result.totals
            messages.success(
                request,
                f"Importiert: {totals['new']} neu, {totals['update']} geändert, "
                f"{totals['skip']} unverändert.",
            )
            return redirect("ehrenamtskarte_partners")
        context = self.get_context_data(preview=preview_rows(result), csv_text=text, failed=failed)
        return self.render_to_response(context, status=400 if failed else 200)

    def uploaded_text(self, request) -> tuple[str, str]:
        upload = request.FILES.get("file")
        if upload is not None:
            if upload.size > self.max_bytes:
                return "", "Die Datei ist zu groß (höchstens 1 MB)."
            raw = upload.read()
        else:
            raw = request.POST.get("csv_text", "").encode()
        if not raw:
            return "", "Bitte eine CSV-Datei wählen."
        try:
            return raw.decode("utf-8-sig"), ""
        except UnicodeDecodeError:
            return "", "Die Datei ist nicht in UTF-8 gespeichert."


IMPORT_TYPES = {
    "new": "neu",
    "update": "geändert",
    "skip": "unverändert",
    "error": "Fehler",
    "invalid": "Fehler",
    "delete": "gelöscht",
}


def preview_rows(result) -> list[dict]:
    """Each row of the dry run: what would happen, and why not where it fails."""
    rows = [
        {"number": "–", "action": "Fehler", "title": "", "errors": [str(error.error)]}
        for error in result.base_errors
    ]
    for number, row in enumerate(result.rows, start=1):
        errors = [str(error.error) for error in row.errors]
        if row.validation_error is not None:
            errors += [
                f"{field}: {' '.join(str(m) for m in messages)}"
                for field, messages in row.validation_error.message_dict.items()
            ]
        rows.append(
            {
                "number": number,
                "action": IMPORT_TYPES.get(row.import_type, row.import_type),
                "title": getattr(row.instance, "title", "") if row.instance else "",
                "errors": errors,
            }
        )
    return rows


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """For the steering group: counts only (the same figures as the API)."""

    template_name = "ehrenamtskarte/admin/statistics.html"
    page_title = "Statistik Ehrenamtskarte"

    def get_context_data(self, **kwargs):
        figures = statistics.figures(timezone.localdate())
        labels = dict(CardApplication.Status.choices)
        for row in figures["by_status"]:
            row["key"] = labels.get(row["key"], row["key"])
        return super().get_context_data(
            figures=figures, api_url=reverse("ehrenamtskarte:statistics"), **kwargs
        )
