"""Matching at national scale: 100,000 residents × 10,000 tasks, on this machine.

Usage: python bench/matching_speed.py [--residents 100000] [--tasks 10000] [--runs 3]

Reports, in one run:
- the full rematch (``MatchEngine().rank``), median of the runs;
- the floor: one bare ``process.cdist`` over the same deduplicated vocabularies;
- a per-pair ``fuzz.WRatio`` loop on a sample, extrapolated to all pairs;
- one new task against the built residents' index, and one changed profile against
  the built tasks' index (medians of 50);
- peak memory (max RSS) of the process.
Targets (issue 4): rematch within 3× the floor and under 60 s; each incremental path
under 20 ms; peak memory under 2 GiB.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from matching.engine import (  # noqa: E402
    NEAR_TEXT_CUTOFF,
    MatchEngine,
    Task,
    Volunteer,
    _Vocabulary,
    normalise,
)

SEED = 4
VILLAGES = [f"Landsby {i}" for i in range(6000)]
SLOTS = ["weekdays", "evenings", "weekends", "spring", "summer", "autumn", "winter"]


# Free text outside the taxonomy (about 8 % of residents' phrases in the labelled set of
# bench/matching_quality.py): these can only match as text, through the engine's cdist.
FREE_SHARE = 0.10
FREE_VERBS = [
    "låne ud",
    "passe",
    "køre med",
    "hente",
    "skaffe",
    "vaske",
    "bære",
    "stille op",
    "rydde op efter",
    "holde øje med",
    "låse op for",
    "sortere",
    "pakke",
    "vande",
    "reparere gamle",
    "samle på",
    "tælle",
    "male gamle",
]
FREE_NOUNS = [
    "stige",
    "borde",
    "stole",
    "nøgler",
    "flasker",
    "høvlbænk",
    "fliser",
    "presenning",
    "dyr",
    "katte",
    "frimærker",
    "modeltog",
    "vandmålere",
    "postkasser",
    "skilte",
    "lamper",
    "gardiner",
    "tæpper",
    "kasser",
    "paller",
    "dåser",
    "pengeskabe",
    "ure",
    "radioer",
    "spejle",
    "vinduer",
    "døre",
    "låger",
    "hegn",
    "skure",
    "brønde",
    "master",
    "duer",
    "bier",
]


def vocabulary(engine: MatchEngine, rng: random.Random, size: int) -> list[str]:
    """A realistic vocabulary: taxonomy words, their typos, phrases around them, and
    a tenth free text the taxonomy does not know."""
    words = [w for w in engine.taxonomy.vocabulary if len(w) >= 3]
    candidates = sorted(
        {f"{verb} {noun}" for verb in FREE_VERBS for noun in FREE_NOUNS}
        | {f"{a} og {b}" for a in FREE_NOUNS for b in FREE_NOUNS if a < b}
    )
    known = _Vocabulary(engine.taxonomy, candidates)
    free = [
        key
        for key, mapping in zip(known.keys, known.mappings, strict=True)
        if not mapping
    ]
    phrases = set(rng.sample(free, min(len(free), int(size * FREE_SHARE))))
    phrases |= set(words)
    extras = ["hjælpe med", "gerne", "lidt", "erfaring med", "kan", "har styr på"]
    while len(phrases) < size:
        word = rng.choice(words)
        roll = rng.random()
        if roll < 0.4 and len(word) > 4:  # a typo: drop or swap a letter
            i = rng.randrange(1, len(word) - 1)
            word = (
                word[:i] + word[i + 1 :]
                if rng.random() < 0.5
                else (word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :])
            )
        elif roll < 0.8:
            word = f"{rng.choice(extras)} {word}"
        else:
            word = f"{word} og {rng.choice(words)}"
        phrases.add(word)
    return sorted(phrases)


def build(engine, residents: int, tasks: int):
    rng = random.Random(SEED)
    vocab = vocabulary(engine, rng, 3000)
    # Zipf-like popularity: a few phrases are common, most are rare.
    weights = [1 / (i + 1) ** 0.8 for i in range(len(vocab))]
    volunteers = [
        Volunteer(
            id=i,
            skills=rng.choices(vocab, weights, k=5),
            village=rng.choice(VILLAGES),
            cluster=f"k{rng.randrange(1000)}",
            municipality=f"m{rng.randrange(98)}",
            availability=frozenset(rng.sample(SLOTS, k=rng.randint(1, 4))),
            hours_per_month=rng.choice([0, 2, 4, 8, 16]),
            newcomer=rng.random() < 0.15,
        )
        for i in range(residents)
    ]
    task_list = [
        Task(
            id=f"t{i}",
            skills=rng.choices(vocab, weights, k=rng.randint(1, 3)),
            village=rng.choice(VILLAGES),
            cluster=f"k{rng.randrange(1000)}",
            municipality=f"m{rng.randrange(98)}",
            when=frozenset(rng.sample(SLOTS, k=rng.randint(0, 2))),
            volunteers_needed=rng.randint(1, 4),
            hours=rng.choice([2.0, 4.0, 8.0]),
            good_first_task=rng.random() < 0.2,
        )
        for i in range(tasks)
    ]
    return volunteers, task_list


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    engine = MatchEngine()
    volunteers, tasks = build(engine, args.residents, args.tasks)
    required = sorted({normalise(p) for t in tasks for p in t.skills})
    offered = sorted({normalise(p) for v in volunteers for p in v.skills})
    free_required = sum(
        1 for m in _Vocabulary(engine.taxonomy, required).mappings if not m
    )
    free_offered = sum(
        1 for m in _Vocabulary(engine.taxonomy, offered).mappings if not m
    )

    floor_ms = median_ms(
        lambda: process.cdist(
            required,
            offered,
            scorer=fuzz.token_set_ratio,
            score_cutoff=NEAR_TEXT_CUTOFF,
            dtype=np.uint8,
            workers=-1,
        ),
        args.runs,
    )
    ranked = {}

    def full():
        ranked.update(engine.rank(tasks, volunteers, top_k=10))

    full_ms = median_ms(full, args.runs)

    rng = random.Random(SEED + 1)
    sample = [(rng.choice(tasks), rng.choice(volunteers)) for _ in range(2000)]
    started = time.perf_counter()
    for task, volunteer in sample:
        for requirement in task.skills:
            for phrase in volunteer.skills:
                fuzz.WRatio(requirement, phrase)
    per_pair = (time.perf_counter() - started) / len(sample)
    wratio_s = per_pair * len(tasks) * len(volunteers)

    index = engine.index(volunteers)
    task_index = engine.index_tasks(tasks)
    new_tasks = iter([rng.choice(tasks) for _ in range(60)])
    new_task_ms = median_ms(lambda: index.rank([next(new_tasks)], top_k=10), 50)
    changed = iter([rng.choice(volunteers) for _ in range(60)])
    profile_ms = median_ms(
        lambda: task_index.rank_volunteer(next(changed), top_k=10), 50
    )
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    filled = sum(1 for matches in ranked.values() if matches)
    rows = [
        ("bare process.cdist over the vocabularies (floor)", floor_ms, "1.0"),
        ("full rematch (MatchEngine.rank)", full_ms, f"{full_ms / floor_ms:.1f}"),
        (
            "per-pair fuzz.WRatio loop, extrapolated",
            wratio_s * 1000,
            f"{wratio_s * 1000 / floor_ms:.0f}",
        ),
        ("one new task against the residents' index", new_task_ms, ""),
        ("one changed profile against the tasks' index", profile_ms, ""),
    ]
    lines = [
        f"{len(volunteers):,} residents (5 phrases each) × {len(tasks):,} tasks; "
        f"vocabularies {len(required):,} required × {len(offered):,} offered phrases; "
        f"median of {args.runs} runs (incremental: of 50). Outside the taxonomy "
        f"(free text, matched only through the engine's own cdist): "
        f"{free_required:,} required and {free_offered:,} offered phrases.",
        "",
        "| measurement | median (ms) | × floor |",
        "| --- | ---: | ---: |",
        *[f"| {name} | {ms:,.1f} | {ratio} |" for name, ms, ratio in rows],
        "",
        f"Tasks with at least one match: {filled:,} of {len(tasks):,}. "
        f"Peak memory (max RSS): {peak_mib:,.0f} MiB.",
    ]
    table = "\n".join(lines)
    print(table)
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "matching_speed.md").write_text(table + "\n", encoding="utf-8")
    ok = (
        full_ms <= 3 * floor_ms
        and full_ms < 60_000
        and new_task_ms < 20
        and profile_ms < 20
        and peak_mib < 2048
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
