"""Admin for club memberships: moderators invite club editors without knowing their password.

Inviting creates the account without a usable password (or reuses the account with that
email address) and emails a personal link to Wagtail's "set a new password" page, from the task
queue (``cms.core.mail``): the request queues only the membership's and the inviter's keys.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from cms.core.mail import enqueue_on_commit
from cms.pages.models import ClubPage

from .models import ClubMembership

USERNAME_TAKEN_ERROR = (
    "Diese E-Mail-Adresse ist bereits der Benutzername eines anderen Kontos. "
    "Bitte laden Sie die Person mit der E-Mail-Adresse dieses Kontos ein."
)
AMBIGUOUS_EMAIL_ERROR = (
    "Mehrere Konten verwenden diese E-Mail-Adresse. Bitte bereinigen Sie die Konten "
    "unter „Benutzer“, bevor Sie die Person einladen."
)
INACTIVE_ACCOUNT_ERROR = (
    "Das Konto mit dieser E-Mail-Adresse ist deaktiviert. Bitte aktivieren Sie es "
    "unter „Benutzer“, bevor Sie die Person einladen."
)


class ClubMembershipInviteForm(WagtailAdminModelForm):
    # New accounts use the address as username, which holds at most 150 characters.
    email = forms.EmailField(label="E-Mail-Adresse", max_length=150)
    first_name = forms.CharField(label="Vorname", max_length=150)
    last_name = forms.CharField(label="Nachname", max_length=150)

    class Meta:
        model = ClubMembership
        fields = ["email", "first_name", "last_name", "club", "role"]
        widgets = {"club": forms.Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = ClubPage.objects.order_by("title")
        self.invited_new_user = False
        self.account = None  # the existing account to invite, found by clean()

    def clean(self):
        cleaned_data = super().clean()
        email, club = cleaned_data.get("email"), cleaned_data.get("club")
        if email:
            self.clean_account(email.strip().lower(), club)
        return cleaned_data

    def clean_account(self, email, club):
        """Find the account to invite, or say in German why there is no single one."""
        user_model = get_user_model()
        accounts = list(user_model.objects.filter(email__iexact=email)[:2])
        if len(accounts) > 1:
            self.add_error("email", AMBIGUOUS_EMAIL_ERROR)
        elif accounts and not accounts[0].is_active:
            self.add_error("email", INACTIVE_ACCOUNT_ERROR)
        elif accounts and club and accounts[0].club_memberships.filter(club=club).exists():
            self.add_error("email", "Diese Person gehört bereits zur Redaktion dieses Vereins.")
        elif not accounts and user_model.objects.filter(username__iexact=email).exists():
            self.add_error("email", USERNAME_TAKEN_ERROR)
        self.account = accounts[0] if accounts else None

    def save(self, commit=True):
        user = self.account
        if user is None:
            email = self.cleaned_data["email"].strip().lower()
            user = get_user_model()(
                username=email,
                email=email,
                first_name=self.cleaned_data["first_name"],
                last_name=self.cleaned_data["last_name"],
            )
            user.set_unusable_password()
            user.save()
            self.invited_new_user = True
        self.instance.user = user
        return super().save(commit=commit)


class ClubMembershipRoleForm(WagtailAdminModelForm):
    class Meta:
        model = ClubMembership
        fields = ["role"]


@task()
def send_invitation(membership_pk: int, invited_by_pk: int | None) -> bool:
    """Email a one-time link to set the password; the moderator never sees it. False if the
    membership is gone or the account deactivated (before the queue ran)."""
    membership = (
        ClubMembership.objects.select_related("user", "club").filter(pk=membership_pk).first()
    )
    if membership is None or not membership.user.is_active or not membership.user.email:
        return False
    user = membership.user
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "club": membership.club,
        "invited_by": get_user_model().objects.filter(pk=invited_by_pk).first(),
        "set_password_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
    }
    send_mail(
        render_to_string("moderation/email/invitation_subject.txt", context).strip(),
        render_to_string("moderation/email/invitation.txt", context),
        None,
        [user.email],
    )
    return True


class InviteView(generic.CreateView):
    def save_instance(self):
        membership = super().save_instance()
        if self.form.invited_new_user:
            enqueue_on_commit(
                send_invitation, membership_pk=membership.pk, invited_by_pk=self.request.user.pk
            )
        return membership

    def get_success_message(self, instance):
        if self.form.invited_new_user:
            return f"Einladung an {instance.user.email} verschickt."
        return f"{instance} hinzugefügt."


class ClubMembershipViewSet(ModelViewSet):
    model = ClubMembership
    icon = "group"
    menu_label = "Redaktionsmitglieder"
    menu_order = 250
    add_to_admin_menu = True
    add_view_class = InviteView
    list_display = ["user", "club", "role", "created_at"]
    list_filter = ["club", "role"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "club__title"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ClubMembershipRoleForm if for_update else ClubMembershipInviteForm


club_membership_viewset = ClubMembershipViewSet("club_memberships")
