"""Two-factor authentication for everyone who can reach the admin (Wagtail's and Django's).

After the password, an editor confirms with a code from an authenticator app (TOTP, django-otp) or
one of ten single-use backup codes. Someone without a device yet is sent to set one up first. The
check lives in one middleware, so no admin view can be reached around it.
"""

from io import BytesIO
from urllib.parse import urlencode

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def can_reach_admin(user):
    return user.is_authenticated and (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def _exempt(path):
    # Logging in and out, and the two-factor pages themselves, must work before the second step.
    allowed = [reverse("wagtailadmin_login"), reverse("wagtailadmin_logout"), reverse("two_factor_setup"),
               reverse("two_factor_verify"), "/django-admin/login/", "/django-admin/logout/"]
    return any(path.startswith(prefix) for prefix in allowed)


class RequireTwoFactorForAdminMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            getattr(settings, "TWO_FACTOR_REQUIRED", True)
            and path.startswith(ADMIN_PREFIXES)
            and not _exempt(path)
            and can_reach_admin(request.user)
            and not request.user.is_verified()
        ):
            target = "two_factor_verify" if django_otp.user_has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"), max_length=16, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return reverse("wagtailadmin_home")
    return target


def _qr_svg(url):
    import qrcode
    import qrcode.image.svg

    buffer = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg"):]  # inline in HTML: without the XML declaration


@login_required
def setup(request):
    """Pair an authenticator app: scan the code (or type the key), confirm with a first code."""
    if not can_reach_admin(request.user):
        return redirect("/")
    if django_otp.user_has_device(request.user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            django_otp.login(request, device)
            codes = _new_backup_codes(request.user)
            return render(request, "portal/two_factor/backup_codes.html", {"codes": codes, "next": _next_url(request)})
        # django-otp doubles the wait after every wrong code, against guessing.
        form.add_error("token", _("Deze code klopt niet, of u probeerde het te snel opnieuw. Wacht even, kijk of de tijd op uw telefoon goed staat en probeer de volgende code."))
    key = device.config_url.split("secret=")[1].split("&")[0]
    return render(request, "portal/two_factor/setup.html", {
        "form": form, "qr_svg": _qr_svg(device.config_url), "key": key, "next": _next_url(request),
    })


@login_required
def verify(request):
    """The second step at every login: a code from the app, or a backup code."""
    if not django_otp.user_has_device(request.user):
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet of is al gebruikt, of u probeerde het te snel opnieuw. Wacht even en probeer het nog eens."))
    return render(request, "portal/two_factor/verify.html", {"form": form, "next": _next_url(request)})


def _new_backup_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes
