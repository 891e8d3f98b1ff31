"""Scores: the weights, the parts beside skills, feedback, and the top-k prune."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from .contract import Task, Volunteer
from .taxonomy import Taxonomy
from .text import normalise
from .vocabulary import _Vocabulary

# Skills decide: a resident who cannot do the task is no match, however close they live;
# the rest orders people of equal skill (and, being small, lets the engine drop early
# every candidate whose skills trail the best by more than the rest could make up).
W_SKILL = 0.80


# Place matters in a village cluster (no car, short evenings): same village counts most.
W_PLACE = 0.10


PLACE_SCORES = {"village": 1.0, "cluster": 0.6, "municipality": 0.3}


# Time: a resident free on evenings is no help for a weekday task.
W_AVAILABILITY = 0.06


# Load: spread the work; someone already at their monthly hours is asked last.
W_LOAD = 0.04


# Newcomers on "good first tasks": bring new kinds of volunteers in (added on top).
NEWCOMER_BOOST = 5.0


# Levels: "can teach" is a little better than "can do"; "wants to learn" still counts,
# because people under-claim — but less.
LEVEL_FACTOR = {"teach": 1.0, "do": 0.95, "learn": 0.7, "": 0.95}


# Below this final score (0–100) nothing is returned.
RELEVANCE_THRESHOLD = 35.0


# Feedback. A task that needs the skills of one the resident said no to keeps this
# share of its skill score less (for the part of its skills that are alike); one like
# a task an editor found them unsuitable for, in the same cluster, likewise. Skills of
# tasks a resident was confirmed for, or did, count this much more (up to full marks).
DECLINED_PENALTY = 0.35


UNSUITABLE_PENALTY = 0.35


# Newcomers: a resident who is new to volunteering, or wrote nothing the engine can
# read, is offered the good first tasks near them at this score (plus the place).
WELCOME_SCORE = 40.0


# Points (0–100) on the final score for a task whose skills a resident has already
# been confirmed for, or done (added on top, as the newcomer boost is: a resident
# with full marks for the skill still moves ahead of one who never did it).
PROVEN_POINTS = 5.0


# A phrase's skills, for telling tasks alike: only what it clearly names.
ALIKE_CONFIDENCE = 0.85


# Soft maximum for the join: (Σ sᵖ)^(1/p) is within a few per cent of max(s).
SOFTMAX_P = 8  # `_power` and `_root` square and take roots three times


def _place_how(task: Task, volunteer: Volunteer) -> str | None:
    if task.village and task.village == volunteer.village:
        return "village"
    if task.cluster and task.cluster == volunteer.cluster:
        return "cluster"
    if task.municipality and task.municipality == volunteer.municipality:
        return "municipality"
    return None


WEEK = frozenset({"weekdays", "evenings", "weekends"})


def _availability(task: Task, volunteer: Volunteer) -> float:
    """How well the resident's time fits the task's, 0–1.

    The week (weekdays, evenings, weekends) and the seasons are two questions: each
    part the task asks counts, and a resident who said nothing of one part is neither
    a fit nor a misfit for it (0.5). The mean over the parts the task asks.
    """
    parts = []
    for kind in (WEEK, None):
        need = {s for s in task.when if (s in WEEK) == (kind is not None)}
        if not need:
            continue
        free = {s for s in volunteer.availability if (s in WEEK) == (kind is not None)}
        parts.append(len(need & free) / len(need) if free else 0.5)
    return sum(parts) / len(parts) if parts else 1.0


def _capacity(volunteer: Volunteer, tasks_by_id: dict) -> int:
    """How many tasks a resident can take on: their free hours over a typical task."""
    if not volunteer.hours_per_month:
        return 1
    free = volunteer.hours_per_month - volunteer.load_hours
    if free <= 0:
        return 1  # busy: still one place (the load score already puts them last)
    hours = [t.hours for t in tasks_by_id.values() if t.hours] or [4.0]
    typical = float(np.median(hours))
    return max(1, min(int(free // typical), 3))


SLOT_BITS = {
    "weekdays": 1,
    "evenings": 2,
    "weekends": 4,
    "spring": 8,
    "summer": 16,
    "autumn": 32,
    "winter": 64,
}


_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.float32)


class _Codes(dict):
    """Small integers for places, shared by tasks and residents (-1: not known)."""

    def code(self, value) -> int:
        if not value:
            return -1
        return self.setdefault(value, len(self))


def _mask(slots) -> int:
    bits = 0
    for slot in slots:
        bits |= SLOT_BITS.get(slot, 0)
    return bits


WEEK_BITS = np.uint8(
    SLOT_BITS["weekdays"] | SLOT_BITS["evenings"] | SLOT_BITS["weekends"]
)
SEASON_BITS = np.uint8(0x7F & ~int(WEEK_BITS))


def _time_fit(need: np.ndarray, free: np.ndarray) -> np.ndarray:
    """`_availability` for arrays of bit masks: the week and the seasons apart."""
    f32 = np.float32
    total = np.zeros(need.shape, f32)
    asked = np.zeros(need.shape, f32)
    for bits in (WEEK_BITS, SEASON_BITS):
        n, f = need & bits, free & bits
        part = _POPCOUNT[n & f] / np.maximum(_POPCOUNT[n], f32(1))
        part[f == 0] = 0.5
        has = n != 0
        total += np.where(has, part, f32(0))
        asked += has
    fit = total / np.maximum(asked, f32(1))
    fit[asked == 0] = 1.0
    return fit


class _Side:
    """Per-item arrays (place codes, time bits, hours) for vectorised scoring."""

    def __init__(self, items, codes: _Codes, *, tasks: bool):
        n = len(items)
        self.village = np.fromiter((codes.code(i.village) for i in items), np.int32, n)
        self.cluster = np.fromiter((codes.code(i.cluster) for i in items), np.int32, n)
        self.municipality = np.fromiter(
            (codes.code(i.municipality) for i in items), np.int32, n
        )
        if tasks:
            self.mask = np.fromiter((_mask(i.when) for i in items), np.uint8, n)
            self.hours = np.fromiter((i.hours for i in items), np.float32, n)
            self.hours_or_one = np.where(self.hours > 0, self.hours, 1).astype(
                np.float32
            )
            self.first = np.fromiter((i.good_first_task for i in items), bool, n)
            self.no_place = (
                (self.village < 0) & (self.cluster < 0) & (self.municipality < 0)
            )
        else:
            self.mask = np.fromiter((_mask(i.availability) for i in items), np.uint8, n)
            self.hours = np.fromiter((i.hours_per_month for i in items), np.float32, n)
            self.load = np.fromiter((i.load_hours for i in items), np.float32, n)
            self.newcomer = np.fromiter((i.newcomer for i in items), bool, n)


def combine(
    coverage: np.ndarray,
    task_rows: np.ndarray,
    volunteer_cols: np.ndarray,
    tasks: _Side,
    volunteers: _Side,
) -> np.ndarray:
    """Final scores (0–100) for candidate pairs: skill coverage and the rest.

    Everything is gathered from per-side arrays, so a million pairs cost a few
    numpy operations rather than a million Python calls.
    """
    t, v = task_rows, volunteer_cols
    f32 = np.float32
    # Place: the best level that holds, written over from weakest to strongest.
    place = np.zeros(t.shape, f32)
    tm = tasks.municipality[t]
    place[(tm >= 0) & (tm == volunteers.municipality[v])] = PLACE_SCORES["municipality"]
    tc = tasks.cluster[t]
    place[(tc >= 0) & (tc == volunteers.cluster[v])] = PLACE_SCORES["cluster"]
    tv = tasks.village[t]
    place[(tv >= 0) & (tv == volunteers.village[v])] = PLACE_SCORES["village"]
    place[tasks.no_place[t]] = 0.5  # a task without a place: neither good nor bad

    availability = _time_fit(tasks.mask[t], volunteers.mask[v])

    hours = volunteers.hours[v]
    load = np.clip((hours - volunteers.load[v]) / tasks.hours_or_one[t], f32(0), f32(1))
    load[hours <= 0] = 0.7

    weight = f32(100.0 / (W_SKILL + W_PLACE + W_AVAILABILITY + W_LOAD))
    score = coverage.astype(f32, copy=False) * f32(W_SKILL * weight)
    score += place * f32(W_PLACE * weight)
    score += availability * f32(W_AVAILABILITY * weight)
    score += load * f32(W_LOAD * weight)
    score[tasks.first[t] & volunteers.newcomer[v]] += f32(NEWCOMER_BOOST)
    return np.minimum(score, f32(100.0))


class _Alike:
    """Which tasks are alike: the skills each phrase clearly names, as keys.

    A phrase the taxonomy knows stands for its skills ("s12"); one it does not know
    stands for itself ("p" and the phrase), so that two tasks asking for the same
    unknown thing are alike too.
    """

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.cache: dict[str, frozenset[str]] = {}

    def keys(self, phrase: str) -> frozenset[str]:
        key = normalise(phrase)
        found = self.cache.get(key)
        if found is None:
            skills = {
                f"s{index}"
                for index, (confidence, _how, _word) in self.taxonomy.lookup(
                    key
                ).items()
                if confidence >= ALIKE_CONFIDENCE
            }
            found = self.cache[key] = frozenset(
                skills or ({f"p{key}"} if key else set())
            )
        return found

    def of_task(self, task: Task) -> frozenset[str]:
        return frozenset(k for phrase in task.skills for k in self.keys(phrase))


class _Feedback:
    """Residents' feedback as an inverted index: skill key -> residents (columns).

    Cheap where there is little feedback: a task costs one look-up per skill it
    needs, and only residents who said something about such a skill are touched.
    """

    def __init__(self, alike: _Alike, volunteers: Sequence[Volunteer]):
        self.alike = alike
        self.declined: dict[str, set[int]] = defaultdict(set)
        self.unsuitable: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.proven: dict[str, set[int]] = defaultdict(set)
        for column, volunteer in enumerate(volunteers):
            if not volunteer.has_feedback:
                continue
            for cluster, phrase in volunteer.declined:
                for key in alike.keys(phrase):
                    if cluster:
                        self.unsuitable[(cluster, key)].add(column)
                    else:
                        self.declined[key].add(column)
            for phrase in volunteer.proven:
                for key in alike.keys(phrase):
                    self.proven[key].add(column)

    def __bool__(self) -> bool:
        return bool(self.declined or self.unsuitable or self.proven)

    def shares(
        self, keys: frozenset[str], cluster: str | None, column: int
    ) -> dict[str, float]:
        """How much of a task's skills each kind of feedback is about (0–1)."""
        if not keys:
            return {}
        found = {
            "declined": sum(column in self.declined.get(k, ()) for k in keys),
            "unsuitable": sum(
                column in self.unsuitable.get((cluster or "", k), ()) for k in keys
            )
            if cluster
            else 0,
            "proven": sum(column in self.proven.get(k, ()) for k in keys),
        }
        return {kind: n / len(keys) for kind, n in found.items() if n}

    def delta(self, tasks: Sequence[Task], shape) -> sparse.csr_matrix | None:
        """Task × resident: the factor (minus one) a no puts on a skill score."""
        moved: dict[tuple[int, int], float] = defaultdict(float)
        for t, task in enumerate(tasks):
            keys = self.alike.of_task(task)
            if not keys:
                continue
            share = 1.0 / len(keys)
            for key in keys:
                for column in self.declined.get(key, ()):
                    moved[(t, column)] -= DECLINED_PENALTY * share
                if task.cluster:
                    for column in self.unsuitable.get((str(task.cluster), key), ()):
                        moved[(t, column)] -= UNSUITABLE_PENALTY * share
        if not moved:
            return None
        (rows, cols), values = zip(*moved, strict=True), list(moved.values())
        return sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)), shape=shape
        )

    def points(
        self, tasks: Sequence[Task], rows: np.ndarray, cols: np.ndarray
    ) -> np.ndarray | None:
        """Proven points for the pairs (rows[i], cols[i]); None if none earn any."""
        if not self.proven:
            return None
        earned: dict[tuple[int, int], float] = defaultdict(float)
        for t, task in enumerate(tasks):
            keys = self.alike.of_task(task)
            for key in keys:
                for column in self.proven.get(key, ()):
                    earned[(t, column)] += PROVEN_POINTS / len(keys)
        if not earned:
            return None
        # One sorted look-up for all pairs: (task, resident) as one int64 key.
        width = int(max(max(c for _t, c in earned), int(cols.max(initial=0)))) + 1
        pairs = np.fromiter((t * width + c for t, c in earned), np.int64, len(earned))
        values = np.fromiter(earned.values(), np.float32, len(earned))
        order = np.argsort(pairs)
        pairs, values = pairs[order], values[order]
        wanted = rows.astype(np.int64) * width + cols.astype(np.int64)
        at = np.minimum(np.searchsorted(pairs, wanted), len(pairs) - 1)
        return np.where(pairs[at] == wanted, values[at], np.float32(0.0))

    def apply(self, coverage: sparse.csr_matrix, tasks: Sequence[Task]):
        """Move the skill scores of the pairs feedback is about (before the prune,
        so that the top k it picks is still the true one)."""
        delta = self.delta(tasks, coverage.shape)
        if delta is None:
            return coverage
        coverage = (coverage + coverage.multiply(delta)).tocsr()
        np.clip(coverage.data, 0.0, 1.0, out=coverage.data)
        return coverage


