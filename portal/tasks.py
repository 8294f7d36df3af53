"""The portal's own periodic work: scheduled publishing and housekeeping of finished work (portal.background)."""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db.backend import DatabaseBackend

from .background import periodic

# Task results (sent mail included, addresses and all) and scheduler claims, kept to look back at what ran.
FINISHED_WORK_KEPT_DAYS = 7


@periodic(every=datetime.timedelta(minutes=1))
@task()
def publish_scheduled_pages():
    """Publish and unpublish what editors scheduled (Wagtail's go-live and expiry times)."""
    call_command("publish_scheduled", verbosity=0)


@periodic(every=datetime.timedelta(minutes=5))
@task()
def requeue_abandoned_tasks():
    """Run again what a worker started and never finished: it was killed (a deploy, the machine, memory)
    before it could record the result. So a mail is sent at least once; rarely twice, when the worker died
    after the mail server took it."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return 0
    from django_tasks_db.models import DBTaskResult

    abandoned_before = timezone.now() - datetime.timedelta(minutes=settings.TASK_ABANDONED_MINUTES)
    return DBTaskResult.objects.filter(status="RUNNING", started_at__lt=abandoned_before).update(
        status="READY", run_after=timezone.now()
    )


@periodic(every=datetime.timedelta(days=1))
@task()
def prune_finished_work():
    from .models import ScheduledRun

    ScheduledRun.objects.filter(slot__lt=timezone.now() - datetime.timedelta(days=FINISHED_WORK_KEPT_DAYS)).delete()
    if isinstance(task_backends["default"], DatabaseBackend):  # the immediate backend keeps no results
        call_command("prune_db_task_results", min_age_days=FINISHED_WORK_KEPT_DAYS, queue_name="*", verbosity=0)
