from django.core.management.base import BaseCommand

from matching.digests import digests, render, send


class Command(BaseCommand):
    help = (
        "Send the weekly e-mail of new fitting tasks to residents who consented and "
        "want it (Celery beat runs it weekly). --dry-run shows what would go out."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show, send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        pending = digests()
        for digest in pending:
            titles = ", ".join(task.title for task, _match in digest.items)
            self.stdout.write(
                f"{digest.profile.user.email} ({digest.profile.language}): "
                f"{digest.subject} — {titles}"
            )
            if dry_run:
                _subject, text, _html, _headers = render(digest)
                self.stdout.write(text)
            else:
                send(digest)
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(f"{verb} {len(pending)} digest(s).")
