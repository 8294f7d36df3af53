"""The closing block of `make run`: where the portal is, and the three demo accounts with their passwords.

python manage.py demo_welcome --base-url http://127.0.0.1:8000
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.demo import demo_accounts_summary
from portal.two_factor import enrolment_token


class Command(BaseCommand):
    help = "Print the portal's addresses and the demo accounts (make run's closing block)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, base_url, **options):
        base = base_url.rstrip("/")
        lines = [
            "",
            "  Kennisportaal Sociale Stabiliteit is ready:",
            f"    Portaal / portal:   {base}/",
            f"    English:            {base}/en/",
            f"    Beheer / admin:     {base}/admin/",
            f"    Open data (API):    {base}/api/v1/",
            "",
            "  Demo accounts (fictional; each has one role):",
        ]
        rows = demo_accounts_summary()
        width = max((len(username) for username, _password, _purpose in rows), default=0)
        for username, password, purpose in rows:
            lines.append(f"    {username.ljust(width)}  {password}  - {purpose}")
        editor = get_user_model().objects.filter(username="redacteur", is_active=True).first()
        paired = editor is not None and TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
        if editor is not None and settings.TWO_FACTOR_REQUIRED and paired:
            lines += ["", "  The admin asks redacteur for a code from the authenticator app paired earlier."]
        elif editor is not None and settings.TWO_FACTOR_REQUIRED:
            lines += [
                "",
                "  The admin asks for a second factor: pair an authenticator app once with this one-time link",
                "  (or run: TWO_FACTOR_REQUIRED=false make run):",
                f"    {base}{reverse('two_factor_enrol', args=[enrolment_token(editor)])}",
            ]
        if options["verbosity"] < 2:
            lines += [
                "",
                "  What the set-up did: var/make-run.log (VERBOSE=1 make run shows it here, with every log line).",
            ]
        self.stdout.write("\n".join(lines) + "\n")
