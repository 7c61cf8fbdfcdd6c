from django.urls import path, reverse
from wagtail import hooks

from .views import second_factor_setup


@hooks.register("register_admin_urls")
def register_second_factor_url():
    return [path("zwei-faktor/", second_factor_setup, name="accounts_second_factor")]


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("accounts_second_factor"),
        "label": "Zwei-Faktor-Anmeldung",
        "help_text": "Anmeldung zusätzlich mit einem Code aus einer Authenticator-App.",
    }
