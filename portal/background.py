"""Background work on django-tasks: tasks that retry after a passing fault, mail sent by a task, and periodic
jobs that one scheduler enqueues once per slot however many hosts run it.

In production the tasks wait in the database (django-tasks-db) for `manage.py db_worker`; a request that mails
only writes a row, in its own transaction, so the mail is queued exactly when what it reports was saved
(EMAIL_BACKEND is TaskEmailBackend; EMAIL_DELIVERY_BACKEND is what the worker sends with).
Each app declares its own tasks in its `tasks` module; `periodic` lists the ones the scheduler runs.
"""

import base64
import datetime
import functools
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks import task

logger = logging.getLogger(__name__)

# Faults that pass: the mail server is away or refuses for now, a connection broke. A task meeting one is tried
# again later (settings.TASK_RETRY_DELAYS); anything else is a bug and fails at once, in the log.
PASSING_FAULTS = (smtplib.SMTPException, OSError)
ATTEMPT = "attempt"  # the keyword argument that carries the attempt number into a retried task


def retried_task(*, retry_on=PASSING_FAULTS, **task_options):
    """A django-tasks task that, when it raises one of `retry_on`, enqueues itself again after the next of
    settings.TASK_RETRY_DELAYS, then fails this attempt (so its result records the error). On a backend that
    cannot defer (immediate: development, tests) the fault is logged and not retried."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return function(*args, **kwargs)
            except retry_on as fault:
                delays = settings.TASK_RETRY_DELAYS
                if attempt > len(delays) or not declared.get_backend().supports_defer:
                    logger.error("Task %s failed for good after %d attempt(s): %s", declared.name, attempt, fault)
                    raise
                later = timezone.now() + datetime.timedelta(seconds=delays[attempt - 1])
                declared.using(run_after=later).enqueue(*args, **kwargs, **{ATTEMPT: attempt + 1})
                logger.warning("Task %s attempt %d failed (%s); again at %s", declared.name, attempt, fault, later)
                raise

        declared = task(**task_options)(run)
        return declared

    return decorate


class TaskEmailBackend(BaseEmailBackend):
    """Django's mail API (send_mail, EmailMessage.send, Wagtail's moderation notices, password resets) queues
    each message as a task; the worker hands it to settings.EMAIL_DELIVERY_BACKEND (SMTP), retrying while
    the server is away. No request waits for the mail server, and a message is queued exactly when the
    transaction that asked for it commits."""

    def send_messages(self, email_messages):
        for message in email_messages:
            send_email.enqueue(as_task_argument(message))
        return len(email_messages)


def delivery_backend():
    """The backend that really sends (or shows) the mail: the worker's, when mail goes through tasks."""
    if settings.EMAIL_BACKEND == f"{__name__}.{TaskEmailBackend.__name__}":
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


def as_task_argument(message):
    """The message as JSON (a task's arguments): text, alternatives (HTML) and attachments as base64."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {name: str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def _attachment(item):
    if not isinstance(item, tuple):
        raise ValueError("only attachments given as (filename, content, mimetype) can be queued")
    filename, content, mimetype = item
    data = content.encode() if isinstance(content, str) else content
    return [filename, base64.b64encode(data).decode("ascii"), mimetype]


@retried_task()
def send_email(message):
    """Hand one queued message to the mail server. All its addresses are in one exchange with the server, so
    a retry never repeats it for some of them."""
    email = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        message["from_email"],
        message["to"],
        bcc=message["bcc"],
        cc=message["cc"],
        reply_to=message["reply_to"],
        headers=message["headers"],
        alternatives=[tuple(alternative) for alternative in message["alternatives"]],
        connection=get_connection(settings.EMAIL_DELIVERY_BACKEND),
    )
    for filename, data, mimetype in message["attachments"]:
        email.attach(filename, base64.b64decode(data), mimetype)
    email.send()


# Periodic jobs: each app registers its own with @periodic in its tasks module.


@dataclass(frozen=True)
class PeriodicJob:
    task: object
    every: datetime.timedelta

    @property
    def name(self):
        return self.task.module_path

    def slot(self, now):
        """The start of the period `now` falls in; one run per job and slot."""
        seconds = int(self.every.total_seconds())
        return datetime.datetime.fromtimestamp(int(now.timestamp()) // seconds * seconds, tz=datetime.UTC)


PERIODIC_JOBS = {}


def periodic(every):
    """Register a task (without arguments) for the scheduler to enqueue once every `every`."""

    def register(declared):
        job = PeriodicJob(declared, every)
        PERIODIC_JOBS[job.name] = job
        return declared

    return register


def periodic_jobs():
    autodiscover_modules("tasks")
    return sorted(PERIODIC_JOBS.values(), key=lambda job: job.name)


def enqueue_due_jobs(now=None):
    """Enqueue each periodic job whose current slot has no run yet; the names of those enqueued. Two schedulers
    (two hosts) may call this at the same moment: the unique (job, slot) row lets only one of them enqueue."""
    from .models import ScheduledRun

    now = now or timezone.now()
    enqueued = []
    for job in periodic_jobs():
        try:
            with transaction.atomic():
                # The claim and the task's row commit together: a crash between them loses neither alone.
                ScheduledRun.objects.create(job=job.name, slot=job.slot(now))
                job.task.enqueue()
        except IntegrityError:
            continue  # another scheduler has this slot
        enqueued.append(job.name)
    return enqueued
