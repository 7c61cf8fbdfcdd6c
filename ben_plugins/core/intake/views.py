"""The two doors of a submission: JSON under /api/v1/<plugin>/ and a German HTML form under
/mitmachen/<plugin>/, plus the confirmation link's page. Both run ``service``'s steps."""

from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from cms.api.errors import PROBLEM_CONTENT_TYPE, ProblemSerializer, problem_response
from cms.api.viewsets import ApiViewSet
from cms.pages.models import LegalPage

from .. import privacy, tokens
from ..guard import is_switched_off
from ..plugins import plugin_for_model
from . import service
from .serializers import HONEYPOT_FIELD, dotted_errors

#: Fields the HTML form renders itself, in its own places.
OWN_FORM_FIELDS = {"email", "language", "consent", HONEYPOT_FIELD}

PROBLEMS = {
    400: "Invalid body: messages per field in `errors`, keyed by dotted paths.",
    413: "Body larger than INTAKE_MAX_BODY_BYTES.",
    429: "Too many submissions from this address or for this email address; see Retry-After.",
    503: "No privacy notice to link to (neither BEN_PRIVACY_URL nor a published legal page "
    "`datenschutz`): nothing is taken until there is one.",
}
AcceptedSerializer = inline_serializer(
    "SubmissionAccepted",
    {
        "status": serializers.CharField(help_text="Always `confirmation_pending`."),
        "detail": serializers.CharField(help_text="What the person has to do now."),
    },
)
ConsentSerializer = inline_serializer(
    "ConsentText",
    {
        "version": serializers.CharField(),
        "text": serializers.CharField(help_text="Show it verbatim next to the checkbox."),
        "privacy_url": serializers.URLField(
            help_text="The privacy notice (absolute URL): link it next to the checkbox."
        ),
    },
)


def accepted_message():
    return translation.gettext(
        "Thank you! We have sent you an email. Your submission counts only after you click "
        "the link in it (within 48 hours)."
    )


def _own(method):
    """A function of the subclass's own: extend_schema writes onto the function it gets."""

    def own(self, *args, **kwargs):
        return method(self, *args, **kwargs)

    own.__name__ = method.__name__
    return own


class IntakeViewSet(ApiViewSet):
    """POST a submission (``create``) and GET the consent text to show (``consent``).

    A subclass names its ``intake`` (a ``service.Intake``). Citizen-facing: messages are
    German unless the request asks for English (Accept-Language: en).
    """

    intake: type[service.Intake]
    default_language = "de"
    parser_classes = [JSONParser]
    #: The consent answer names the privacy notice; its text is code, not content.
    shows = (LegalPage,)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        intake = cls.__dict__.get("intake")
        if intake is None:
            return
        cls.model = intake.model
        cls.serializer_class = intake.serializer_class
        tag = intake.model._meta.app_label
        problems = {
            (status_code, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description)
            for status_code, description in PROBLEMS.items()
        }
        cls.create = extend_schema(
            tags=[tag],
            summary=f"Submit: {intake.model._meta.verbose_name}",
            description=(
                "Stores the submission unconfirmed and emails the submitter a confirmation "
                "link; it counts only once that link is clicked (unconfirmed submissions are "
                "deleted after 48 hours). Unknown fields are a 400; errors are keyed by dotted "
                "paths such as `sessions.0.duration_minutes`. Messages in German unless "
                "Accept-Language asks for English."
            ),
            request=intake.serializer_class,
            responses={
                202: OpenApiResponse(AcceptedSerializer, "Stored unconfirmed; email queued."),
                **problems,
            },
        )(_own(IntakeViewSet.create))
        cls.consent = extend_schema(
            tags=[tag],
            summary=f"Consent text: {intake.model._meta.verbose_name}",
            description=(
                "The consent text and version to show verbatim next to the checkbox, and the "
                "privacy notice to link. 503 while the site has no privacy notice: the "
                "submission endpoint takes nothing then either."
            ),
            responses={
                200: ConsentSerializer,
                (503, PROBLEM_CONTENT_TYPE): problems[(503, PROBLEM_CONTENT_TYPE)],
            },
        )(_own(IntakeViewSet.consent))

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        service.check_privacy_notice(request)  # before counting: a refusal costs no attempt
        if request.method == "POST":
            service.check_size(request)
            service.check_client_rate(request)

    def handle_exception(self, exc):
        if isinstance(exc, service.Refused):
            response = problem_response(exc.status, str(exc.detail), code=exc.code)
            if exc.retry_after is not None:
                response["Retry-After"] = str(exc.retry_after)
            return response
        return super().handle_exception(exc)

    def create(self, request, *args, **kwargs):
        if not isinstance(request.data, dict):
            raise ValidationError({"non_field": [translation.gettext("Expected a JSON object.")]})
        serializer = self.intake.serializer_class(
            data=request.data, context={"request": request, "json_types": True}
        )
        if not serializer.is_valid():
            raise ValidationError(dotted_errors(serializer.errors))
        if service.is_spam(serializer.validated_data):
            return self.accepted()
        language = translation.get_language()[:2]
        service.accept(self.intake, serializer.validated_data, request, language)
        return self.accepted()

    def accepted(self):
        return Response(
            {"status": "confirmation_pending", "detail": accepted_message()},
            status=status.HTTP_202_ACCEPTED,
        )

    def consent(self, request, *args, **kwargs):
        language = translation.get_language()[:2]
        consent = self.intake.consent
        return Response(
            {
                "version": consent.version,
                "text": consent.text(language),
                "privacy_url": privacy.privacy_url(request),
            }
        )

    @classmethod
    def urls(cls, route: str, name: str) -> list:
        """``route`` (e.g. "topic-suggestions/") for POST and ``route + "consent/"``."""
        return [
            path(route, cls.as_view({"post": "create"}), name=name),
            path(f"{route}consent/", cls.as_view({"get": "consent"}), name=f"{name}-consent"),
        ]


