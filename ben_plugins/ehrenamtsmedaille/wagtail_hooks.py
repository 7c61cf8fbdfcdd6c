"""Admin: the calls (administrators) and the jury's screen (jury, chair, administrators).

The nominations' inbox (list, record, edit, history, export, letters) is generated from
their personal-data declaration."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Call, Nomination
from .views import JuryView, may_use


class CallDeleteView(DeleteView):
    """A call with nominations stays (they point to it, ``on_delete=PROTECT``, and the
    reference index does not see submissions): the page says why, a POST is refused."""

    template_name = "ehrenamtsmedaille/call_confirm_delete.html"

    def nomination_count(self) -> int:
        return Nomination.all_submissions.filter(call=self.object).count()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if count := self.nomination_count():
            context.update(is_protected=True, nomination_count=count)
        return context

    def form_valid(self, form):
        if count := self.nomination_count():
            messages.error(
                self.request,
                f"{self.object} hat {count} Vorschläge und kann nicht gelöscht werden.",
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class CallViewSet(ModelViewSet):
    """Administrators create the year's call (model permissions: superusers)."""

    model = Call
    delete_view_class = CallDeleteView
    icon = "date"
    menu_label = "Aufrufe Ehrenamtsmedaille"
    add_to_admin_menu = True
    menu_order = 810
    form_fields = [
        "year",
        "opens_at",
        "closes_at",
        "award_date",
        "max_medals",
        "focus",
        "public_text",
    ]
    list_display = ["__str__", "opens_at", "closes_at", "award_date", "max_medals"]


@hooks.register("register_admin_viewset")
def register_call_viewset():
    return CallViewSet("ehrenamtsmedaille_calls")


@hooks.register("register_admin_urls")
def register_jury_url():
    return [path("ehrenamtsmedaille/jury/", JuryView.as_view(), name="ehrenamtsmedaille_jury")]


class JuryMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use(request.user)


@hooks.register("register_admin_menu_item")
def register_jury_menu_item():
    return JuryMenuItem(
        "Jury Ehrenamtsmedaille", reverse("ehrenamtsmedaille_jury"), icon_name="group", order=805
    )
