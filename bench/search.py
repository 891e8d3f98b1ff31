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
import gc
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
    from matching.models import Match
    from volunteers.models import VolunteerProfile

    if (
        not Match.objects.exists()
        or ClusterPage.objects.count() < clusters
        or Page.objects.count() < pages
        or VolunteerProfile.objects.reachable().count() < residents
    ):
        started = time.perf_counter()
        # Everything but news first, then news to make up the number of pages.
        others_per_cluster = 6  # news index, meeting places, event, plan, …
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


def staff_user():
    """A staff member of the municipality with the most clusters (the heaviest case)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count

    from clusters.models import ClusterPage
    from clusters.municipalities import staff_group_name

    busiest = (
        ClusterPage.objects.live()
        .values("municipality")
        .annotate(n=Count("pk"))
        .order_by("-n", "municipality")
        .first()
    )
    municipality = busiest["municipality"]
    user, _created = get_user_model().objects.get_or_create(
        email=f"bench-{municipality}@kommune.dk",
        defaults={"first_name": "Bench", "last_name": "Kommune"},
    )
    user.groups.add(Group.objects.get_or_create(name=staff_group_name(municipality))[0])
    return user, municipality, busiest["n"]


def pick_urls(municipality: str) -> dict[str, tuple[str, str]]:
    """name -> (kind, URL); kind "search" or "municipal" decides the target."""
    from django.urls import reverse

    from clusters.models import Facility

    kitchen = Facility.objects.get(slug="koekken")
    return {
        "bare Django view": ("bare", "/bench/bare/"),
        "search: forsamlingshus": ("search", "/soeg/?q=forsamlingshus"),
        "search: plantekasserne (stemmed)": ("search", "/soeg/?q=plantekasserne"),
        "search: two words, page 3": (
            "search",
            "/soeg/?q=f%C3%A6llesspisning+forsamlingshus&side=3",
        ),
        "search: typo, Mente du": ("search", "/soeg/?q=forsamlinghus"),
        "search: by municipality and type": (
            "search",
            f"/soeg/?q=forsamlingshus&kommune={municipality}&type=moedested",
        ),
        "municipal: clusters": ("municipal", reverse("municipal:index")),
        "municipal: meeting places (kitchen, 80+)": (
            "municipal",
            reverse("municipal:places")
            + f"?type=forsamlingshus&kapacitet=80&facilitet={kitchen.slug}",
        ),
        "municipal: skills on offer": ("municipal", reverse("municipal:skills")),
        "municipal: skill gaps": ("municipal", reverse("municipal:gaps")),
        "municipal: activities": ("municipal", reverse("municipal:events")),
        "municipal: overview": ("municipal", reverse("municipal:overview")),
    }


def measure(urls, user, rounds: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    results = {}
    for name, (kind, url) in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[name] = {
            "kind": kind,
            "url": url,
            "queries": len(queries.captured_queries),
            "times": [],
        }
    # As cms/wsgi.py does in production: what was loaded so far is set aside from the
    # garbage collector's full collections (which would otherwise walk it all).
    gc.collect()
    gc.freeze()
    for _ in range(rounds):  # interleaved, so that drift hits every page alike
        for name, (_kind, url) in urls.items():
            started = time.perf_counter()
            client.get(url)
            results[name]["times"].append((time.perf_counter() - started) * 1000)
    for result in results.values():
        times = sorted(result["times"])
        result["median"] = statistics.median(times)
        result["p95"] = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return results


def report(results, *, size: str, municipality: str, clusters_there: int) -> str:
    from django.db import connection

    bare = results["bare Django view"]["median"]
    lines = [
        f"Site: {size}; {connection.vendor}; staff of {municipality} "
        f"({clusters_there} clusters); {len(results['bare Django view']['times'])} "
        "requests per page, interleaved, in-process through the full middleware stack.",
        "",
        "| page | queries | median (ms) | p95 (ms) | × bare view (median) | target p95 "
        "| meets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, r in results.items():
        target = {"search": SEARCH_P95_MS, "municipal": MUNICIPAL_P95_MS}.get(r["kind"])
        ok = "" if target is None else ("yes" if r["p95"] < target else "NO")
        lines.append(
            f"| {name} | {r['queries']} | {r['median']:.1f} | {r['p95']:.1f} | "
            f"{r['median'] / bare:.1f} | {target or ''} | {ok} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--seed-only", action="store_true")
    args = parser.parse_args()
    setup(args.clusters, args.pages, args.residents)
    if args.seed_only:
        return 0
    from django.db import connection

    from wagtail.models import Page

    from clusters.models import ClusterPage
    from volunteers.models import VolunteerProfile

    user, municipality, clusters_there = staff_user()
    size = (
        f"{ClusterPage.objects.count():,} clusters, {Page.objects.count():,} pages, "
        f"{VolunteerProfile.objects.count():,} residents"
    )
    results = measure(pick_urls(municipality), user, args.requests)
    table = report(
        results, size=size, municipality=municipality, clusters_there=clusters_there
    )
    print(table)
    (RESULTS / f"search-{connection.vendor}.md").write_text(table + "\n", "utf-8")
    failed = [
        name
        for name, r in results.items()
        if (r["kind"] == "search" and r["p95"] >= SEARCH_P95_MS)
        or (r["kind"] == "municipal" and r["p95"] >= MUNICIPAL_P95_MS)
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
