"""Every email BEN sends goes out from the background task queue (django-tasks), never inside
the request: a slow or unreachable mail server then delays no editor and no citizen, and a
rolled-back transaction sends nothing.

The rule for every sender, here and in the layers above (``cms.moderation``'s workflow
notifications and invitations, ``ben_plugins.core.mail`` for citizens):

- the request calls ``enqueue_on_commit(task, …)``: the task is queued once the transaction
  commits;
- the task's arguments hold only primary keys and template names, never an address, a name,
  a token or any other personal data (the database backend keeps its task rows);
- the task loads the objects, makes any token itself, renders and sends. An object deleted
  meanwhile gets no email.

The password-reset form of the admin (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``) follows it
too: Django's form would send the link inside the request.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm as DjangoPasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm


def enqueue_on_commit(queued_task, **arguments) -> None:
    """Queue ``queued_task`` with ``arguments`` (primary keys and names only) after the
    current transaction commits; outside a transaction at once."""
    transaction.on_commit(lambda: queued_task.enqueue(**arguments))


class QueuedPasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's "forgot password" form, sending its link from the task queue.

    The request only queues the user's key and the template names; the task makes the
    one-time token (Django's ``default_token_generator``) and sends the message Django's form
    would have sent.
    """

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=default_token_generator,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        for user in self.get_users(self.cleaned_data["email"]):
            enqueue_on_commit(
                send_password_reset,
                user_pk=str(user.pk),
                subject_template_name=subject_template_name,
                email_template_name=email_template_name,
                html_email_template_name=html_email_template_name,
            )


@task()
def send_password_reset(
    user_pk: str,
    subject_template_name: str,
    email_template_name: str,
    html_email_template_name: str | None,
) -> bool:
    """Send one password-reset link; False if the account is gone or may not reset."""
    user = get_user_model()._default_manager.filter(pk=user_pk, is_active=True).first()
    if user is None or not user.has_usable_password() or not user.email:
        return False
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    protocol, _, domain = base.partition("://")
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol,
    }
    DjangoPasswordResetForm().send_mail(
        subject_template_name,
        email_template_name,
        context,
        None,
        user.email,
        html_email_template_name=html_email_template_name,
    )
    return True
