"""seed_demo's matching step: the nightly rematch, run once after the residents exist.

Without it a fresh demo would have no stored matches, and the municipal pages that read
them (skill gaps) would call every open task unfilled until the first night.
"""

from __future__ import annotations

from .services import municipalities_with_open_tasks, store_matches_for_municipality


class MatchingDemo:
    def add_arguments(self, parser):
        parser.add_argument(
            "--no-matching",
            action="store_true",
            help="Skip the first rematch of all open tasks (the nightly job does it).",
        )

    def validate(self, options):
        pass

    def run(self, *, options, progress, admin):
        from .models import Match

        # Once: later runs leave the stored matches to the nightly rematch (and to the
        # rematch that every profile and plan change triggers).
        if options.get("no_matching") or Match.objects.exists():
            return {}, []
        stored = sum(
            store_matches_for_municipality(municipality)
            for municipality in municipalities_with_open_tasks()
        )
        return {"Match": stored}, []
