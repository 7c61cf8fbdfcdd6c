"""The API documentation pages load only BEN's own assets: a reader's browser contacts no
third party (fonts.googleapis.com, cdn.redoc.ly, validator.swagger.io, ...)."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

DOCS_PAGES = ["/api/v1/docs/", "/api/v1/redoc/"]
URL_ATTRIBUTE = re.compile(r"""(?:src|href|spec-url|url)\s*=\s*["']([^"']*)["']""", re.I)
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")
SAME_ORIGIN = "http://testserver"


def is_own(url: str, base: str) -> bool:
    resolved = urlsplit(urljoin(base, url))
    return resolved.scheme in ("data", "blob") or resolved.netloc in ("", "testserver")


def named_urls(text: str) -> set[str]:
    return set(URL_ATTRIBUTE.findall(text)) | set(ABSOLUTE_URL.findall(text))


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_docs_pages_name_no_external_host(client, page):
    response = client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    urls = named_urls(html)
    assert urls, "the page loads its assets from somewhere"
    assert [url for url in urls if not is_own(url, SAME_ORIGIN + page)] == []
    for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.redoc.ly", "unpkg", "jsdelivr"):
        assert host not in html


def test_swagger_start_script_is_same_origin_and_has_no_online_validator(client):
    html = client.get("/api/v1/docs/").content.decode()
    (script_url,) = [url for url in URL_ATTRIBUTE.findall(html) if "script" in url]
    script = client.get(urljoin("/api/v1/docs/", script_url.replace("&amp;", "&")))
    assert script.status_code == 200
    text = script.content.decode()
    assert '"validatorUrl": null' in text
    assert [url for url in ABSOLUTE_URL.findall(text) if not is_own(url, SAME_ORIGIN)] == []


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_stylesheets_of_the_docs_load_nothing_from_elsewhere(client, page):
    html = client.get(page).content.decode()
    stylesheets = [url for url in URL_ATTRIBUTE.findall(html) if url.endswith(".css")]
    for stylesheet in stylesheets:
        path = finders.find(stylesheet.removeprefix("/static/"))
        with open(path, encoding="utf-8") as css:
            loaded = CSS_URL.findall(css.read())
        assert [url for url in loaded if not is_own(url, SAME_ORIGIN + stylesheet)] == []


@pytest.mark.parametrize("page", DOCS_PAGES)
def test_the_browser_is_told_to_load_from_ben_only(client, page):
    """The Redoc bundle still names its logo on cdn.redoc.ly; the policy keeps the browser
    from fetching it (and anything a later bundle might name)."""
    policy = client.get(page)["Content-Security-Policy"]
    directives = {directive.split()[0]: directive.split()[1:] for directive in policy.split("; ")}
    assert directives["default-src"] == ["'self'"]
    allowed = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
    for name, sources in directives.items():
        assert set(sources) <= allowed, (name, sources)
    assert directives["script-src"] == ["'self'"]
