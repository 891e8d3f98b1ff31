"""Render each page type of a seeded site and compare with a bare Django view.

Usage: python bench/pages.py [--clusters 200] [--news 20000] [--requests 60]

Seeds a SQLite database under bench/results/ (reused while the sizes match; set
DATABASE_URL to measure PostgreSQL instead), then requests every page type through the
full Django stack in this one process, in rounds, and reports the median time per
request, the ratio to a bare view measured in the same rounds, and the query count.
No page cache; Wagtail's own caches stay as they are in production.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

QUERY_TARGET = 20
RATIO_TARGET = 80


def setup(clusters: int, news: int) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"pages-{clusters}-{news}.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{db}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("MEDIA_ROOT", str(RESULTS / "media"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from clusters.models import ClusterPage, NewsPage

    if ClusterPage.objects.count() < clusters or NewsPage.objects.count() < news:
        started = time.perf_counter()
        print(f"seeding {clusters} clusters and {news} news …", file=sys.stderr)
        call_command(
            "seed_demo", clusters=clusters, news=news, tasks=clusters * 5, verbosity=0
        )
        print(f"seeded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def pick_urls() -> tuple[dict[str, str], int]:
    """Choose one page of each type, from the cluster with the most news."""
    from clusters.models import (
        ActionPlanPage,
        ClusterPage,
        EventPage,
        MeetingPlacePage,
        NewsIndexPage,
        NewsPage,
        SurveyPage,
    )
    from home.models import HomePage

    index = NewsIndexPage.objects.live().order_by("-numchild").first()
    cluster = ClusterPage.objects.get(path=index.path[:12])
    within = {"path__startswith": cluster.path}
    return {
        "bare Django view": "/bench/bare/",
        "HomePage": HomePage.objects.get(depth=2).url,
        "ClusterPage": cluster.url,
        "NewsIndexPage": index.url,
        "NewsPage": NewsPage.objects.live().filter(**within).first().url,
        "MeetingPlacePage": MeetingPlacePage.objects.live()
        .filter(**within)
        .first()
        .url,
        "EventPage": EventPage.objects.live().filter(**within).first().url,
        "ActionPlanPage": ActionPlanPage.objects.live().filter(**within).first().url,
        "SurveyPage": SurveyPage.objects.live().filter(**within).first().url,
    }, index.numchild


def _cold() -> None:
    """Empty the caches (fragments, renditions) but Wagtail's site root paths.

    That is the state after an editor publishes: every fragment is stale, while the
    site root paths are cached again by the first request after a restart.
    """
    from django.core.cache import cache

    from wagtail.models import Site

    cache.clear()
    Site.get_site_root_paths()


def measure(urls: dict[str, str], rounds: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    results: dict[str, dict] = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        _cold()
        with CaptureQueriesContext(connection) as cold:
            client.get(url)
        with CaptureQueriesContext(connection) as warm:
            client.get(url)
        results[name] = {
            "url": url,
            "queries": len(warm.captured_queries),
            "cold_queries": len(cold.captured_queries),
            "times": [],
            "cold_times": [],
        }
    # Interleave the page types so that drift hits them all alike.
    for _ in range(rounds):
        for name, url in urls.items():
            client.get(url)  # the cold requests below empty the caches for all
            started = time.perf_counter()
            client.get(url)
            results[name]["times"].append(time.perf_counter() - started)
        for name, url in urls.items():
            _cold()
            started = time.perf_counter()
            client.get(url)
            results[name]["cold_times"].append(time.perf_counter() - started)
    for result in results.values():
        result["median_ms"] = statistics.median(result["times"]) * 1000
        result["cold_median_ms"] = statistics.median(result["cold_times"]) * 1000
    return results


def report(results: dict[str, dict], clusters: int, news: int, children: int) -> str:
    from django.db import connection

    bare = results["bare Django view"]["median_ms"]
    lines = [
        f"Site: {clusters} clusters, {news} news "
        f"({children} in the largest news index), "
        f"{connection.vendor}; median of {len(results['bare Django view']['times'])} "
        "requests each, in-process through the full middleware stack, no page cache.",
        "",
        "| page type | queries | median (ms) | × bare view | meets target "
        "| queries, caches cold | median, caches cold (ms) | × bare view, cold |",
        "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for name, result in results.items():
        ratio = result["median_ms"] / bare
        ok = name == "bare Django view" or (
            result["queries"] <= QUERY_TARGET and ratio <= RATIO_TARGET
        )
        lines.append(
            f"| {name} | {result['queries']} | {result['median_ms']:.2f} | "
            f"{ratio:.1f} | {'yes' if ok else 'NO'} | {result['cold_queries']} | "
            f"{result['cold_median_ms']:.2f} | {result['cold_median_ms'] / bare:.1f} |"
        )
    lines.append("")
    lines.append(
        f"Targets: at most {QUERY_TARGET} queries and within {RATIO_TARGET}× "
        'the bare view. "Caches cold": the fragment and rendition caches emptied '
        "before each request, as right after an editor publishes."
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--news", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    setup(args.clusters, args.news)
    from django.db import connection

    urls, children = pick_urls()
    results = measure(urls, args.requests)
    table = report(results, args.clusters, args.news, children)
    print(table)
    (RESULTS / f"pages-{connection.vendor}.md").write_text(
        table + "\n", encoding="utf-8"
    )
    failed = [
        name
        for name, r in results.items()
        if name != "bare Django view"
        and (
            r["queries"] > QUERY_TARGET
            or r["median_ms"] / results["bare Django view"]["median_ms"] > RATIO_TARGET
        )
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
