"""Every email of the admin leaves from the task queue, never inside the request: membership
invitations, the workflow's notifications, Wagtail's comment notifications and the "forgot
password" link. Each request only queues keys (no address, name or token); the task renders
and sends (cms.core.mail)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import PageSubscription

from cms.core.mail import send_password_reset
from cms.moderation.memberships import send_invitation
from cms.moderation.models import ClubMembership
from cms.moderation.notifications import send_comment_notifications, send_notification
from cms.moderation.policies import club_content_models
from tests.conftest import run_queued
from tests.factories.users import DEFAULT_PASSWORD, SuperuserFactory

from .admin_forms import edit_form_data
from .fixtures import build_world
from .test_permission_matrix import _fresh, _url

pytestmark = pytest.mark.django_db
MAIL_TASKS = {
    send_invitation.name,
    send_notification.name,
    send_comment_notifications.name,
    send_password_reset.name,
}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def queue(world, task_queue):
    return task_queue


def queued_in(queue, respond):
    """Run the request (its transaction's on-commit hooks too): nothing sent; the email
    tasks it queued, with their arguments (Wagtail queues its reference index too)."""
    response = respond()
    assert mail.outbox == [], "an email was sent inside the request"
    return response, [
        (result.task.name, result.kwargs)
        for result in queue.results
        if result.task.name in MAIL_TASKS
    ]


def assert_no_personal_data(arguments, *values):
    text = repr(arguments)
    for value in values:
        assert value not in text


def invite_nina(client, world, capture_on_commit):
    """The moderator invites a new editor of club A through the admin; after the commit."""
    client.force_login(world.users["moderation"])
    with capture_on_commit(execute=True):
        return client.post(
            reverse("club_memberships:add"),
            {
                "email": "neu@example.org",
                "first_name": "Nina",
                "last_name": "Neu",
                "club": world.clubs["A"].pk,
                "role": ClubMembership.Role.EDITOR,
            },
        )


def test_invitation_is_queued_and_its_link_sets_the_password(
    client, world, queue, django_capture_on_commit_callbacks
):
    response, queued = queued_in(
        queue, lambda: invite_nina(client, world, django_capture_on_commit_callbacks)
    )
    assert response.status_code == 302
    [(name, arguments)] = queued
    assert name == send_invitation.name
    assert set(arguments) == {"membership_pk", "invited_by_pk"}
    assert_no_personal_data(arguments, "neu@example.org", "Nina", "Neu")

    run_queued(queue)
    [invitation] = mail.outbox
    assert invitation.to == ["neu@example.org"]
    link = re.search(r"http://localhost(/admin/password_reset/confirm/\S+)", invitation.body)
    client.logout()
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200


def test_no_invitation_for_a_membership_removed_before_the_queue_ran(
    client, world, queue, django_capture_on_commit_callbacks
):
    invite_nina(client, world, django_capture_on_commit_callbacks)
    ClubMembership.objects.filter(user__email="neu@example.org").delete()
    run_queued(queue, only={send_invitation.name})
    assert mail.outbox == []


def test_no_invitation_for_an_account_deactivated_before_the_queue_ran(
    client, world, queue, django_capture_on_commit_callbacks
):
    invite_nina(client, world, django_capture_on_commit_callbacks)
    get_user_model().objects.filter(email="neu@example.org").update(is_active=False)
    run_queued(queue, only={send_invitation.name})
    assert mail.outbox == []


def test_workflow_notifications_are_queued(
    world, queue, django_capture_on_commit_callbacks, client
):
    club = world.clubs["A"]
    editor = world.users["redaktion-a"]
    client.force_login(editor)
    data = edit_form_data(club, title="Neuer Name")
    data["action-submit"] = "Zur Freigabe einreichen"

    def submit():
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(_url(club, "edit"), data)

    response, queued = queued_in(queue, submit)
    assert response.status_code == 302
    [(name, arguments)] = queued
    assert name == send_notification.name
    assert arguments["notification"] == "submitted"
    assert_no_personal_data(arguments, "@example.org", "Neuer Name")
    run_queued(queue)
    [to_moderators] = [m for m in mail.outbox if "moderation@" in m.to[0]]
    assert "Zur Freigabe" in to_moderators.subject

    mail.outbox.clear()
    moderator = client.__class__()
    moderator.force_login(world.users["moderation"])
    task_state = _fresh(club).current_workflow_task_state

    def reject():
        with django_capture_on_commit_callbacks(execute=True):
            return moderator.post(
                _url(club, "workflow_action", "reject", task_state.pk),
                {"comment": "Bitte den alten Namen lassen."},
            )

    response, queued = queued_in(queue, reject)
    [(name, arguments)] = queued
    assert arguments["notification"] == "rejected"
    assert_no_personal_data(arguments, "@example.org", "Bitte den alten Namen")
    run_queued(queue)
    assert {message.to[0] for message in mail.outbox} >= {"redaktion-a@example.org"}
    assert "Bitte den alten Namen lassen." in mail.outbox[0].body


def test_comment_notifications_are_queued(world, queue, django_capture_on_commit_callbacks, client):
    club = world.clubs["A"]
    subscriber = world.users["moderation"]
    PageSubscription.objects.create(page=club, user=subscriber, comment_notifications=True)
    client.force_login(SuperuserFactory())
    data = edit_form_data(club)
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-INITIAL_FORMS": "0",
            "comments-0-contentpath": "title",
            "comments-0-text": "Stimmt der Vereinsname so?",
            "comments-0-position": "",
            "comments-0-resolved": "",
            "comments-0-id": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
        }
    )

    def edit():
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(_url(club, "edit"), data)

    response, queued = queued_in(queue, edit)
    assert response.status_code == 302
    [(name, arguments)] = queued
    assert name == send_comment_notifications.name
    assert_no_personal_data(arguments, "Stimmt der Vereinsname", "@example.org")
    run_queued(queue)
    [notification] = mail.outbox
    assert notification.to == [subscriber.email]
    assert "Stimmt der Vereinsname so?" in notification.body


def test_password_reset_link_is_queued_and_works(
    client, world, queue, django_capture_on_commit_callbacks
):
    user = world.users["redaktion-a"]

    def ask():
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("wagtailadmin_password_reset"), {"email": user.email})

    response, queued = queued_in(queue, ask)
    assert response.status_code == 302
    [(name, arguments)] = queued
    assert name == send_password_reset.name
    assert_no_personal_data(arguments, user.email, user.username)

    run_queued(queue)
    [message] = mail.outbox
    assert message.to == [user.email]
    path = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/\S+)", message.body)
    form_page = client.get(path.group(1), follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Ehrenamt-2026!", "new_password2": "Ehrenamt-2026!"},
    )
    assert client.login(username=user.username, password="Ehrenamt-2026!")
    assert not client.login(username=user.username, password=DEFAULT_PASSWORD)


def _submit(client, obj, title, capture):
    data = edit_form_data(obj, title=title)
    data["action-submit"] = "Zur Freigabe einreichen"
    with capture(execute=True):
        response = client.post(_url(obj, "edit"), data)
    assert response.status_code == 302


def _act(client, obj, action, capture, **data):
    task_state = _fresh(obj).current_workflow_task_state
    with capture(execute=True):
        response = client.post(_url(obj, "workflow_action", action, task_state.pk), data)
    assert response.status_code in (200, 302)


def _clients(world, client):
    editor, moderator = client, client.__class__()
    editor.force_login(world.users["redaktion-a"])
    moderator.force_login(world.users["moderation"])
    return editor, moderator


def _moderated(world, kind):
    if kind == "page":
        return world.clubs["A"]
    return world.snippets[club_content_models()[0], "A"]


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_rejection_mail_keeps_the_reason_when_resubmitted_before_the_queue_ran(
    world, queue, django_capture_on_commit_callbacks, client, kind
):
    """The reviewer's probe: submit, reject with a reason, resubmit, then the worker runs."""
    obj = _moderated(world, kind)
    editor, moderator = _clients(world, client)
    capture = django_capture_on_commit_callbacks
    _submit(editor, obj, "Neuer Name", capture)
    _act(moderator, obj, "reject", capture, comment="Bitte den alten Namen lassen.")
    _submit(editor, obj, "Noch ein Name", capture)

    run_queued(queue)
    [rejection] = [
        m for m in mail.outbox if m.to == ["redaktion-a@example.org"] and "Änderungen" in m.subject
    ]
    assert "„Neuer Name“" in rejection.subject
    assert "Bitte den alten Namen lassen." in rejection.body
    assert "Noch ein Name" not in rejection.body
    # The first submission was decided before its mail left: only the second asks for review.
    [to_moderators] = [m for m in mail.outbox if m.to == ["moderation@example.org"]]
    assert to_moderators.subject == "Zur Freigabe: „Noch ein Name“ (Verein A)"


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_approval_mail_names_what_was_approved_and_a_decided_submission_asks_nobody(
    world, queue, django_capture_on_commit_callbacks, client, kind
):
    """Approved before the submission's mail left, and edited again before the approval's."""
    obj = _moderated(world, kind)
    editor, moderator = _clients(world, client)
    capture = django_capture_on_commit_callbacks
    _submit(editor, obj, "Neuer Name", capture)
    _act(moderator, obj, "approve", capture)
    with capture(execute=True):
        editor.post(_url(obj, "edit"), edit_form_data(obj, title="Danach bearbeitet"))

    run_queued(queue)
    [approval] = [m for m in mail.outbox if m.to == ["redaktion-a@example.org"]]
    assert approval.subject == "Freigegeben: „Neuer Name“"
    assert "Danach bearbeitet" not in approval.body
    assert [m for m in mail.outbox if m.to == ["moderation@example.org"]] == []


@pytest.mark.parametrize("kind", ["page", "snippet"])
def test_no_submission_mail_for_a_submission_withdrawn_before_the_queue_ran(
    world, queue, django_capture_on_commit_callbacks, client, kind
):
    obj = _moderated(world, kind)
    editor, _moderator = _clients(world, client)
    capture = django_capture_on_commit_callbacks
    _submit(editor, obj, "Neuer Name", capture)
    data = edit_form_data(obj, title="Neuer Name")
    data["action-cancel-workflow"] = "Freigabe zurückziehen"
    with capture(execute=True):
        editor.post(_url(obj, "edit"), data)  # locked in moderation: cancels, shows the form
    assert not _fresh(obj).workflow_in_progress

    run_queued(queue)
    assert mail.outbox == []


def test_no_workflow_mail_for_an_object_deleted_before_the_queue_ran(
    world, queue, django_capture_on_commit_callbacks, client
):
    obj = _moderated(world, "snippet")
    editor, moderator = _clients(world, client)
    capture = django_capture_on_commit_callbacks
    _submit(editor, obj, "Neuer Name", capture)
    _act(moderator, obj, "reject", capture, comment="Bitte den alten Namen lassen.")
    admin = client.__class__()
    admin.force_login(SuperuserFactory())
    with capture(execute=True):
        assert admin.post(_url(obj, "delete")).status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()

    results = [
        result.task.call(*result.args, **result.kwargs)
        for result in queue.results
        if result.task.name == send_notification.name
    ]
    assert results == [False, False]
    assert mail.outbox == []


def test_rejection_queued_without_its_task_state_is_sent_only_while_still_decided(
    world, queue, django_capture_on_commit_callbacks, client
):
    """Rows queued by the release before carry no task state key: the workflow's current task
    state stands in, while it is still the rejected one."""
    obj = _moderated(world, "page")
    editor, moderator = _clients(world, client)
    capture = django_capture_on_commit_callbacks
    _submit(editor, obj, "Neuer Name", capture)
    queue.clear()
    _act(moderator, obj, "reject", capture, comment="Bitte den alten Namen lassen.")
    [rejection] = [r for r in queue.results if r.task.name == send_notification.name]
    legacy = {key: value for key, value in rejection.kwargs.items() if key != "task_state_pk"}

    assert send_notification.call(**legacy) is True
    assert "Bitte den alten Namen lassen." in mail.outbox[0].body
    mail.outbox.clear()
    _submit(editor, obj, "Noch ein Name", capture)
    assert send_notification.call(**legacy) is False
    assert mail.outbox == []
