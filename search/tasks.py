"""Search's periodic work (portal.background): alert digests and the index queue. Text from attached PDFs is
read by search.indexing.extract_document_text."""

import datetime

from django.core.management import call_command
from django_tasks import task

from portal.background import periodic


@periodic(every=datetime.timedelta(minutes=5))
@task()
def send_search_alerts():
    """Queue the digests that are due (each one a mail task of its own, retried on its own)."""
    call_command("send_search_alerts", verbosity=0)


@periodic(every=datetime.timedelta(minutes=1))
@task()
def process_search_queue():
    """Apply what was queued while Elasticsearch was away; while it still is, the next minute's run tries
    again (so this task has no retries of its own)."""
    call_command("process_search_queue", verbosity=0)
