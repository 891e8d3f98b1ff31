from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from volunteers.retention import purge_inactive, purge_login_records


class Command(BaseCommand):
    help = (
        "Warn residents whose accounts have been inactive for a long time, and delete "
        "the accounts of those warned earlier who still did not come back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.VOLUNTEER_INACTIVE_MONTHS,
            help="Inactivity before the warning (default %(default)s).",
        )
        parser.add_argument(
            "--warning-days",
            type=int,
            default=settings.VOLUNTEER_PURGE_WARNING_DAYS,
            help="Days between the warning and the deletion (default %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen."
        )

    def handle(self, *args, months, warning_days, dry_run, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        if warning_days < 1:
            raise CommandError("--warning-days must be at least 1.")
        result = purge_inactive(
            months=months, warning_days=warning_days, dry_run=dry_run
        )
        verb = "Would" if dry_run else "Did"
        self.stdout.write(f"{verb} warn {len(result.warned)} account(s).")
        self.stdout.write(f"{verb} delete {len(result.deleted)} account(s).")
        if not dry_run:
            records = purge_login_records()
            self.stdout.write(f"Deleted {records} log-in record(s) over 30 days old.")
