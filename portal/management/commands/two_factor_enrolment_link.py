"""Print (or mail) a one-time link with which an account pairs its authenticator app.

python manage.py two_factor_enrolment_link redacteur          # print it, to hand it over yourself
python manage.py two_factor_enrolment_link redacteur --mail   # send it to the account's e-mail address
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError

from portal.two_factor import enrolment_url


class Command(BaseCommand):
    help = "Print or mail a one-time link to pair an authenticator app (two-factor enrolment)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--mail", action="store_true", help="send it to the account's e-mail address")

    def handle(self, username, mail, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active account '{username}'.")
        url = enrolment_url(user)
        if mail:
            if not user.email:
                raise CommandError(f"'{username}' has no e-mail address; hand the link over yourself.")
            send_mail(
                "Koppel uw authenticator-app",
                f"Open deze link om tweestapsverificatie in te stellen:\n\n{url}\n",
                None,
                [user.email],
            )
            self.stdout.write(f"Sent to {user.email}; valid for {settings.TWO_FACTOR_ENROLMENT_HOURS} hours, once.")
        else:
            self.stdout.write(url)
