"""Search, resource search and overview at national scale, next to a bare view.

Usage: python bench/search.py [--clusters 1000] [--pages 50000] [--residents 100000]
                              [--requests 100]

Seeds a site of the given size once (kept: on PostgreSQL in the database
``klyngeportal_search`` beside the one in DATABASE_URL — `make bench-pg` — or, without
DATABASE_URL, in a SQLite file under bench/results/), then requests each page through
the full Django stack in this one process, interleaved, and reports the median and the
95th percentile per page, the ratio to a bare view measured in the same rounds, and the
number of queries (which must not grow with the size of the site).

Targets (issue 5, on PostgreSQL): site search p95 under 150 ms; resource search and
overview p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

SEARCH_P95_MS = 150
MUNICIPAL_P95_MS = 300


def _database(clusters: int, pages: int, residents: int) -> None:
    """Point DATABASE_URL at the search benchmark's own database (made if missing)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        parts = urlsplit(url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = 'klyngeportal_search'"
            ).fetchone()
            if not exists:
                connection.execute("CREATE DATABASE klyngeportal_search")
        os.environ["DATABASE_URL"] = urlunsplit(
            parts._replace(path="/klyngeportal_search")
        )
    else:
        db = RESULTS / f"search-{clusters}-{pages}-{residents}.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{db}"


def setup(clusters: int, pages: int, residents: int) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    _database(clusters, pages, residents)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("MEDIA_ROOT", str(RESULTS / "media"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from wagtail.models import Page

    from clusters.models import ClusterPage
    from volunteers.models import VolunteerProfile

    if (
        ClusterPage.objects.count() < clusters
        or Page.objects.count() < pages
        or VolunteerProfile.objects.count() < residents
    ):
        started = time.perf_counter()
        # Everything but news first, then news to make up the number of pages.
        others_per_cluster = 12  # meeting places, events, plans, index, survey, …
        news = max(0, pages - clusters * others_per_cluster)
        print(
            f"seeding {clusters} clusters, ~{pages} pages ({news} news), "
            f"{residents} residents on {connection.vendor} …",
            file=sys.stderr,
        )
        call_command(
            "seed_demo",
            clusters=clusters,
            news=news,
            tasks=clusters * 5,
            volunteers=residents,
            no_progress=True,
            verbosity=0,
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed-only", action="store_true")
    args = parser.parse_args()
    setup(args.clusters, args.pages, args.residents)
    from wagtail.models import Page

    print(f"pages: {Page.objects.count()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