# Everything but skills adds at most this much to a score (0–1 of the weights, plus the
# newcomer boost): a resident whose skill coverage trails the k-th best by more cannot
# reach that task's top k.
_OTHER_MAX = (W_PLACE + W_AVAILABILITY + W_LOAD) + (
    NEWCOMER_BOOST + PROVEN_POINTS
) / 100.0


_PRUNE_BINS = 256  # resolution of the per-task histogram that bounds the k-th best


# The histogram is taken over every this-many-th candidate of a chunk: the k-th best of
# a subset is never above the k-th best of all, so the bound stays safe, at an eighth
# of the passes over the hundreds of millions of candidates of a national rematch.
_SAMPLE_STRIDE = 8
_SAMPLE_FROM = 64  # sampled only from this many candidates per task on average


# Candidates per task scored first, for the floor of `_prune`: this many times k.
_PROBE = 4


# Points allowed for float rounding when a bound is compared with a floor.
_SLACK = 1e-3


def _prune(
    coverage: sparse.csr_matrix,
    k: int,
    score: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
    other_max: np.ndarray | None = None,
) -> sparse.csr_matrix:
    """Drop candidates that cannot make a task's top k, whatever else they bring.

    Works on `coverage` in place (a fresh product, owned by the caller) and returns it.

    A resident whose coverage trails the task's k-th best by more than the other parts
    can make up is out. The k-th best is bounded from below by a histogram per task
    over a sample of the candidates (every `_SAMPLE_STRIDE`-th; one bincount for the
    whole chunk, no loop): the k-th best of a subset is at most the k-th best of all,
    and the lower edge of the bin holding it is lower still, so the cut keeps everyone
    the exact k-th best would keep, and a few more.

    With `score` (final scores of pairs: rows, columns, coverage) and `other_max` (per
    task, the most the parts beside skills can add, in points): the best few by
    coverage of each task are scored first. Their k-th best score — or the relevance
    threshold, if fewer reach it — is a floor the task's top k cannot fall below, and
    a resident whose coverage could not reach it even with the most the other parts
    can add is out too.
    """
    indptr = coverage.indptr
    counts = np.diff(indptr)
    if not (counts > k).any():
        return coverage
    bins = _PRUNE_BINS
    n_rows = coverage.shape[0]
    data = coverage.data
    many = data.size >= _SAMPLE_FROM * _SAMPLE_STRIDE * n_rows
    stride = _SAMPLE_STRIDE if many else 1
    positions = np.arange(0, data.size, stride, dtype=np.int64)
    sample_rows = (np.searchsorted(indptr, positions, side="right") - 1).astype(
        np.int32
    )
    slot = (data[::stride] * bins).astype(np.int32)
    np.minimum(slot, bins - 1, out=slot)
    slot += sample_rows * bins
    histogram = np.bincount(slot, minlength=n_rows * bins).reshape(n_rows, bins)
    del slot, sample_rows, positions
    from_top = np.cumsum(histogram[:, ::-1], axis=1)
    sampled = from_top[:, -1]
    kth_bin = bins - 1 - np.argmax(from_top >= k, axis=1)
    margin = _OTHER_MAX / W_SKILL
    cut = np.where(sampled >= k, kth_bin / bins - margin - 1e-6, -np.inf)
    cut[counts <= k] = -np.inf
    if score is not None and other_max is not None:
        # Enough of the best to hold k: at least k sampled ones (then at least k in
        # all), about `_PROBE` × k of all.
        wanted = max(k, -(-_PROBE * k // stride))
        probe_bin = bins - 1 - np.argmax(from_top >= wanted, axis=1)
        probe_cut = np.where(
            (sampled >= wanted) & (counts > _PROBE * k), probe_bin / bins, -np.inf
        ).astype(np.float32)
        probe = np.flatnonzero(data >= np.repeat(probe_cut, counts))
        p_rows = (np.searchsorted(indptr, probe, side="right") - 1).astype(np.int32)
        floor = _kth_scores(
            p_rows,
            score(p_rows, coverage.indices[probe], data[probe]),
            n_rows,
            k,
        )
        points = 100.0 / (W_SKILL + W_PLACE + W_AVAILABILITY + W_LOAD) * W_SKILL
        reach = (floor - other_max - _SLACK) / points - 1e-6
        cut = np.maximum(cut, np.where(counts > k, reach, -np.inf))
    cut = cut.astype(np.float32)
    # Zero what is out and compact in place (cheaper than copying through a mask).
    np.multiply(data, data >= np.repeat(cut, counts), out=data)
    coverage.eliminate_zeros()
    return coverage


def _kth_scores(rows: np.ndarray, scores: np.ndarray, n: int, k: int) -> np.ndarray:
    """Per row: the k-th best score, or the relevance threshold if that is higher or
    fewer than k scores reach it."""
    floor = np.full(n, RELEVANCE_THRESHOLD, dtype=np.float64)
    counts = np.bincount(rows, minlength=n)
    has = counts >= k
    if not has.any():
        return floor
    order = np.lexsort((-scores, rows))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    kth = scores[order[np.minimum(starts + k - 1, rows.size - 1)]]
    floor[has] = np.maximum(floor[has], kth[has])
    return floor


def _other_max(tasks: _Side, rows: np.ndarray, proven: bool) -> np.ndarray:
    """Per task: the most place, time, load, the newcomer boost and proven points can
    add to a skill score (points, 0–100)."""
    place = np.where(
        tasks.village[rows] >= 0,
        PLACE_SCORES["village"],
        np.where(
            tasks.cluster[rows] >= 0,
            PLACE_SCORES["cluster"],
            np.where(tasks.municipality[rows] >= 0, PLACE_SCORES["municipality"], 0.0),
        ),
    )
    place = np.where(tasks.no_place[rows], 0.5, place)
    weight = 100.0 / (W_SKILL + W_PLACE + W_AVAILABILITY + W_LOAD)
    return (
        place * W_PLACE * weight
        + (W_AVAILABILITY + W_LOAD) * weight
        + np.where(tasks.first[rows], NEWCOMER_BOOST, 0.0)
        + (PROVEN_POINTS if proven else 0.0)
    )


def _best_per_sorted_row(rows, cols, scores, k) -> list[int]:
    """Positions of the k best scores of each row, best first, ties by column.

    `rows` comes sorted (from a CSR matrix), so each row is a slice: a partition per
    row, then a sort of only the few that can be in the top k.
    """
    if rows.size == 0:
        return []
    bounds = np.flatnonzero(np.diff(rows)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [rows.size]))
    picked: list[int] = []
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        row_scores = scores[start:end]
        if end - start > k:
            kth = np.partition(row_scores, end - start - k)[end - start - k]
            idx = np.flatnonzero(row_scores >= kth)
        else:
            idx = np.arange(end - start)
        order = idx[np.lexsort((cols[start:end][idx], -row_scores[idx]))][:k]
        picked.extend((start + order).tolist())
    return picked


def _top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the k largest scores, largest first (argpartition, then a sort)."""
    if scores.size <= k:
        return np.argsort(-scores, kind="stable")
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


def _best(
    phrase_scores: sparse.csr_matrix, incidence_p: sparse.csr_matrix
) -> sparse.csr_matrix:
    """Requirement × resident: the best of the resident's phrases for it.

    A soft maximum with one sparse product: (Σ (score·level)ᵖ)^(1/p).
    """
    powered = phrase_scores.copy()
    powered.data = _power(powered.data)
    best = (powered @ incidence_p).tocsr()
    best.data = np.minimum(_root(best.data), np.float32(1.0))
    return best


def _power(values: np.ndarray) -> np.ndarray:
    """values ** SOFTMAX_P, by squaring (p = 8: three products, not a pow each)."""
    if SOFTMAX_P != 8:
        return values**SOFTMAX_P
    out = values * values
    out *= out
    out *= out
    return out


def _root(values: np.ndarray) -> np.ndarray:
    """values ** (1 / SOFTMAX_P), by square roots, in place."""
    if SOFTMAX_P != 8:
        return values ** (1.0 / SOFTMAX_P)
    np.sqrt(values, out=values)
    np.sqrt(values, out=values)
    np.sqrt(values, out=values)
    return values


# A task's skill coverage is the quadratic mean of how well each of its requirements
# is met, (Σ wᵣ·bestᵣ²)^½: every requirement still counts, but one met in full counts
# for more than two met by half ("beskære æbletræer; så en blomstereng": a fruit
# grower who prunes fits better than a hobby gardener half-way on both).
COVERAGE_P = 2


def _powered(best: sparse.csr_matrix) -> sparse.csr_matrix:
    """best ** COVERAGE_P, for `_coverage`."""
    powered = best.copy()
    powered.data = powered.data * powered.data
    return powered


def _coverage(requirements: sparse.csr_matrix, powered: sparse.csr_matrix):
    """Task × resident: the quadratic mean over the task's requirements (rows of
    `requirements` are the weights 1/n) of the best match (`_powered`)."""
    coverage = (requirements @ powered).tocsr()
    np.sqrt(coverage.data, out=coverage.data)
    return coverage


def _task_requirements(
    tasks: Sequence[Task], required: _Vocabulary
) -> sparse.csr_matrix:
    """Task × requirement, each row averaging over the task's requirements."""
    rows, cols, values = [], [], []
    for t, task in enumerate(tasks):
        indexes = {
            required.index[k]
            for k in (normalise(p) for p in task.skills)
            if k in required.index
        }
        if not indexes:
            continue
        weight = 1.0 / len(indexes)
        for r in indexes:
            rows.append(t)
            cols.append(r)
            values.append(weight)
    return sparse.csr_matrix(
        (np.asarray(values, dtype=np.float32), (rows, cols)),
        shape=(len(tasks), len(required.keys)),
    )
