"""Enqueue the periodic jobs (portal.background.periodic) when their time comes; `manage.py db_worker` runs
them. Any number of hosts may run this at once: each job is enqueued once per slot.

python manage.py run_scheduler          # until stopped (SIGTERM or Ctrl-C)
python manage.py run_scheduler --once   # one look, then exit (cron)
"""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from portal.background import enqueue_due_jobs, periodic_jobs

INTERVAL_SECONDS = 10  # how often it looks; the shortest job period is a minute


class Command(BaseCommand):
    help = "Enqueue periodic background jobs when due (safe to run on several hosts at once)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="look once and exit")

    def handle(self, once, **options):
        self.running = True
        if not once:
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
            jobs = ", ".join(f"{job.name} every {job.every}" for job in periodic_jobs())
            self.stdout.write(f"Scheduling {jobs}")
        while self.running:
            close_old_connections()  # a database restart between looks must not stop the scheduler
            try:
                for name in enqueue_due_jobs():
                    self.stdout.write(f"enqueued {name}")
            except DatabaseError as error:  # the database away for a moment: look again at the next interval
                self.stderr.write(f"could not schedule: {error}")
            if once:
                return
            time.sleep(INTERVAL_SECONDS)

    def stop(self, signum, frame):
        self.running = False
