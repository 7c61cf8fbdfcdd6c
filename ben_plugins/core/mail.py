"""Emails of the plugins (to citizens, organisations, named third parties): from templates,
German or English, plain text plus HTML, and from the background task queue (django-tasks),
never inside the request. That rule holds for every email BEN sends (``cms.core.mail`` states
it for the layers below, e.g. moderation notifications and invitations); this module applies
it to the plugins' messages.

A message is a template directory with one folder per language::

    <template>/de/subject.txt   <template>/de/body.txt   <template>/de/body.html
    <template>/en/subject.txt   …

``send_later`` queues it after the current transaction commits. The task's arguments hold
no personal data and no secret: only the object's model and key, the name of the field that
holds the address, and which one-time links to make; the task reads the address from the
object and issues the links itself, so the database task queue never stores either. An
object deleted meanwhile (erased, or unconfirmed and cleaned up) gets no email.

Every template gets ``site_name``, ``site_url``, ``privacy_url`` (the privacy notice,
``ben_plugins.core.privacy``; "" if there is none) and ``controller`` (BEN_DATA_CONTROLLER);
for an object whose model declares its personal data also ``legal_basis``, ``recipients``
and ``retention`` from that declaration, as the record of processing activities (Art. 30)
states them.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from . import privacy, tokens
from .personal_data.processing_record import activity

LANGUAGES = ("de", "en")
#: The notice of Art. 14 DSGVO for people whose data someone else submitted.
ART14_TEMPLATE = "ben_plugins/mail/art14_notice"


@dataclass(frozen=True)
class Link:
    """A one-time link the task issues into the message: ``{{ <name> }}`` in the template
    is the absolute URL of ``url_name`` with a fresh token of ``purpose``."""

    purpose: tokens.Purpose
    url_name: str


def send_later(
    template: str,
    obj: models.Model,
    *,
    recipient_field: str = "email",
    language: str = "de",
    base_url: str,
    links: dict[str, Link] | None = None,
    context: dict[str, str] | None = None,
) -> None:
    """Queue ``template`` to the address in ``obj.<recipient_field>`` once the transaction
    commits. ``base_url`` is the root of links (``cms.core.sites.base_url(request)``);
    ``context`` holds further texts for the template, never personal data."""
    if language not in LANGUAGES:
        language = "de"
    arguments = {
        "template": template,
        "model": obj._meta.label,
        "pk": str(obj.pk),
        "recipient_field": recipient_field,
        "language": language,
        "base_url": base_url,
        "links": {name: [link.purpose.name, link.url_name] for name, link in (links or {}).items()},
        "context": context or {},
    }
    transaction.on_commit(lambda: send_templated_mail.enqueue(**arguments))


def send_art14_notice(
    obj: models.Model,
    *,
    recipient_field: str,
    base_url: str,
    purpose: str,
    categories: str,
    source: str,
    language: str = "de",
    objection: Link | None = None,
) -> None:
    """Tell a person whose data a third party submitted what BEN holds and why (Art. 14
    DSGVO). The plugin calls it at the moment it declares (e.g. when the submission is
    confirmed) and says, in ``language``, the ``purpose`` for this person, the
    ``categories`` of their data and the ``source`` (who submitted it); ``objection`` adds a
    one-time link to object. The controller (BEN_DATA_CONTROLLER), the legal basis, the
    recipients and the retention come from the model's ``PersonalData`` declaration (as in
    the Art. 30 record), the link from the privacy notice; the rights are in the template."""
    send_later(
        ART14_TEMPLATE,
        obj,
        recipient_field=recipient_field,
        language=language,
        base_url=base_url,
        links={"objection_url": objection} if objection else None,
        context={"purpose": purpose, "categories": categories, "source": source},
    )


def declared_processing(model) -> dict:
    """What the model's ``PersonalData`` declaration says about the processing, in the words
    of the record of processing activities (Art. 30); empty for an undeclared model."""
    if getattr(model, "personal_data", None) is None:
        return {}
    declared = activity(model)
    return {
        "legal_basis": declared.legal_basis,
        "recipients": declared.recipients,
        "retention": declared.retention,
    }


def render_message(template: str, language: str, context: dict) -> tuple[str, str, str]:
    """Subject, plain text and HTML of ``template`` in ``language``."""
    with translation.override(language):
        subject = render_to_string(f"{template}/{language}/subject.txt", context)
        text = render_to_string(f"{template}/{language}/body.txt", context)
        html = render_to_string(f"{template}/{language}/body.html", context)
    return " ".join(subject.split()), text, html


@task()
def send_templated_mail(
    template: str,
    model: str,
    pk: str,
    recipient_field: str,
    language: str,
    base_url: str,
    links: dict,
    context: dict,
) -> bool:
    """Render and send one message; False if its object or address is gone."""
    model_class = apps.get_model(model)
    obj = model_class._base_manager.filter(pk=pk).first()
    recipient = getattr(obj, recipient_field, "") if obj is not None else ""
    if not recipient:
        return False
    root = base_url.rstrip("/")
    for name, (purpose_name, url_name) in links.items():
        token = tokens.issue(tokens.purpose(purpose_name), obj)
        context[name] = root + reverse(url_name, kwargs={"token": token})
    context.update(
        declared_processing(model_class),
        object=obj,
        site_url=root + "/",
        site_name=settings.WAGTAIL_SITE_NAME,
        privacy_url=privacy.privacy_url(root=root),
        controller=settings.BEN_DATA_CONTROLLER,
    )
    subject, text, html = render_message(template, language, context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient])
    message.attach_alternative(html, "text/html")
    message.send()
    return True
