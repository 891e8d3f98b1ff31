"""Matching quality on a hand-labelled Danish set: the engine against plain WRatio.

Usage: python bench/matching_quality.py [--data bench/matching_quality_data.json]

The set (``bench/matching_quality_data.json``) holds tasks, residents and, per task,
graded labels (2: clearly fits, 1: partly, unlisted: 0) and look-alikes (residents
whose phrases only look like the task's skill). Reports, for the engine and for a
baseline of ``rapidfuzz.fuzz.WRatio`` (a resident's score for a task = the mean over
the task's phrases of the best WRatio over the resident's phrases; all residents
ranked by it):
- nDCG@10 (gains 2/1/0, log2 discount, ideal from the labels), mean over tasks;
- precision@5 (grade ≥ 1 counts as relevant), mean over tasks;
- tasks with a look-alike in the top 5;
- per-task nDCG@10 for the engine, with its worst tasks and what they ranked.
Targets: engine nDCG@10 ≥ 0.9 and no look-alike in any top 5.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from matching.engine import MatchEngine, Task, Volunteer  # noqa: E402

DATA = ROOT / "bench" / "matching_quality_data.json"
K = 10
P_AT = 5
TARGET_NDCG = 0.9
WORST = 5


def dcg(gains: list[int]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def ndcg(ranking: list[str], relevant: dict[str, int], k: int = K) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True)[:k])
    if ideal == 0:
        return 1.0
    return dcg([relevant.get(r, 0) for r in ranking[:k]]) / ideal


def precision(ranking: list[str], relevant: dict[str, int], k: int = P_AT) -> float:
    return sum(1 for r in ranking[:k] if relevant.get(r, 0) >= 1) / k


def look_alike_in_top(ranking: list[str], look_alikes: list[str], k: int = P_AT):
    return [r for r in ranking[:k] if r in set(look_alikes)]


def engine_rankings(tasks, residents) -> tuple[dict[str, list[str]], dict]:
    engine = MatchEngine()
    ranked = engine.rank(
        [Task(id=t["id"], skills=t["skills"]) for t in tasks],
        [Volunteer(id=r["id"], skills=r["skills"]) for r in residents],
        top_k=K,
    )
    rankings = {tid: [m.volunteer_id for m in ms] for tid, ms in ranked.items()}
    return rankings, ranked


def wratio_rankings(tasks, residents) -> dict[str, list[str]]:
    rankings = {}
    for task in tasks:
        scored = []
        for position, resident in enumerate(residents):
            score = statistics.fmean(
                max(fuzz.WRatio(need, offer) for offer in resident["skills"])
                for need in task["skills"]
            )
            scored.append((-score, position, resident["id"]))
        rankings[task["id"]] = [rid for _s, _p, rid in sorted(scored)]
    return rankings


def evaluate(tasks, rankings) -> dict:
    per_task = {}
    for task in tasks:
        ranking = rankings.get(task["id"], [])
        per_task[task["id"]] = {
            "ndcg": ndcg(ranking, task["relevant"]),
            "p5": precision(ranking, task["relevant"]),
            "look_alikes": look_alike_in_top(ranking, task["look_alikes"]),
        }
    return {
        "ndcg": statistics.fmean(v["ndcg"] for v in per_task.values()),
        "p5": statistics.fmean(v["p5"] for v in per_task.values()),
        "look_alike_tasks": sum(1 for v in per_task.values() if v["look_alikes"]),
        "per_task": per_task,
    }


def describe(rid: str, task: dict, phrases: dict[str, list[str]]) -> str:
    grade = task["relevant"].get(rid, 0)
    mark = "look-alike" if rid in task["look_alikes"] else f"grade {grade}"
    return f"{rid} ({mark}): {', '.join(phrases[rid])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    data = json.loads(args.data.read_text(encoding="utf-8"))
    tasks, residents = data["tasks"], data["residents"]
    phrases = {r["id"]: r["skills"] for r in residents}
    assert len({r["id"] for r in residents}) == len(residents), "duplicate resident"
    for task in tasks:
        unknown = (set(task["relevant"]) | set(task["look_alikes"])) - set(phrases)
        assert not unknown, f"{task['id']}: unknown residents {sorted(unknown)}"

    engine_rank, ranked = engine_rankings(tasks, residents)
    engine = evaluate(tasks, engine_rank)
    baseline = evaluate(tasks, wratio_rankings(tasks, residents))

    lines = [
        f"{len(tasks)} tasks × {len(residents)} residents (hand-labelled, Danish); "
        f"nDCG@{K} with gains 2/1/0, precision@{P_AT} counting grade ≥ 1, "
        f"look-alikes counted in the top {P_AT}.",
        "",
        f"| ranker | nDCG@{K} | precision@{P_AT} | tasks with a look-alike "
        f"in top {P_AT} |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, result in (
        ("MatchEngine.rank", engine),
        ("fuzz.WRatio baseline", baseline),
    ):
        lines.append(
            f"| {name} | {result['ndcg']:.3f} | {result['p5']:.3f} | "
            f"{result['look_alike_tasks']} of {len(tasks)} |"
        )
    lines += [
        "",
        f"Per task (engine vs WRatio nDCG@{K}):",
        "",
        "| task | phrases | engine | WRatio | engine look-alikes in top 5 |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    by_id = {t["id"]: t for t in tasks}
    for task in tasks:
        e = engine["per_task"][task["id"]]
        b = baseline["per_task"][task["id"]]
        lines.append(
            f"| {task['id']} | {'; '.join(task['skills'])} | {e['ndcg']:.3f} | "
            f"{b['ndcg']:.3f} | {', '.join(e['look_alikes']) or '—'} |"
        )
    worst = sorted(tasks, key=lambda t: engine["per_task"][t["id"]]["ndcg"])[:WORST]
    lines += ["", f"Worst {WORST} tasks for the engine:", ""]
    for task in worst:
        tid = task["id"]
        ranking = engine_rank[tid]
        missed = sorted(
            (r for r, g in task["relevant"].items() if g == 2 and r not in ranking),
            key=lambda r: r,
        )
        lines.append(
            f"- **{tid}** ({'; '.join(task['skills'])}): nDCG@{K} "
            f"{engine['per_task'][tid]['ndcg']:.3f}"
        )
        for match in ranked[tid]:
            lines.append(
                f"  - ranked {match.score:.1f}: "
                f"{describe(match.volunteer_id, by_id[tid], phrases)}"
            )
        for rid in missed:
            lines.append(f"  - missed: {describe(rid, task, phrases)}")
    ok = engine["ndcg"] >= TARGET_NDCG and engine["look_alike_tasks"] == 0
    lines += [
        "",
        f"Targets: engine nDCG@{K} ≥ {TARGET_NDCG} "
        f"({'met' if engine['ndcg'] >= TARGET_NDCG else 'NOT met'}); "
        f"no look-alike in any top {P_AT} "
        f"({'met' if engine['look_alike_tasks'] == 0 else 'NOT met'}).",
    ]
    table = "\n".join(lines)
    print(table)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "matching_quality.md").write_text(table + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
