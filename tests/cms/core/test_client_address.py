"""The one trusted-proxy rule for the client's address."""

import pytest
from django.test import RequestFactory, override_settings

from cms.core.client_address import client_ip

CHAIN = "203.0.113.5, 198.51.100.1, 192.0.2.10"


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, CHAIN, "10.0.0.2"),
        (1, CHAIN, "192.0.2.10"),
        (2, CHAIN, "198.51.100.1"),
        (5, CHAIN, "203.0.113.5"),
        (1, "", "10.0.0.2"),
        (1, "kein-ip", "10.0.0.2"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_x_forwarded_for_is_trusted_only_as_far_as_the_configured_proxies(
    proxies, forwarded_for, expected
):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    with override_settings(API_TRUSTED_PROXIES=proxies):
        assert client_ip(request) == expected
