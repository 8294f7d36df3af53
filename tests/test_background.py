"""Background work on the database backend, as in production: a request only queues its mail; the worker
(`manage.py db_worker`, the real command) sends it, tries again while the mail server is away, and sends it
once. Periodic jobs are enqueued once per slot however many schedulers run."""

import datetime
import logging
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.documents.models import Document

from portal import background, tasks
from portal.models import ScheduledRun
from search import alerts
from search.models import ExtractedDocumentText

from .factories import ModulePageFactory
from .test_search_alerts import confirmed, module, subscribe
from .test_search_contract import minimal_pdf, search, titles
from .test_submission import URL, form_data, index, moderator  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the site of the migrations
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """A real SMTP server (aiosmtpd) that can be stopped and started again on the same port."""

    def __init__(self, port):
        self.port, self.messages, self.controller = port, [], None
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's handler protocol
        with self.lock:
            self.messages.append((tuple(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace")))
        return "250 OK"

    def start(self):
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def inbox(settings):
    inbox = Inbox(free_port())
    settings.EMAIL_BACKEND = "portal.background.TaskEmailBackend"  # as in production
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", inbox.port, 5
    settings.TASKS = DATABASE_BACKEND
    settings.TASK_RETRY_DELAYS = [60, 300]
    yield inbox
    inbox.stop()


def mails(status):
    """The mail tasks (Wagtail queues its own tasks in the same table) with this status."""
    return DBTaskResult.objects.filter(task_path="portal.background.send_email", status=status)


def run_worker():
    """The real worker command, until nothing is ready (what `db_worker` does in production, in one go)."""
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def fast_forward():
    """Make the retries that wait for their delay ready now (the clock, not the behaviour, is what changes)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - datetime.timedelta(seconds=1))


def test_a_submission_while_the_mail_server_is_down_is_mailed_once_when_it_is_back(client, index, moderator, inbox):  # noqa: F811
    response = client.post(URL, form_data())
    assert response.status_code == 302 and response["Location"].endswith("/insturen/bedankt/")
    # Stored and answered without the mail server: the request only queued the mails (the portal's notice and
    # confirmation, and Wagtail's own moderation notice, which goes through the same queue).
    assert mails("READY").count() == 3 and inbox.messages == []

    run_worker()  # the server is down: every attempt fails and is queued again, a minute later
    assert mails("FAILED").count() == 3
    waiting = mails("READY")
    assert waiting.count() == 3 and all(task.run_after > timezone.now() for task in waiting)
    run_worker()
    assert inbox.messages == []  # not before their time

    inbox.start()
    fast_forward()
    run_worker()
    run_worker()
    fast_forward()
    run_worker()  # nothing is left to send again
    recipients = sorted(rcpt for rcpts, _content in inbox.messages for rcpt in rcpts)
    assert recipients == ["eindredactie@example.org", "eindredactie@example.org", "kim@example.org"], recipients
    subjects = [line for _rcpts, content in inbox.messages for line in content.splitlines() if line.startswith("Subj")]
    assert len(subjects) == len(set(subjects)) == 3, subjects  # three different mails, each once
    assert mails("SUCCESSFUL").count() == 3
    assert not mails("READY").exists()


def test_a_digest_due_while_the_mail_server_is_down_arrives_once(client, curriculum, publish, inbox, settings):
    # Subscribed and confirmed through the test outbox, then the digest goes through the real mail server.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    confirmed(client, subscribe(client))
    module(curriculum, publish, "Polarisatie herkennen")
    settings.TASKS = DATABASE_BACKEND
    settings.EMAIL_BACKEND = "portal.background.TaskEmailBackend"
    later = timezone.now() + datetime.timedelta(seconds=1)
    assert alerts.send_digests(now=later)[0] == 1
    run_worker()  # refused: tried again later
    assert alerts.send_digests(now=later + datetime.timedelta(seconds=1))[0] == 0  # the digest is not queued twice
    inbox.start()
    fast_forward()
    run_worker()
    assert [rcpts for rcpts, _content in inbox.messages] == [("beleid@example.org",)]
    assert "Polarisatie herkennen" in inbox.messages[0][1] and "List-Unsubscribe-Post" in inbox.messages[0][1]


def test_text_inside_an_uploaded_pdf_is_read_by_the_worker_not_the_request(curriculum, publish, settings):
    settings.TASKS = DATABASE_BACKEND
    document = Document.objects.create(
        title="Handleiding", file=ContentFile(minimal_pdf("Buurtbemiddeling werkt"), "handleiding.pdf")
    )
    page = ModulePageFactory(parent=curriculum, title="Module met bijlagen", live=False)
    page.materials.create(document=document, title="Handleiding")
    publish(page)
    assert not ExtractedDocumentText.objects.exists()  # neither the upload nor the publication read it
    assert search("buurtbemiddeling").total == 0
    run_worker()
    assert ExtractedDocumentText.objects.get(document=document).text == "Buurtbemiddeling werkt"
    assert titles(search("buurtbemiddeling")) == ["Module met bijlagen"]  # its page was indexed again


class Recorded(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def test_a_task_gives_up_after_the_last_retry_and_says_so(inbox):
    recorded = Recorded()
    logging.getLogger("portal.background").addHandler(recorded)
    send_mail("Onderwerp", "Tekst", None, ["iemand@example.org"])
    for _attempt in range(3):  # the first attempt and the two retries of TASK_RETRY_DELAYS
        run_worker()
        fast_forward()
    assert mails("FAILED").count() == 3
    assert not mails("READY").exists()
    logging.getLogger("portal.background").removeHandler(recorded)
    assert recorded.lines[-1].startswith("Task send_email failed for good after 3 attempt(s)")


def test_a_mail_whose_worker_was_killed_mid_task_is_sent_by_the_next(inbox, settings):
    inbox.start()
    send_mail("Onderwerp", "Tekst", None, ["iemand@example.org"])
    # What a worker killed between claiming the task and recording its result leaves behind.
    started = timezone.now() - datetime.timedelta(minutes=settings.TASK_ABANDONED_MINUTES - 1)
    mails("READY").update(status="RUNNING", started_at=started, worker_ids=["killed"])
    run_worker()
    assert inbox.messages == [] and tasks.requeue_abandoned_tasks.call() == 0  # it may still be running
    mails("RUNNING").update(started_at=started - datetime.timedelta(minutes=2))
    assert tasks.requeue_abandoned_tasks.call() == 1
    run_worker()
    assert [rcpts for rcpts, _content in inbox.messages] == [("iemand@example.org",)]
    assert mails("SUCCESSFUL").get().worker_ids[0] == "killed"


def test_two_schedulers_enqueue_each_job_once_per_slot(settings):
    settings.TASKS = DATABASE_BACKEND
    moment = datetime.datetime(2026, 12, 7, 10, 0, 5, tzinfo=datetime.UTC)
    results = []

    def scheduler():
        results.append(background.enqueue_due_jobs(moment))
        connection.close()

    if connection.vendor == "postgresql":  # two at the very same moment; SQLite would only lock one out
        threads = [threading.Thread(target=scheduler) for _host in "ab"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        results = [background.enqueue_due_jobs(moment), background.enqueue_due_jobs(moment)]
    jobs = {job.name for job in background.periodic_jobs()}
    assert {"search.tasks.process_search_queue", "portal.tasks.publish_scheduled_pages"} <= jobs
    assert sorted(name for names in results for name in names) == sorted(jobs)  # each job once, by one of them
    assert DBTaskResult.objects.count() == len(jobs) == ScheduledRun.objects.count()
    # Within the same minute nothing is due again; the next minute the minute jobs are.
    assert background.enqueue_due_jobs(moment + datetime.timedelta(seconds=30)) == []
    next_minute = background.enqueue_due_jobs(moment + datetime.timedelta(minutes=1))
    assert "search.tasks.process_search_queue" in next_minute and "portal.tasks.prune_finished_work" not in next_minute
