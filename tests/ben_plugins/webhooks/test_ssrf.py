"""Webhooks never reach internal targets unless the setting explicitly allows it."""

import socket

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from ben_plugins.webhooks import security
from ben_plugins.webhooks.models import WebhookDelivery, WebhookSubscription
from ben_plugins.webhooks.security import refusal_reason
from tests.factories.snippets import NewsItemFactory

from .conftest import SECRET

INTERNAL = [
    "http://127.0.0.1/hook",
    "http://localhost:8000/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://172.16.5.5/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[fd00::1]/hook",
    "http://0.0.0.0/hook",
    "http://224.0.0.1/hook",
]


@pytest.mark.parametrize("url", INTERNAL)
def test_internal_targets_are_refused(url):
    assert "interne Adresse" in refusal_reason(url)


#: IPv6 forms that lead to an IPv4 host, with the internal host each one reaches.
TRANSITION_FORMS_OF_INTERNAL_HOSTS = [
    pytest.param("64:ff9b::7f00:1", "127.0.0.1", id="nat64-loopback"),
    pytest.param("64:ff9b::a9fe:a9fe", "169.254.169.254", id="nat64-metadata"),
    pytest.param("64:ff9b::c0a8:a", "192.168.0.10", id="nat64-private"),
    pytest.param("2002:7f00:1::1", "127.0.0.1", id="6to4-loopback"),
    pytest.param("2002:a00:1::1", "10.0.0.1", id="6to4-private"),
    pytest.param("::127.0.0.1", "127.0.0.1", id="compatible-loopback"),
    pytest.param("::a9fe:a9fe", "169.254.169.254", id="compatible-metadata"),
    pytest.param("::ffff:169.254.169.254", "169.254.169.254", id="mapped-metadata"),
    pytest.param("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1", id="teredo-loopback"),
    pytest.param("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1", id="teredo-private"),
]
#: The operator's own NAT64 prefix (RFC 8215) is internal whatever it embeds.
LOCAL_USE_NAT64 = ["64:ff9b:1::5db8:d822", "64:ff9b:1:0:5d:b8d8:2200:0"]
#: The same forms of a public host stay allowed.
TRANSITION_FORMS_OF_PUBLIC_HOSTS = ["64:ff9b::5db8:d822", "2002:5db8:d822::1", "::ffff:5db8:d822"]


@pytest.mark.parametrize(("address", "host"), TRANSITION_FORMS_OF_INTERNAL_HOSTS)
def test_ipv6_forms_of_internal_ipv4_hosts_are_refused(address, host):
    assert f"interne Adresse {host} (als " in refusal_reason(f"http://[{address}]/hook")


@pytest.mark.parametrize("address", LOCAL_USE_NAT64)
def test_the_local_use_nat64_prefix_is_refused(address):
    assert "interne Adresse 64:ff9b:1:" in refusal_reason(f"http://[{address}]:8080/hook")


@pytest.mark.parametrize("address", TRANSITION_FORMS_OF_PUBLIC_HOSTS)
def test_ipv6_forms_of_public_hosts_pass(address):
    assert refusal_reason(f"https://[{address}]/hook") is None


