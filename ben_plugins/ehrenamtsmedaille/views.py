"""The jury's one screen: every confirmed nomination of a call with its reasons, the juror's
private vote, and the chair's actions (merge duplicates, close the round, carry over)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ben_plugins.core.personal_data import log_access
from ben_plugins.core.transitions import TransitionRefused

from . import jury, rules
from .models import Call, Nomination, Vote

LETTERS = {"medal": "ehrenamtsmedaille.certificate", "letter": "ehrenamtsmedaille.thank_you"}
ART14_NOTICE = "ehrenamtsmedaille.art14_notice"


def may_use(user) -> bool:
    """The jury (and its chair) and administrators, as the nominations' declaration says."""
    return Nomination.personal_data.access.may_list(user)


@method_decorator(never_cache, name="dispatch")
class JuryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ehrenamtsmedaille/jury.html"
    page_title = "Jury Ehrenamtsmedaille"
    header_icon = "trophy"

    def dispatch(self, request, *args, **kwargs):
        if not may_use(request.user):
            return permission_denied(request, PermissionDenied())
        year = request.GET.get("jahr") or request.POST.get("jahr")
        if year is not None:
            if not (year.isascii() and year.isdigit()):
                raise Http404("Unbekannter Aufruf.")
            self.call = get_object_or_404(Call, year=int(year))
        else:
            self.call = jury.current_call()
        return super().dispatch(request, *args, **kwargs)

    def url(self) -> str:
        base = reverse("ehrenamtsmedaille_jury")
        return f"{base}?jahr={self.call.year}" if self.call else base

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            call=self.call,
            calls=Call.objects.order_by("-year"),
            is_chair=jury.is_chair(user),
            is_juror=jury.is_juror(user),
            art14_notice=ART14_NOTICE,
            choices=Vote.Choice.choices,
        )
        if self.call is None:
            return context
        nominations = list(
            self.call.nominations.exclude(status="merged")
            .select_related("call")
            .prefetch_related("votes__juror")
            .order_by("submitted_at", "pk")
        )
        log_access(nominations, "view", user)
        honours = rules.previous_honours(self.call, Nomination)
        duplicates = {}
        duplicate_groups = jury.duplicate_groups(self.call)
        for group in duplicate_groups:
            for nomination in group:
                duplicates[nomination.pk] = [other for other in group if other != nomination]
        rows = []
        for nomination in nominations:
            votes = nomination.votes.all()
            visible = jury.visible_votes(nomination, user)
            # The tally reveals the others' votes too: shown only to who may see those.
            winners = rules.majority(nomination) if visible else []
            rows.append(
                {
                    "nomination": nomination,
                    "own_vote": next((v for v in votes if v.juror_id == user.pk), None),
                    "votes": visible,
                    "votes_hidden": bool(votes) and not visible,
                    "vote_count": len(visible),
                    "majority": [rules.LABELS[w] for w in winners],
                    "tie": [(w, rules.LABELS[w]) for w in winners] if len(winners) > 1 else [],
                    "previous_honour": honours.get(nomination.person_key),
                    "duplicates": duplicates.get(nomination.pk, []),
                    "letter": LETTERS.get(nomination.status),
                    "inspect_url": reverse(
                        "ehrenamtsmedaille_nomination_modeladmin_inspect", args=[nomination.pk]
                    ),
                    "letter_url": reverse(
                        "ehrenamtsmedaille_nomination_modeladmin_letter", args=[nomination.pk]
                    ),
                }
            )
        context.update(
            rows=rows,
            medals=rules.medals_awarded(self.call),
            duplicate_groups=duplicate_groups,
            next_call=self.call.next(),
            carry_over_count=self.call.nominations.filter(status__in=["open", "none"]).count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.call is None:
            return redirect(self.url())
        action = request.POST.get("action", "")
        handler = {
            "vote": self.vote,
            "merge": self.merge,
            "close": self.close,
            "carry_over": self.carry_over,
            "publication": self.publication,
        }.get(action)
        if handler is None:
            messages.error(request, "Unbekannte Aktion.")
            return redirect(self.url())
        try:
            handler(request)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
        return redirect(self.url())

    def nomination(self, pk) -> Nomination:
        if not (str(pk).isascii() and str(pk).isdigit()):
            raise TransitionRefused("Unbekannter Vorschlag.")
        return get_object_or_404(self.call.nominations, pk=int(pk))

    def vote(self, request):
        nomination = self.nomination(request.POST.get("nomination", ""))
        jury.cast_vote(
            nomination, request.user, request.POST.get("choice", ""), request.POST.get("note", "")
        )
        messages.success(request, f"Ihre Stimme zu {nomination.reference} ist gespeichert.")

    def require_chair(self, request):
        if not jury.is_chair(request.user):
            raise PermissionDenied("Nur der Vorsitz der Jury darf das.")

    def merge(self, request):
        self.require_chair(request)
        key = request.POST.get("person", "")
        group = next((g for g in jury.duplicate_groups(self.call) if g[0].person_key == key), None)
        if group is None:
            raise TransitionRefused("Diese Vorschläge sind schon zusammengeführt.")
        primary = jury.merge(group, request.user)
        messages.success(
            request,
            f"{len(group) - 1} Vorschlag/Vorschläge mit {primary.reference} zusammengeführt.",
        )

    def close(self, request):
        self.require_chair(request)
        tie_breaks = {}
        for name, value in request.POST.items():
            pk = name.removeprefix("tie-")
            if pk != name and pk.isascii() and pk.isdigit() and value in rules.DECISIONS:
                tie_breaks[int(pk)] = value
        result = jury.close_round(self.call, request.user, tie_breaks)
        if result.decided:
            messages.success(request, f"{len(result.decided)} Vorschläge entschieden.")
        for nomination, reason in result.refused:
            messages.error(request, f"{nomination.reference} ({nomination.nominee_name}): {reason}")

    def carry_over(self, request):
        self.require_chair(request)
        moved = jury.carry_over(self.call, request.user)
        messages.success(
            request, f"{len(moved)} Vorschläge in den Aufruf {self.call.year + 1} übernommen."
        )

    def publication(self, request):
        self.require_chair(request)
        nomination = self.nomination(request.POST.get("nomination", ""))
        jury.record_publication(
            nomination,
            request.user,
            request.POST.get("consent_on", ""),
            request.POST.get("laudation", ""),
        )
        messages.success(request, f"Veröffentlichung für {nomination.reference} gespeichert.")
