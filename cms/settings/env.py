"""Typed readers for environment variables (12-factor configuration)."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {raw!r}.")


def _env_number(name: str, default, parse, kind: str):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return parse(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be {kind}, not {raw!r}.") from error


def env_int(name: str, default: int) -> int:
    return _env_number(name, default, int, "an integer")


def env_float(name: str, default: float) -> float:
    return _env_number(name, default, float, "a number")


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def _http_url(name: str, raw: str, *, example: str, path_allowed: bool = True):
    """The parts of an absolute http(s) URL, or ImproperlyConfigured naming the variable."""
    try:
        parts = urlsplit(raw)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} holds an invalid URL: {raw!r}.") from error
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or (not path_allowed and parts.path.strip("/"))
    ):
        kind = "absolute http(s) URL" + ("" if path_allowed else " without a path")
        raise ImproperlyConfigured(f"{name} must be an {kind}, e.g. {example}, not {raw!r}.")
    return parts


def env_base_url(name: str, default: str) -> str:
    """An absolute http(s) URL without path, query or trailing slash."""
    raw = os.environ.get(name, "").strip() or default
    parts = _http_url(name, raw, example="https://ben.example.org", path_allowed=False)
    return f"{parts.scheme}://{parts.netloc}"


def env_url(name: str, example: str) -> str:
    """An absolute http(s) URL, or "" when unset."""
    raw = env_str(name).strip()
    if raw:
        _http_url(name, raw, example=example)
    return raw


def env_url_list(name: str) -> list[str]:
    """Comma-separated absolute http(s) URLs, e.g. the HTTP caches BEN purges."""
    urls = env_list(name)
    for raw in urls:
        _http_url(name, raw, example="http://varnish-1.internal:6081")
    return urls
