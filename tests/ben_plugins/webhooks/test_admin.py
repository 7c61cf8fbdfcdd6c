"""Administrators manage subscriptions and read the delivery log in the Wagtail admin."""

import pytest

from ben_plugins.webhooks.models import WebhookSubscription
from tests.factories.snippets import NewsItemFactory
from tests.factories.users import UserFactory

from .conftest import SECRET


@pytest.mark.django_db
def test_administrator_creates_a_subscription(admin_client, allow_loopback):
    response = admin_client.post(
        "/admin/webhooks/webhooksubscription/create/",
        {
            "name": "Stadtportal",
            "url": "http://127.0.0.1:8080/hook",
            "events": ["published", "deleted"],
            "secret": SECRET,
            "active": "on",
        },
    )
    assert response.status_code == 302
    subscription = WebhookSubscription.objects.get()
    assert subscription.events == ["published", "deleted"]
    listing = admin_client.get("/admin/webhooks/webhooksubscription/")
    assert "Veröffentlicht, Gelöscht" in listing.text


@pytest.mark.django_db
def test_delivery_log_is_listed_and_inspectable_but_read_only(
    admin_client, local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    local_receiver.plan = [500]
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsItemFactory(club=club, published=True)
    delivery = subscription.deliveries.get()
    listing = admin_client.get("/admin/webhooks/webhookdelivery/")
    assert listing.status_code == 200
    # The content by kind and title, as the editors name it ("news #7" said little).
    assert f"Neuigkeit „{news.title}“" in listing.text
    assert "Zugestellt" in listing.text
    inspect = admin_client.get(f"/admin/webhooks/webhookdelivery/inspect/{delivery.pk}/")
    assert inspect.status_code == 200
    assert "HTTP 500" in inspect.text
    assert admin_client.get("/admin/webhooks/webhookdelivery/create/").status_code in {302, 403}
    edit = admin_client.get(f"/admin/webhooks/webhookdelivery/edit/{delivery.pk}/")
    assert edit.status_code in {302, 403}


@pytest.mark.django_db
def test_club_editors_cannot_see_subscriptions(client, subscription):
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/webhooks/webhooksubscription/")
    assert response.status_code in {302, 403}
    assert SECRET not in response.text


@pytest.mark.django_db
def test_a_failed_delivery_can_be_sent_again_from_the_log(
    admin_client, local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    from django.test import override_settings

    local_receiver.plan = [500]
    with (
        override_settings(WEBHOOKS_MAX_ATTEMPTS=1),
        django_capture_on_commit_callbacks(execute=True),
    ):
        NewsItemFactory(club=club, published=True)
    failed = subscription.deliveries.get()
    assert failed.status == "failed"
    url = f"/admin/webhooks/webhookdelivery/redeliver/{failed.pk}/"
    assert "Erneut senden" in admin_client.get("/admin/webhooks/webhookdelivery/").text
    assert admin_client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)
    assert response.status_code == 302
    again = subscription.deliveries.exclude(pk=failed.pk).get()
    assert again.status == "succeeded"
    assert again.payload == failed.payload
    assert again.delivery_id != failed.delivery_id
    assert (
        admin_client.post(f"/admin/webhooks/webhookdelivery/redeliver/{again.pk}/").status_code
        == 302
    )
    assert subscription.deliveries.count() == 2, "a delivered one is not sent again"


@pytest.mark.django_db
def test_secret_is_never_shown_again_after_creation(admin_client, subscription):
    edit_url = f"/admin/webhooks/webhooksubscription/edit/{subscription.pk}/"
    edit_page = admin_client.get(edit_url)
    assert edit_page.status_code == 200
    assert SECRET not in edit_page.text
    assert 'name="secret"' not in edit_page.text
    listing = admin_client.get("/admin/webhooks/webhooksubscription/")
    assert SECRET not in listing.text

    # Editing the rest keeps the secret, even if a forged form sends one.
    response = admin_client.post(
        edit_url,
        {
            "name": "Stadtportal neu",
            "url": subscription.url,
            "events": ["published"],
            "secret": "von-aussen-untergeschoben-1234567890",
            "active": "on",
        },
    )
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.name == "Stadtportal neu" and subscription.secret == SECRET


@pytest.mark.django_db
def test_regenerating_shows_the_new_secret_once(admin_client, subscription):
    url = f"/admin/webhooks/webhooksubscription/regenerate_secret/{subscription.pk}/"
    confirm = admin_client.get(url)
    assert confirm.status_code == 200 and SECRET not in confirm.text
    assert subscription.secret == SECRET  # a GET changes nothing

    shown = admin_client.post(url)
    assert shown.status_code == 200
    subscription.refresh_from_db()
    assert subscription.secret != SECRET and len(subscription.secret) >= 32
    assert subscription.secret in shown.text
    edit_page = admin_client.get(f"/admin/webhooks/webhooksubscription/edit/{subscription.pk}/")
    assert subscription.secret not in edit_page.text


@pytest.mark.django_db
def test_editors_cannot_regenerate_a_secret(client, subscription):
    client.force_login(UserFactory())
    url = f"/admin/webhooks/webhooksubscription/regenerate_secret/{subscription.pk}/"
    response = client.post(url)
    assert response.status_code in (302, 403)
    subscription.refresh_from_db()
    assert subscription.secret == SECRET
