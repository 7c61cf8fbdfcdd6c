"""The admin of every model with a personal-data declaration, generated (wagtail-modeladmin).

Only the declared group (or the club's own editors) and administrators reach a record; every
other user gets 403 on the list and on each record's views (404 for records that do not
exist, and for IDs that cannot be one, before any check of the user). Opening, editing,
deleting, exporting a record, its history and its letters are written to the access log.
Records arrive from outside, so there is no „add“ view; the state field is changed only
through the declared transitions (a form on the record's page), and the club of a
club-scoped record (``ClubAccess``) not at all: the citizen chose that club.
"""

import json
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import re_path
from django.utils.text import slugify
from django.views.defaults import permission_denied
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    InspectView,
    InstanceSpecificView,
)

from ben_plugins.core.letters import letters_of
from ben_plugins.core.letters.rendering import render_letter
from ben_plugins.core.transitions import (
    TransitionForbidden,
    TransitionRefused,
    transitions_of,
)

from .declarations import ClubAccess, _is_admin
from .models import AccessLogEntry

Action = AccessLogEntry.Action


class RecordPermissionHelper(PermissionHelper):
    """Access as the model's declaration says; no model permissions involved."""

    @property
    def declaration(self):
        return self.model.personal_data

    @property
    def access(self):
        return self.declaration.access

    def user_can_list(self, user):
        return self.access.may_list(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self.access.allows(user, obj)

    def user_can_edit_obj(self, user, obj):
        return self.declaration.may_change(user, obj)

    def user_can_delete_obj(self, user, obj):
        return self.declaration.may_delete(user, obj)


class RecordButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, *args, **kwargs):
        buttons = super().get_buttons_for_obj(obj, *args, **kwargs)
        if self.permission_helper.user_can_inspect_obj(self.request.user, obj):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url("history", quote(obj.pk)),
                    "label": "Verlauf",
                    "classname": "button button-small button-secondary",
                    "title": "Verlauf dieses Datensatzes",
                }
            )
        return buttons


class LoggedAccessMixin:
    """Writes one access-log entry when the view answered successfully: a save (a POST
    answered with a redirect) as an edit, anything else as a look at the record – an invalid
    form shown again saved nothing, but showed the record."""

    access_action = Action.VIEW

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code < 400:
            saved = request.method == "POST" and response.status_code in {301, 302, 303}
            action = Action.EDIT if saved else self.access_action
            AccessLogEntry.record(self.instance, action, request.user)
        return response


def json_text(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


class RecordIndexView(IndexView):
    #: JSON fields (lists of entries such as activities or preferred dates) export as JSON
    #: text; Wagtail would join a list's items as strings and fail on dicts.
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        list: {IndexView.FORMAT_CSV: json_text, IndexView.FORMAT_XLSX: json_text},
        dict: {IndexView.FORMAT_CSV: json_text, IndexView.FORMAT_XLSX: json_text},
    }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        AccessLogEntry.record(list(queryset), Action.EXPORT, self.request.user)
        return super().as_spreadsheet(queryset, spreadsheet_format)


class TransitionForm(forms.Form):
    target = forms.ChoiceField(label="Neuer Status")
    comment = forms.CharField(label="Kommentar", required=False, widget=forms.Textarea)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = choices


class RecordInspectView(LoggedAccessMixin, InspectView):
    def get_template_names(self):
        return ["ben_personal_data/inspect.html"]

    def get_context_data(self, **kwargs):
        declared = transitions_of(self.model)
        user = self.request.user
        context = {
            "letters": [
                letter for letter in letters_of(self.model) if letter.permits(self.instance, user)
            ],
            "letter_url": self.url_helper.get_action_url("letter", self.pk_quoted),
            "history_url": self.url_helper.get_action_url("history", self.pk_quoted),
        }
        if declared:
            context["state"] = declared.state_label(declared.current(self.instance))
            choices = [
                (t.target, t.label or declared.state_label(t.target))
                for t in declared.available(self.instance, user)
            ]
            if choices:
                context["transition_form"] = TransitionForm(choices=choices)
                context["transition_url"] = self.url_helper.get_action_url(
                    "transition", self.pk_quoted
                )
        return super().get_context_data(**context, **kwargs)


class RecordEditView(LoggedAccessMixin, EditView):
    pass


class RecordDeleteView(LoggedAccessMixin, DeleteView):
    """Logs the confirmation page as a view and the deletion itself (before the record and its
    ID are gone; the deletion then scrubs the record's name from the logs)."""

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super(LoggedAccessMixin, self).dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def delete_instance(self):
        AccessLogEntry.record(self.instance, Action.DELETE, self.request.user)
        super().delete_instance()


