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
    """Store the best tasks for one resident (after a profile or consent change),
    and put their phrases that nothing reads before the administrators (both
    idempotent: run twice, the same matches and the same proposals)."""
    from .learning import learn_from_profile
    from .services import store_matches_for_volunteer

    stored = store_matches_for_volunteer(profile_id)
    learn_from_profile(profile_id)
    return stored


@shared_task(name="matching.rematch_task", **RETRY)
def rematch_task(task_id: int) -> int:
    """Store the best residents for one task (after its action plan is published)."""
    from .services import store_matches_for_task

    return store_matches_for_task(task_id)


@shared_task(name="matching.reread_phrases", **RETRY)
def reread_phrases() -> int:
    """After a taxonomy change: re-read every stored phrase, then rematch.

    Residents' skills follow their readings ("Genkendt som"), tasks read theirs
    through the same rows, and the nightly group rematches everything at once.
    """
    from skills.readings import refresh
    from volunteers.services import skills_reread

    count = refresh()
    skills_reread()
    rematch_all.delay()
    return count


@shared_task(name="matching.publish_outbox", acks_late=True)
def publish_outbox() -> int:
    """The sweeper: publish what could not be published when it was written."""
    from .outbox import publish

    return publish()


@shared_task(name="matching.rematch_municipality", **RETRY)
def rematch_municipality(municipality: str) -> int:
    """Rematch all open tasks of one municipality (a part of the nightly run)."""
    from .services import store_matches_for_municipality

    return store_matches_for_municipality(municipality)


@shared_task(name="matching.rematch_all", acks_late=True)
def rematch_all() -> int:
    """Nightly: fan out one rematch per municipality as a Celery group."""
    from celery import group

    from .services import municipalities_with_open_tasks

    municipalities = municipalities_with_open_tasks()
    if municipalities:
        group(rematch_municipality.s(code) for code in municipalities).apply_async()
    return len(municipalities)


@shared_task(name="matching.send_digests", acks_late=True)
def send_digests() -> int:
    """Weekly: the e-mail of new fitting tasks (never the same task twice)."""
    from .digests import send_all

    return send_all()
