from celery import shared_task


@shared_task(name="core.ping", acks_late=True, ignore_result=False)
def ping() -> str:
    """Answer "pong": proves that a worker consumes from the broker."""
    return "pong"
