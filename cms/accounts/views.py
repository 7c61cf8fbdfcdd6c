"""Setting up the second factor: secret, QR code, confirmation with a first code."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django_otp import login as otp_login

from .forms import ConfirmDeviceForm
from .second_factor import confirmed_device, must_use_second_factor, unconfirmed_device


def qr_code_svg(data: str) -> str:
    """The QR code as inline SVG: rendered here, no external service sees the secret."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=8)
    return image.to_string(encoding="unicode")


def grouped(secret: str) -> str:
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def second_factor_setup(request):
    if device := confirmed_device(request.user):
        return TemplateResponse(request, "accounts/second_factor_active.html", {"device": device})
    device = unconfirmed_device(request.user)
    form = ConfirmDeviceForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, "Die Zwei-Faktor-Anmeldung ist eingerichtet.")
        return redirect(_next_url(request))
    return TemplateResponse(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "secret": grouped(b32encode(device.bin_key).decode()),
            "qr_code": mark_safe(qr_code_svg(device.config_url)),
            "required": must_use_second_factor(request.user),
            "next": _next_url(request),
        },
    )
