"""The login throttle (django-axes) as an authentication backend."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses logins of a locked-out account or IP address.

    Only HTTP logins are throttled: code that authenticates without a request (a shell, the
    test client's ``login()``) has no client address to count, and is let through to the
    next backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)

    def get_user(self, user_id):
        """A session names the first backend when started without one (``force_login``)."""
        return ModelBackend().get_user(user_id)