@pytest.mark.django_db
@pytest.mark.parametrize(("address", "host"), TRANSITION_FORMS_OF_INTERNAL_HOSTS)
def test_the_admin_form_refuses_ipv6_forms_of_internal_hosts(admin_client, address, host):
    response = admin_client.post(
        "/admin/webhooks/webhooksubscription/create/",
        {
            "name": "Umweg",
            "url": f"http://[{address}]:8080/hook",
            "events": ["published"],
            "secret": SECRET,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert f"interne Adresse {host} (als " in response.text
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("address", "host"), TRANSITION_FORMS_OF_INTERNAL_HOSTS)
def test_a_saved_ipv6_form_of_an_internal_host_is_refused_at_delivery_time(
    local_receiver, club, address, host, django_capture_on_commit_callbacks
):
    """Saved before this check existed, or straight into the database: never called."""
    WebhookSubscription.objects.create(
        name="Alt", url=f"http://[{address}]:8080/hook", events=["published"], secret=SECRET
    )
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.REFUSED
    assert f"interne Adresse {host} (als " in delivery.last_error


@pytest.mark.parametrize("url", ["ftp://example.org/x", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(url):
    assert refusal_reason(url) == "Nur http- und https-Adressen sind erlaubt."


def test_public_address_and_explicit_opt_in_pass():
    assert refusal_reason("https://93.184.216.34/hook") is None
    with override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=True):
        assert refusal_reason("http://127.0.0.1:8000/hook") is None
        assert refusal_reason("ftp://127.0.0.1/") is not None


def test_unresolvable_host_is_refused():
    assert "lässt sich nicht auflösen" in refusal_reason("http://nicht-vorhanden.invalid/")


@pytest.mark.django_db
def test_the_admin_form_refuses_an_internal_url_in_german(admin_client):
    response = admin_client.post(
        "/admin/webhooks/webhooksubscription/create/",
        {
            "name": "Intern",
            "url": "http://169.254.169.254/latest/",
            "events": ["published"],
            "secret": SECRET,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "Webhooks dürfen nur öffentliche Adressen aufrufen." in response.text
    assert not WebhookSubscription.objects.exists()


@pytest.mark.django_db
def test_model_validation_refuses_short_secrets():
    subscription = WebhookSubscription(
        name="x", url="https://93.184.216.34/", events=["published"], secret="kurz"
    )
    with pytest.raises(ValidationError) as error:
        subscription.full_clean()
    assert "secret" in error.value.message_dict


@pytest.mark.django_db
def test_a_target_turned_internal_is_refused_at_delivery_time(
    local_receiver, club, django_capture_on_commit_callbacks
):
    """Saved while allowed (or DNS changed since): each attempt checks again."""
    WebhookSubscription.objects.create(
        name="Früher erlaubt", url=local_receiver.url, events=["published"], secret=SECRET
    )
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.REFUSED
    assert delivery.attempts == 1
    assert "interne Adresse 127.0.0.1" in delivery.last_error
    assert local_receiver.requests == []


class FakeResolver:
    """Answers for ``name`` from ``answers`` in turn (the last one repeats); others resolve."""

    def __init__(self, name, *answers):
        self.name, self.answers, self.calls = name, list(answers), 0
        self.real = socket.getaddrinfo

    def __call__(self, host, port, *args, **kwargs):
        if host != self.name:
            return self.real(host, port, *args, **kwargs)
        address = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        if ":" in address:
            return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]


def _subscribe(receiver, host):
    url = receiver.url.replace("127.0.0.1", host)
    return WebhookSubscription.objects.create(
        name="Umgebogen", url=url, events=["published"], secret=SECRET
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "host"),
    [pytest.param("127.0.0.1", "127.0.0.1", id="ipv4"), *TRANSITION_FORMS_OF_INTERNAL_HOSTS[:4]],
)
def test_dns_rebinding_between_check_and_connect_is_refused(
    local_receiver, club, monkeypatch, address, host, django_capture_on_commit_callbacks
):
    """Public when checked, internal (directly or in an IPv6 form) when connecting: the
    connection is never made."""
    resolver = FakeResolver("rebind.example", "93.184.216.34", address)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    _subscribe(local_receiver, "rebind.example")
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert resolver.calls == 2
    assert delivery.status == WebhookDelivery.Status.REFUSED
    assert f"interne Adresse {host}" in delivery.last_error
    assert local_receiver.requests == []


@pytest.mark.django_db
def test_connection_goes_to_the_checked_address_with_the_hostname_kept(
    local_receiver, club, monkeypatch, django_capture_on_commit_callbacks
):
    """The socket reaches the address that passed the check; Host still names the host."""
    resolver = FakeResolver("hooks.example", "127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    monkeypatch.setattr(security, "is_public", lambda address: str(address) == "127.0.0.1")
    subscription = _subscribe(local_receiver, "hooks.example")
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED, delivery.last_error
    (received,) = local_receiver.requests
    port = subscription.url.split(":")[2].split("/")[0]
    assert received.headers["Host"] == f"hooks.example:{port}"
