"""Public pages under /mitmachen/vermittlung/: the interest form and the one-click link that
keeps an opportunity online for six more months."""

from django.db import transaction
from django.shortcuts import render
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from ben_plugins.core import tokens
from ben_plugins.core.intake.views import IntakeFormView

from .daily import EXTEND, AlreadyExtended, extend
from .intake import InterestIntake


class InterestFormView(IntakeFormView):
    """The form; ``?angebot=<id>`` (the link next to an opportunity) preselects it."""

    intake = InterestIntake

    def get(self, request, *args, **kwargs):
        chosen = request.GET.get("angebot", "")
        return self.form(request, values={"opportunity": chosen} if chosen else {}, errors={})


@method_decorator(never_cache, name="dispatch")
class ExtendView(View):
    """GET shows what the button does (mail scanners only GET); POST extends, once."""

    template_name = "vermittlung/extend.html"

    def get(self, request, token):
        try:
            reminder = tokens.peek(EXTEND, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        return render(request, self.template_name, {"reminder": reminder, "done": False})

    def post(self, request, token):
        try:
            with transaction.atomic():
                reminder = tokens.consume(EXTEND, token)
                try:
                    opportunity = extend(reminder)
                except AlreadyExtended:
                    opportunity = None
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        context = {"reminder": reminder, "opportunity": opportunity, "done": True}
        return render(request, self.template_name, context)


urlpatterns = [
    path("interesse/", InterestFormView.as_view(), name="interest"),
    path("verlaengern/<str:token>/", ExtendView.as_view(), name="extend"),
]