#: Rows the HTML form offers for a list of entries (preferred dates, activities): a form
#: without JavaScript cannot add rows, so it shows this many (or the list's maximum, if lower);
#: rows left empty are dropped.
FORM_LIST_ROWS = 3


def widget_of(field) -> str:
    if isinstance(field, serializers.EmailField):
        return "email"
    if isinstance(field, serializers.DateField):
        return "date"
    if isinstance(field, serializers.IntegerField | serializers.DecimalField):
        return "number"
    if isinstance(field, serializers.ChoiceField):
        return "select"
    if isinstance(field, serializers.BooleanField):
        return "checkbox"
    if field.style.get("base_template") == "textarea.html":
        return "textarea"
    return "text"


def describe_field(name: str, field, *, values: dict, errors: dict, required: bool) -> dict:
    widget = widget_of(field)
    return {
        "name": name,
        "label": field.label or name,
        "widget": widget,
        "choices": list(field.choices.items()) if widget == "select" else [],
        "required": required,
        "max_length": getattr(field, "max_length", None),
        "help_text": field.help_text or "",
        "value": values.get(name, ""),
        "errors": errors.get(name, []),
    }


def list_rows(field) -> int:
    maximum = getattr(field, "max_length", None)
    return min(FORM_LIST_ROWS, maximum) if maximum else FORM_LIST_ROWS


def form_fields(serializer, *, values: dict, errors: dict) -> list[dict]:
    """The plugin's own fields, described for the template. A list of entries (a nested
    serializer with many=True) becomes rows of fields named by dotted paths, the names its
    errors carry (``sessions.1.date``)."""
    described = []
    for name, field in serializer.fields.items():
        if name in OWN_FORM_FIELDS or field.read_only:
            continue
        if isinstance(field, serializers.ListSerializer):
            children = {
                child_name: child
                for child_name, child in field.child.fields.items()
                if not child.read_only
            }
            rows = [
                [
                    describe_field(
                        f"{name}.{index}.{child_name}",
                        child,
                        values=values,
                        errors=errors,
                        required=False,
                    )
                    for child_name, child in children.items()
                ]
                for index in range(max(list_rows(field), len(values.get(name, []))))
            ]
            entry = describe_field(name, field, values={}, errors=errors, required=False)
            described.append({**entry, "widget": "rows", "rows": rows})
        elif not isinstance(field, serializers.BaseSerializer | serializers.ListField):
            described.append(
                describe_field(name, field, values=values, errors=errors, required=field.required)
            )
    return described


def flat_values(values: dict) -> dict:
    """The submitted values, each row of a list also under its dotted names."""
    flat = dict(values)
    for name, value in values.items():
        if isinstance(value, list):
            for index, row in enumerate(value):
                for child_name, child_value in row.items():
                    flat[f"{name}.{index}.{child_name}"] = child_value
    return flat


def rows_from(post, name: str, child_fields: dict) -> list[dict]:
    """The filled rows of a list of entries, from fields named ``<name>.<index>.<field>``."""
    indices = sorted(
        {
            int(key.split(".")[1])
            for key in post
            if key.startswith(f"{name}.") and key.count(".") == 2 and key.split(".")[1].isdigit()
        }
    )
    rows = []
    for index in indices:
        row = {}
        for child_name, child in child_fields.items():
            key = f"{name}.{index}.{child_name}"
            if isinstance(child, serializers.BooleanField):
                row[child_name] = key in post
            elif post.get(key, "") != "":
                row[child_name] = post[key]
        if any(value not in ("", False) for value in row.values()):
            rows.append(row)
    return rows


