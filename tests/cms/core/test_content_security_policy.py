"""Every page BEN serves carries a Content-Security-Policy allowing only its own origin."""

import pytest


def policy_of(header: str) -> dict[str, str]:
    directives = (directive.strip() for directive in header.split(";"))
    return dict(directive.split(" ", 1) for directive in directives if directive)


def policy(response) -> dict[str, str]:
    return policy_of(response.headers["Content-Security-Policy"])


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/"])
def test_admin_and_public_pages_allow_only_their_own_origin(client, site_tree, superuser, path):
    if path == "/admin/":
        client.force_login(superuser)
    response = client.get(path)
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert "http" not in response.headers["Content-Security-Policy"], "no other origin"


@pytest.mark.django_db
def test_the_public_site_allows_no_inline_code(client, site_tree):
    response = client.get("/")
    directives = policy(response)
    assert "script-src" not in directives, "default-src 'self' applies: no inline scripts"
    assert directives["style-src"] == "'self'", "its own stylesheet only"
    assert "<style" not in response.text
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_admin_adds_inline_scripts_and_styles_that_wagtail_needs(admin_client):
    directives = policy(admin_client.get("/admin/"))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["style-src"] == "'self' 'unsafe-inline'"
    assert directives["img-src"] == "'self' data: blob:"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_api_documentation_runs_only_its_own_scripts_and_loads_nothing_external(client, path):
    header = client.get(path).headers["Content-Security-Policy"]
    assert policy_of(header)["script-src"] == "'self'"
    assert "http" not in header
