"""RFC 7807 problem details for every 4xx answer of the API (content, plugins, feeds)."""

from http import HTTPStatus

from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .language import requested_language

PROBLEM_CONTENT_TYPE = "application/problem+json"


def problem(status: int, detail: str, *, code: str = "", errors=None) -> dict:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if code:
        body["code"] = code
    if errors is not None:
        body["errors"] = errors
    return body


def _validation_summary(errors) -> str:
    if isinstance(errors, dict):
        return "; ".join(
            f"{name}: {' '.join(map(str, messages if isinstance(messages, list) else [messages]))}"
            for name, messages in errors.items()
        )
    return " ".join(map(str, errors))


def problem_exception_handler(exc, context):
    """DRF's handler, reshaped into problem+json (headers such as Retry-After are kept)."""
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        body = problem(
            response.status_code,
            _validation_summary(response.data),
            code="invalid",
            errors=response.data
            if isinstance(response.data, dict)
            else {"non_field": response.data},
        )
    else:
        detail = response.data.get("detail", "") if isinstance(response.data, dict) else ""
        code = getattr(detail, "code", "") or getattr(exc, "default_code", "")
        body = problem(response.status_code, str(detail), code=code)
    return Response(
        body,
        status=response.status_code,
        headers=dict(response.headers),
        content_type=PROBLEM_CONTENT_TYPE,
    )


def problem_response(status: int, detail: str, *, code: str = "", errors=None) -> JsonResponse:
    """Problem details from plain Django views (outside DRF's exception handler)."""
    body = problem(status, detail, code=code, errors=errors)
    return JsonResponse(
        body,
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def problem_in_request_language(request, status: int, message, *, code: str, **params):
    """A problem whose ``message`` (a lazy translation with %-placeholders for ``params``)
    is in the language the client asked for, for answers given before any API view runs."""
    language = requested_language(request)
    with translation.override(language):
        detail = str(message) % params
    response = problem_response(status, detail, code=code)
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    return response


def not_found(request, *args, **kwargs):
    """Unknown paths below /api/v1/ answer in the same format and language."""
    return problem_in_request_language(
        request,
        404,
        gettext_lazy("There is no API resource at %(path)s."),
        code="not_found",
        path=request.path,
    )


class ProblemSerializer(serializers.Serializer):
    """Documents the error body (RFC 7807) in the OpenAPI schema."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField(required=False)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per parameter: what is wrong with it (400 only).",
    )
