"""Celery tasks of the matching module: idempotent and safe to retry."""

from celery import shared_task

RETRY = {
    "acks_late": True,
    "autoretry_for": (Exception,),
    "max_retries": 3,
    "retry_backoff": 30,
}


@shared_task(name="matching.rematch_volunteer", **RETRY)
def rematch_volunteer(profile_id: int) -> int:
    """Store the best tasks for one resident (after a profile or consent change)."""
    from .services import store_matches_for_volunteer

    return store_matches_for_volunteer(profile_id)


@shared_task(name="matching.rematch_task", **RETRY)
def rematch_task(task_id: int) -> int:
    """Store the best residents for one task (after its action plan is published)."""
    from .services import store_matches_for_task

    return store_matches_for_task(task_id)


@shared_task(name="matching.publish_outbox", acks_late=True)
def publish_outbox() -> int:
    """The sweeper: publish what could not be published when it was written."""
    from .outbox import publish

    return publish()
