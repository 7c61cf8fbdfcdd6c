"""Build the POST data a real admin edit form would send, for any page or snippet.

Generic on purpose: the permission matrix and the workflow tests post real forms for every
ClubContent model and page type, so a new model needs no hand-written form data.
"""

from django import forms
from django.contrib.auth import get_user_model
from wagtail.models import Page


def _widget_value(bound_field):
    widget = bound_field.field.widget
    value = bound_field.value()
    if isinstance(widget, forms.CheckboxInput):
        return "on" if value else None
    return widget.format_value(value)


def form_data(form) -> dict:
    """The data that re-submits an unbound form (and its nested formsets) unchanged."""
    data = {}
    for bound_field in form:
        value = _widget_value(bound_field)
        if value is not None:
            data[bound_field.html_name] = value
    for formset in getattr(form, "formsets", {}).values():
        data.update(form_data(formset.management_form))
        for child in formset.forms:
            data.update(form_data(child))
    return data


def _editor_form(obj, user):
    if isinstance(obj, Page):
        page = obj.specific
        form_class = type(page).get_edit_handler().get_form_class()
        return form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    form_class = type(obj).snippet_viewset.get_edit_handler().get_form_class()
    return form_class(instance=obj, for_user=user)


def edit_form_data(obj, **changes) -> dict:
    """POST data for the object's edit view, built as a superuser sees the form."""
    superuser = get_user_model()(is_superuser=True, is_active=True)
    data = form_data(_editor_form(obj, superuser))
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