@method_decorator(never_cache, name="dispatch")
class IntakeFormView(View):
    """The same submission as a server-rendered German form, for sites without a frontend.

    A subclass names its ``intake``; it is mounted by the plugin's ``public_urls``.
    """

    intake: type[service.Intake]
    template_name = "ben_plugins/intake/form.html"

    def dispatch(self, request, *args, **kwargs):
        with translation.override("de"):
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        return response

    def get(self, request, *args, **kwargs):
        return self.form(request, values={}, errors={})

    def post(self, request, *args, **kwargs):
        try:
            service.check_privacy_notice(request)  # before counting: a refusal costs no attempt
            service.check_size(request)
            service.check_client_rate(request)
        except service.Refused as refused:
            return self.refused(request, refused)
        data = self.data_from(request)
        serializer = self.intake.serializer_class(data=data, context={"request": request})
        if not serializer.is_valid():
            return self.form(request, values=data, errors=dotted_errors(serializer.errors))
        if service.is_spam(serializer.validated_data):
            return self.done(request)
        try:
            service.accept(self.intake, serializer.validated_data, request, "de")
        except service.Refused as refused:
            return self.refused(request, refused)
        return self.done(request)

    def data_from(self, request) -> dict:
        serializer = self.intake.serializer_class()
        data = {}
        for name, field in serializer.fields.items():
            if isinstance(field, serializers.ListSerializer):
                if rows := rows_from(request.POST, name, field.child.fields):
                    data[name] = rows
            elif isinstance(field, serializers.BooleanField):
                data[name] = name in request.POST
            elif request.POST.get(name, "") != "":
                data[name] = request.POST[name]
        return data

    def context(self, request, **extra) -> dict:
        privacy_url = privacy.privacy_url(request)
        # No privacy notice to link: the form takes no data (service.check_privacy_notice).
        closed = self.intake.closed(request) or ("" if privacy_url else service.NO_PRIVACY_NOTICE)
        return {
            "intake": self.intake,
            "title": self.intake.title,
            "privacy_url": privacy_url,
            "consent_text": self.intake.consent.text("de"),
            "closed": str(closed),
            **extra,
        }

    def form(self, request, *, values: dict, errors: dict, status: int = 200):
        fields = form_fields(
            self.intake.serializer_class(context={"request": request}),
            values=flat_values(values),
            errors=errors,
        )
        own_errors = {name: errors.get(name, []) for name in ("email", "language", "consent")}
        summary = [(name, message) for name, messages in errors.items() for message in messages]
        return render(
            request,
            self.template_name,
            self.context(
                request,
                fields=fields,
                values=values,
                own_errors=own_errors,
                error_summary=summary,
                languages=service.Submission.Language.choices,
            ),
            status=400 if errors else status,
        )

    def done(self, request):
        return render(
            request,
            "ben_plugins/intake/pending.html",
            self.context(request, message=accepted_message()),
            status=200,
        )

    def refused(self, request, refused: service.Refused):
        response = render(
            request,
            "ben_plugins/intake/refused.html",
            self.context(request, message=str(refused.detail)),
            status=refused.status,
        )
        if refused.retry_after is not None:
            response["Retry-After"] = str(refused.retry_after)
        return response


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The confirmation link: GET shows a button, POST confirms.

    Mail scanners and link previews open links with GET; only a person's click on the
    button counts, so a scanner can neither confirm nor use up the link.
    """

    def dispatch(self, request, *args, **kwargs):
        with translation.override("de"):
            return super().dispatch(request, *args, **kwargs)

    def _check_plugin(self, request, submission):
        if is_switched_off(plugin_for_model(type(submission)), request):
            raise Http404

    def get(self, request, token):
        try:
            submission = tokens.peek(service.CONFIRM, token)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        self._check_plugin(request, submission)
        intake = service.Intake.for_model(type(submission))
        return render(
            request,
            "ben_plugins/intake/confirm.html",
            {"title": intake.title, "submission": submission},
        )

    def post(self, request, token):
        try:
            submission = tokens.peek(service.CONFIRM, token)
            self._check_plugin(request, submission)
            submission = service.confirm(token, request)
        except tokens.TokenError as error:
            return tokens.token_error_page(request, error)
        intake = service.Intake.for_model(type(submission))
        return render(
            request,
            "ben_plugins/intake/confirmed.html",
            {"title": intake.title, "submission": submission},
        )
