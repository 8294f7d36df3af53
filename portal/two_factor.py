"""Two-factor authentication for everyone who can reach the admin (Wagtail's and Django's).

After the password, an editor confirms with a code from an authenticator app (TOTP, django-otp) or
one of ten single-use backup codes. Someone without a device yet pairs one only through a personal
enrolment link (mailed to the account's address, or handed out by an administrator with
`manage.py two_factor_enrolment_link`): whoever guessed or stole a password alone cannot pair their own
app. The link is signed, expires, and stops working once the account has paired. The check lives in one
middleware, so no admin view can be reached around it.
"""

from io import BytesIO
from urllib.parse import urlencode

import django_otp
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .ratelimit import RateLimit

BACKUP_CODES = 10
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ENROLMENT_SALT = "portal.two_factor.enrolment"
ENROLMENT_SESSION_KEY = "two_factor_enrolment"
# Each mail holds a link that sets up the second factor: few, per account.
ENROLMENT_MAILS = RateLimit("two-factor-enrolment", requests_and_seconds=(3, 3600))


def can_reach_admin(user):
    return user.is_authenticated and (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


def second_factor_confirmed(user):
    """Powers over other people's work (editors', administrators') count only after the second factor,
    on the public side as in the admin."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return True
    return bool(getattr(user, "is_verified", None) and user.is_verified())


def confirm_second_factor(request):
    """Where to send someone whose powers wait for the second factor (then back here)."""
    target = "two_factor_verify" if django_otp.user_has_device(request.user) else "two_factor_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


def _exempt(path):
    # Logging in and out, and the two-factor pages themselves, must work before the second step.
    allowed = [
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("two_factor_setup"),
        reverse("two_factor_verify"),
        "/admin/tweestapsverificatie/koppelen/",
        "/django-admin/login/",
        "/django-admin/logout/",
        "/admin/password_reset/",
    ]
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
        label=_("Code"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return reverse("wagtailadmin_home")
    return target


def _qr_svg(url):
    import qrcode
    import qrcode.image.svg

    buffer = BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]  # inline in HTML: without the XML declaration


def _enrolment_state(user):
    # Changes when the account pairs an app or gets a new password: a used or stale link stops working.
    paired = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return salted_hmac(ENROLMENT_SALT, f"{user.pk}:{user.password}:{paired}").hexdigest()[:24]


def enrolment_token(user):
    return signing.dumps({"user": user.pk, "state": _enrolment_state(user)}, salt=ENROLMENT_SALT)


def user_for_enrolment_token(token):
    """The account this link is for, while it is valid; None when it is forged, expired or used."""
    try:
        data = signing.loads(token or "", salt=ENROLMENT_SALT, max_age=settings.TWO_FACTOR_ENROLMENT_HOURS * 3600)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user = (
        get_user_model().objects.filter(pk=data.get("user"), is_active=True).first()
        if isinstance(data.get("user"), int)
        else None
    )
    if user is None or not constant_time_compare(str(data.get("state")), _enrolment_state(user)):
        return None
    return user


def enrolment_url(user):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("two_factor_enrol", args=[enrolment_token(user)])


def enrol(request, token):
    """The enrolment link: remember it in the session, then log in (if needed) and pair."""
    user = user_for_enrolment_token(token)
    if user is None:
        return render(request, "portal/two_factor/enrolment_invalid.html", status=410)
    request.session[ENROLMENT_SESSION_KEY] = token
    setup_url = reverse("two_factor_setup")
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect(setup_url)
    return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': setup_url})}")


def mail_stays_on_this_machine():
    """Where a development set-up's mail went instead of a mailbox ('make run' writes it to its terminal), so
    the page can say so; None where mail is really sent."""
    from .background import delivery_backend

    backend = delivery_backend().rsplit(".", 2)[-2]
    if backend == "console":
        return _(
            "Deze omgeving verstuurt geen echte e-mail: het bericht met de link staat in het venster waarin "
            "het portaal draait (bij ‘make run’: de terminal)."
        )
    if backend == "filebased":
        message = _("Deze omgeving verstuurt geen echte e-mail: het bericht met de link staat als bestand in %(path)s.")
        return message % {"path": settings.EMAIL_FILE_PATH}
    return None


def _masked(email):
    name, _at, domain = email.partition("@")
    return f"{name[:1]}…@{domain}"


def _enrolment_needed(request):
    """No valid link in this session: offer to mail one to the account's own address."""
    user, context = (
        request.user,
        {
            "email": _masked(request.user.email) if request.user.email else "",
            "next": _next_url(request),
            "hours": settings.TWO_FACTOR_ENROLMENT_HOURS,
        },
    )
    if request.method == "POST" and request.POST.get("action") == "send" and user.email:
        if not ENROLMENT_MAILS.exceeded(request, key=f"user:{user.pk}"):
            send_mail(
                _("Koppel uw authenticator-app"),
                _(
                    "Open deze link om tweestapsverificatie in te stellen voor het Kennisportaal. De link werkt één "
                    "keer "
                    "en verloopt na %(hours)s uur:\n\n%(url)s\n\nVroeg u hier niet om? Dan kent iemand anders uw "
                    "wachtwoord: wijzig het en meld het de beheerder."
                )
                % {"hours": settings.TWO_FACTOR_ENROLMENT_HOURS, "url": enrolment_url(user)},
                None,
                [user.email],
            )
        context["sent_to"] = context["email"]
        context["mail_stays_here"] = mail_stays_on_this_machine()
    return render(request, "portal/two_factor/enrolment_needed.html", context)


@login_required
def setup(request):
    """Pair an authenticator app: scan the code (or type the key), confirm with a first code."""
    if not can_reach_admin(request.user):
        return redirect("/")
    if django_otp.user_has_device(request.user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    enrolled = user_for_enrolment_token(request.session.get(ENROLMENT_SESSION_KEY))
    if enrolled is None or enrolled.pk != request.user.pk:
        return _enrolment_needed(request)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            request.session.pop(ENROLMENT_SESSION_KEY, None)
            django_otp.login(request, device)
            codes = _new_backup_codes(request.user)
            return render(request, "portal/two_factor/backup_codes.html", {"codes": codes, "next": _next_url(request)})
        # django-otp doubles the wait after every wrong code, against guessing.
        form.add_error(
            "token",
            _(
                "Deze code klopt niet, of u probeerde het te snel opnieuw. Wacht even, kijk of de tijd op uw telefoon "
                "goed staat en probeer de volgende code."
            ),
        )
    key = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "portal/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "key": key,
            "next": _next_url(request),
        },
    )


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
        form.add_error(
            "token",
            _(
                "Deze code klopt niet of is al gebruikt, of u probeerde het te snel opnieuw. Wacht even en probeer het "
                "nog eens."
            ),
        )
    return render(request, "portal/two_factor/verify.html", {"form": form, "next": _next_url(request)})


def _new_backup_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes
