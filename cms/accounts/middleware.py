"""No admin page for a staff session that has not passed the second factor it needs."""

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .second_factor import confirmed_device, must_use_second_factor

#: Both admins: Wagtail's and Django's (whose own login is redirected to Wagtail's).
STAFF_PATH_PREFIXES = ("/admin/", "/django-admin/")


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware (``request.user.is_verified()``).

    A user with a confirmed device whose session was not verified with its code (a login
    from before the device, or by a way other than the admin login) is logged out and sent
    to the login. A user who must use a second factor and has no device yet is sent to
    the setup page before any other admin page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(STAFF_PATH_PREFIXES):
            return self.get_response(request)  # public paths: no staff session to check
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and request.path not in self.exempt_paths()
        ):
            if confirmed_device(user):
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            if must_use_second_factor(user):
                setup = reverse("accounts_second_factor")
                return redirect(f"{setup}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def exempt_paths() -> set[str]:
        """The setup page and what it needs, and the way out."""
        return {
            reverse("accounts_second_factor"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
        }
