"""The admin login with the TOTP code, and the form that confirms a new device."""

from django import forms
from django.contrib.auth.signals import user_login_failed
from wagtail.admin.forms.auth import LoginForm

from .second_factor import code_is_valid, confirmed_device

WRONG_CODE = "Der Bestätigungscode ist falsch oder abgelaufen. Bitte den aktuellen Code eingeben."
MISSING_CODE = (
    "Für dieses Konto ist die Zwei-Faktor-Anmeldung eingerichtet: "
    "Bitte den Bestätigungscode aus der Authenticator-App eingeben."
)


def code_field(**kwargs) -> forms.CharField:
    return forms.CharField(
        label="Bestätigungscode",
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
        **kwargs,
    )


class SecondFactorLoginForm(LoginForm):
    """Wagtail's login plus the code of the user's authenticator app, when they have one.

    A wrong or missing code counts as a failed login for the throttle (django-axes), so
    guessing codes is limited like guessing passwords.
    """

    otp_token = code_field(
        required=False,
        help_text="Nur wenn die Zwei-Faktor-Anmeldung eingerichtet ist: 6 Ziffern aus der App.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's LoginForm declares the field without a label: Django would show "Password".
        self.fields["password"].label = "Passwort"

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        device = confirmed_device(user)
        if device is None:
            return cleaned_data
        code = cleaned_data.get("otp_token", "")
        if not code_is_valid(device, code):
            user_login_failed.send(
                sender=type(self),
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            self.user_cache = None
            raise forms.ValidationError(WRONG_CODE if code else MISSING_CODE, code="otp")
        user.otp_device = device  # django-otp marks the session as verified on login
        return cleaned_data


class ConfirmDeviceForm(forms.Form):
    otp_token = code_field(help_text="Den 6-stelligen Code, den die App jetzt anzeigt.")

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        code = self.cleaned_data["otp_token"]
        if not code_is_valid(self.device, code):
            raise forms.ValidationError(WRONG_CODE, code="otp")
        return code
