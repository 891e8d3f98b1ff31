from celery import shared_task


@shared_task(
    acks_late=True, autoretry_for=(Exception,), max_retries=3, retry_backoff=60
)
def purge_inactive_accounts() -> dict:
    """Daily: warn long-inactive residents, delete those warned before (idempotent)."""
    from .retention import purge_inactive, purge_login_records

    result = purge_inactive()
    return {
        "warned": len(result.warned),
        "deleted": len(result.deleted),
        "login_records_deleted": purge_login_records(),
    }