class RecordHistoryView(LoggedAccessMixin, HistoryView):
    access_action = Action.HISTORY

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class TransitionView(InstanceSpecificView):
    """POST: move the record to another state. A move that is not declared goes back to the
    record's page with the reason as an error; one outside the user's group is a 403."""

    http_method_names = ["post"]

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)

    def post(self, request, *args, **kwargs):
        declared = transitions_of(self.model)
        if declared is None:
            raise Http404
        target = request.POST.get("target", "")
        try:
            declared.move(self.instance, target, request.user, request.POST.get("comment", ""))
        except TransitionForbidden as refusal:
            raise PermissionDenied(str(refusal)) from refusal
        except TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, f"Status geändert: {declared.state_label(target)}.")
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class LetterView(InstanceSpecificView):
    """GET: one of the model's declared letters for this record, as a PDF; 403 when the
    letter's own rule (``Letter.allows``) refuses it for this record and user."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)

    def get(self, request, *args, **kwargs):
        letter = {letter.key: letter for letter in letters_of(self.model)}.get(
            request.GET.get("letter", "")
        )
        if letter is None:
            raise Http404
        if not letter.permits(self.instance, request.user):
            raise PermissionDenied("Dieser Brief ist für diesen Datensatz nicht vorgesehen.")
        pdf = render_letter(letter, self.instance)
        AccessLogEntry.record(self.instance, Action.LETTER, request.user)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"{slugify(letter.title)}-{self.instance.pk}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def refused_with_403(view_method):
    @wraps(view_method)
    def view(self, request, *args, **kwargs):
        try:
            return view_method(self, request, *args, **kwargs)
        except PermissionDenied as refusal:
            return permission_denied(request, refusal)

    return view


class RecordIdMixin:
    """The record views take an ID from the URL (``[-\\w]+``); one the primary key cannot
    hold (``abc`` for an integer key) is a 404 for everyone, as an unknown record is, instead
    of a 500 from the database lookup in wagtail-modeladmin's ``InstanceSpecificView``."""

    def check_record_id(self, instance_pk) -> None:
        try:
            self.model._meta.pk.to_python(unquote(instance_pk))
        except (ValidationError, ValueError, TypeError) as error:
            raise Http404 from error

    def inspect_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return super().inspect_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return super().delete_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return super().history_view(request, instance_pk)


class PersonalDataModelAdmin(RecordIdMixin, ModelAdmin):
    """Base of the generated admins; ``model`` is set per declared model."""

    menu_icon = "user"
    menu_order = 800
    add_to_admin_menu = True
    inspect_view_enabled = True
    permission_helper_class = RecordPermissionHelper
    button_helper_class = RecordButtonHelper
    index_view_class = RecordIndexView
    inspect_view_class = RecordInspectView
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView
    history_view_class = RecordHistoryView

    def get_queryset(self, request):
        return self.model.personal_data.access.visible(super().get_queryset(request), request.user)

    def get_edit_handler(self):
        """Every editable field but the state (moved by transitions only) and, for a
        ``ClubAccess`` declaration, the club: moving a record to another club would show it
        to that club's editors. Administrators do not get the field either: the citizen
        addressed that club, and handing their data to another one is a disclosure no
        declaration names (purpose limitation); a record sent to the wrong club is deleted
        there and sent again by the citizen."""
        declared = transitions_of(self.model)
        access = self.model.personal_data.access
        fixed = {
            declared.state_field if declared else None,
            access.field if isinstance(access, ClubAccess) else None,
        }
        panels = [
            FieldPanel(field.name)
            for field in self.model._meta.fields
            if field.editable and not field.auto_created and field.name not in fixed
        ]
        return ObjectList(panels).bind_to_model(self.model)

    # Wagtail answers PermissionDenied in the admin with a redirect to the dashboard; a
    # refused look at personal data is a plain 403 instead, so that it is unambiguous.
    @refused_with_403
    def index_view(self, request):
        return super().index_view(request)

    @refused_with_403
    def create_view(self, request):
        return super().create_view(request)

    @refused_with_403
    def inspect_view(self, request, instance_pk):
        return super().inspect_view(request, instance_pk)

    @refused_with_403
    def edit_view(self, request, instance_pk):
        return super().edit_view(request, instance_pk)

    @refused_with_403
    def delete_view(self, request, instance_pk):
        return super().delete_view(request, instance_pk)

    @refused_with_403
    def history_view(self, request, instance_pk):
        return super().history_view(request, instance_pk)

    @refused_with_403
    def transition_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return TransitionView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    @refused_with_403
    def letter_view(self, request, instance_pk):
        self.check_record_id(instance_pk)
        return LetterView.as_view(model_admin=self, instance_pk=instance_pk)(request)

    def get_admin_urls_for_registration(self):
        return (
            *super().get_admin_urls_for_registration(),
            *(
                re_path(
                    self.url_helper.get_action_url_pattern(action),
                    view,
                    name=self.url_helper.get_action_url_name(action),
                )
                for action, view in (
                    ("transition", self.transition_view),
                    ("letter", self.letter_view),
                )
            ),
        )


def model_admin_for(model) -> type[PersonalDataModelAdmin]:
    """The generated admin class of one declared model."""
    declaration = model.personal_data
    declared = transitions_of(model)
    listed = [model._meta.pk.name]
    if declared:
        listed.append(declared.state_field)
    listed += [name for name in declaration.listed if name not in listed]
    return type(
        f"{model.__name__}PersonalDataAdmin",
        (PersonalDataModelAdmin,),
        {
            "model": model,
            "menu_label": str(model._meta.verbose_name_plural),
            "list_display": tuple(listed),
            "list_filter": ((declared.state_field,) if declared else ())
            + tuple(declaration.list_filter),
            "search_fields": tuple(declaration.search_fields),
            "list_export": tuple(field.name for field in model._meta.concrete_fields),
            "ordering": ("-" + model._meta.pk.name,),
        },
    )


class AccessLogPermissionHelper(PermissionHelper):
    """The access log is read by administrators (superusers and the group „Administratoren“,
    as everywhere in the personal-data admin) only and never changed in the admin."""

    def user_can_list(self, user):
        return _is_admin(user)

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class AccessLogAdmin(RecordIdMixin, ModelAdmin):
    model = AccessLogEntry
    menu_label = "Zugriffsprotokoll"
    menu_icon = "list-ul"
    menu_order = 920
    add_to_settings_menu = True
    history_view_enabled = False
    permission_helper_class = AccessLogPermissionHelper
    list_display = ("timestamp", "username", "action", "content_type", "object_id", "object_repr")
    list_filter = ("action", "content_type")
    search_fields = ("username", "object_id")
    list_export = list_display
