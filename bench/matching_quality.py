"""Matching quality on a hand-labelled Danish set: the engine against plain WRatio.

Usage: python bench/matching_quality.py [--data FILE]

Two sets: the team's own (``bench/matching_quality_data.json``) and a held-out one
(``bench/matching_quality_heldout.json``, written by someone who had read neither the
taxonomy nor the engine, before any tuning, and split into a development half and a
test half; the taxonomy is never extended with the test half's phrases). Each holds
tasks, residents and, per task, graded labels (2: clearly fits, 1: partly, unlisted:
0) and look-alikes (residents whose phrases only look like the task's skill).
Reports, per set, for the engine and for a baseline of ``rapidfuzz.fuzz.WRatio`` (a
resident's score for a task = the mean over the task's phrases of the best WRatio
over the resident's phrases; all residents ranked by it):
- nDCG@10 (gains 2/1/0, log2 discount, ideal from the labels), mean over tasks;
- precision@5 (grade ≥ 1 counts as relevant), mean over tasks;
- tasks with a look-alike in the top 5;
- per-task nDCG@10 for the engine, with its worst tasks and what they ranked.
Targets, on each set and on the test half: nDCG@10 ≥ 0.95, precision@5 ≥ 0.95 and
no look-alike in any top 5.
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
# Written by someone who had read neither the taxonomy nor the engine, before any
# tuning on it; split into a development half (looked at) and a test half (not).
HELDOUT = ROOT / "bench" / "matching_quality_heldout.json"
K = 10
P_AT = 5
TARGET_NDCG = 0.95
TARGET_P5 = 0.95
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


SETS = [
    ("the team's own set", DATA, None),
    ("held-out set, development half", HELDOUT, "dev"),
    ("held-out set, test half", HELDOUT, "test"),
]
# The test half is reported blind: its figures only, never its tasks, phrases or
# rankings, so that nobody tuning the taxonomy reads its words by accident.
BLIND = {"test"}


def load(path: Path, split: str | None) -> tuple[list[dict], list[dict]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    tasks, residents = data["tasks"], data["residents"]
    phrases = {r["id"] for r in residents}
    assert len(phrases) == len(residents), "duplicate resident"
    for task in tasks:
        unknown = (set(task["relevant"]) | set(task["look_alikes"])) - phrases
        assert not unknown, f"{task['id']}: unknown residents {sorted(unknown)}"
    if split is not None:
        tasks = [t for t in tasks if t.get("split") == split]
    return tasks, residents


def report(name: str, tasks, residents, blind: bool = False) -> tuple[list[str], dict]:
    """The table of one set, and the engine's result on it (figures only if blind)."""
    phrases = {r["id"]: r["skills"] for r in residents}
    engine_rank, ranked = engine_rankings(tasks, residents)
    engine = evaluate(tasks, engine_rank)
    baseline = evaluate(tasks, wratio_rankings(tasks, residents))
    lines = [
        f"### {name}",
        "",
        f"{len(tasks)} tasks × {len(residents)} residents (hand-labelled, Danish); "
        f"nDCG@{K} with gains 2/1/0, precision@{P_AT} counting grade ≥ 1, "
        f"look-alikes counted in the top {P_AT}.",
        "",
        f"| ranker | nDCG@{K} | precision@{P_AT} | tasks with a look-alike "
        f"in top {P_AT} |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, result in (
        ("MatchEngine.rank", engine),
        ("fuzz.WRatio baseline", baseline),
    ):
        lines.append(
            f"| {label} | {result['ndcg']:.3f} | {result['p5']:.3f} | "
            f"{result['look_alike_tasks']} of {len(tasks)} |"
        )
    if blind:
        lines += ["", "(Reported blind: no tasks, phrases or rankings.)"]
        return lines, engine
    lines += [
        "",
        f"Per task (engine vs WRatio nDCG@{K}):",
        "",
        "| task | phrases | engine | WRatio | engine look-alikes in top 5 |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for task in tasks:
        e = engine["per_task"][task["id"]]
        b = baseline["per_task"][task["id"]]
        lines.append(
            f"| {task['id']} | {'; '.join(task['skills'])} | {e['ndcg']:.3f} | "
            f"{b['ndcg']:.3f} | {', '.join(e['look_alikes']) or '—'} |"
        )
    worst = sorted(tasks, key=lambda t: engine["per_task"][t["id"]]["ndcg"])[:WORST]
    lines += ["", f"Worst {WORST} tasks for the engine:", ""]
    by_id = {t["id"]: t for t in tasks}
    for task in worst:
        tid = task["id"]
        ranking = engine_rank[tid]
        missed = sorted(
            r for r, g in task["relevant"].items() if g == 2 and r not in ranking
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
    return lines, engine


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="one set only (all of its tasks)")
    args = parser.parse_args()
    sets = [(str(args.data), args.data, None)] if args.data else SETS

    out, summary, ok = [], [], True
    for name, path, split in sets:
        tasks, residents = load(path, split)
        lines, engine = report(name, tasks, residents, blind=split in BLIND)
        out += [*lines, ""]
        met = engine["ndcg"] >= TARGET_NDCG and engine["p5"] >= TARGET_P5
        clean = engine["look_alike_tasks"] == 0
        ok &= met and clean
        summary.append(
            f"| {name} | {engine['ndcg']:.3f} | {engine['p5']:.3f} | "
            f"{engine['look_alike_tasks']} of {len(tasks)} | "
            f"{'met' if met and clean else 'NOT met'} |"
        )
    head = [
        f"Targets on every set: nDCG@{K} ≥ {TARGET_NDCG}, precision@{P_AT} ≥ "
        f"{TARGET_P5}, no look-alike in any top {P_AT}.",
        "",
        f"| set | nDCG@{K} | precision@{P_AT} | look-alikes in top {P_AT} | target |",
        "| --- | ---: | ---: | ---: | --- |",
        *summary,
        "",
    ]
    table = "\n".join(head + out)
    print(table)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "matching_quality.md").write_text(table + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
