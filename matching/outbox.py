"""A transactional outbox: Celery work that survives a broker outage.

``enqueue()`` writes a row in the caller's transaction and asks for it to be published
after the commit. Publishing never lets a broker error reach the user: a failure is
recorded on the row and the sweeper (``publish_pending`` every minute, from Celery beat
or ``manage.py publish_outbox``) tries again. Celery's socket timeouts (settings:
CELERY_BROKER_TRANSPORT_OPTIONS) bound how long a hung Redis can hold a request.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

log = logging.getLogger(__name__)
BATCH = 200
# A message that failed this often is left for a person to look at (in the admin's
# database or logs) rather than retried every minute for ever.
MAX_ATTEMPTS = 20
PUBLISH_TIMEOUT = 1.0  # seconds, per socket operation


def enqueue(task_name: str, *args) -> OutboxMessage:
    """Record work for `task_name` now; publish it once the transaction commits."""
    message = OutboxMessage.objects.create(task_name=task_name, args=list(args))
    transaction.on_commit(lambda: publish([message.pk]), robust=True)
    return message


def _send(message: OutboxMessage) -> None:
    from cms.celery import app

    if settings.CELERY_TASK_ALWAYS_EAGER:
        # The embedded default: run it here and now (tasks modules are imported by
        # a worker at start; here, on first use).
        if message.task_name not in app.tasks:
            app.loader.import_default_modules()
        app.tasks[message.task_name].apply(args=message.args, throw=True)
    else:
        # Our own short-fused connection: a hung broker costs at most about a second
        # of socket timeout here, whatever the worker's settings.
        options = {
            **app.conf.broker_transport_options,
            "socket_timeout": PUBLISH_TIMEOUT,
            "socket_connect_timeout": PUBLISH_TIMEOUT,
            "max_retries": 0,
        }
        with app.connection_for_write(transport_options=options) as connection:
            app.send_task(
                message.task_name,
                args=message.args,
                retry=False,
                connection=connection,
            )


def publish(ids: list[int] | None = None, *, limit: int = BATCH) -> int:
    """Publish pending messages (these ids, or the oldest); return how many went.

    Stops at the first broker error: the rest waits for the sweeper.
    """
    pending = OutboxMessage.objects.filter(
        published_at__isnull=True, attempts__lt=MAX_ATTEMPTS
    ).order_by("pk")
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    sent = 0
    for message in pending[:limit]:
        try:
            _send(message)
        except Exception as error:
            OutboxMessage.objects.filter(pk=message.pk).update(
                attempts=message.attempts + 1, last_error=repr(error)[:2000]
            )
            log.warning("outbox: %s not published yet: %r", message, error)
            return sent
        OutboxMessage.objects.filter(pk=message.pk).update(
            published_at=timezone.now(), attempts=message.attempts + 1
        )
        sent += 1
    return sent
