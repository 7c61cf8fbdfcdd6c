"""Every page BEN serves carries a Content-Security-Policy allowing only its own origin."""

import pytest


def policy(response) -> dict[str, str]:
    directives = response.headers["Content-Security-Policy"].split(";")
    return dict(directive.strip().split(" ", 1) for directive in directives if directive.strip())


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
