"""RFC 7807 problem details for plugin views that are not DRF views."""

from django.http import JsonResponse


def problem_response(status: int, title: str, detail: str, **extra) -> JsonResponse:
    return JsonResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra},
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )
