"""The language of API messages, chosen by the client.

Accept-Language always decides (German or English, as far as the project speaks them);
without a language we speak there, the endpoint's declared default applies: English for the
developer-facing content API and feeds, German for citizen-facing endpoints.
"""

from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

#: Default of developer-facing endpoints (ApiViewSet.default_language).
DEVELOPER_LANGUAGE = "en"


def requested_language(request, default: str = DEVELOPER_LANGUAGE) -> str:
    """The first supported language of Accept-Language; ``default`` without one."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return default
