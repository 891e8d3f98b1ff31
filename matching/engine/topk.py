"""The top k without the weak pairs: a bound per task, exact scores for the few.

The exhaustive join (`VolunteerIndex._rank_exhaustive`) builds every requirement ×
resident pair that meets at all — most through a related skill or a compound's hint —
and then drops nearly all of them. Here, per chunk of tasks:

1. Phrase scores are split at `STRONG`. A resident's soft maximum for a requirement
   is a sum of eighth powers, so it is at most their strong part plus, for each of
   their phrases, the requirement's best weak score; a resident with no strong phrase
   for it reaches at most the requirement's *weak ceiling*.
2. Candidates of a task are the residents strong in one of its requirements, each with
   an upper bound of their coverage (the weak ceiling where they are not strong). The
   best few by that bound are scored exactly: the k-th best of them (or the relevance
   threshold, if fewer reach it) is a floor the task's top k cannot fall below.
3. Every candidate whose bound — coverage bound plus the most the other parts can add
   for that task and resident — reaches the floor is scored exactly; no other can
   enter the top k. A task where a resident with only weak matches could still reach
   the floor is joined exhaustively, as before, for that task only.

Exact scores are gathered from the phrase scores and summed in the order the sparse
products of the exhaustive join sum them, so they are the same floats.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .contract import Task
from .scoring import (
    NEWCOMER_BOOST,
    PLACE_SCORES,
    PROVEN_POINTS,
    RELEVANCE_THRESHOLD,
    SOFTMAX_P,
    W_AVAILABILITY,
    W_LOAD,
    W_PLACE,
    W_SKILL,
    _best,
    _best_per_sorted_row,
    _Feedback,
    _prune,
    _time_fit,
    combine,
)

# Phrase scores from here up are strong (the same skill, read surely); below it, weak
# (a related skill, a compound's hint, near text).
STRONG = 0.7
# Candidates scored first per task, for the floor: this many times k.
PROBE = 4
# Points allowed for float rounding in the bounds (the scores are exact).
SLACK = 1e-3
_BINS = 256

f32 = np.float32
_WEIGHT = 100.0 / (W_SKILL + W_PLACE + W_AVAILABILITY + W_LOAD)
_A = float(f32(W_SKILL * _WEIGHT))  # points per unit of coverage


class _Residents:
    """Each resident's phrases (offered rows) and level weights, padded to one width,
    for gathering exact soft maxima; built once with the residents' index."""

    def __init__(self, incidence_p: sparse.csr_matrix):
        csc = incidence_p.tocsc()
        csc.sort_indices()
        n_phrases, n = csc.shape
        counts = np.diff(csc.indptr)
        width = max(1, int(counts.max(initial=0)))
        columns = np.repeat(np.arange(n), counts)
        position = np.arange(csc.nnz) - np.repeat(csc.indptr[:-1], counts)
        # Padding points at an extra, empty phrase column.
        self.phrase = np.full((n, width), n_phrases, dtype=np.int32)
        self.weight = np.zeros((n, width), dtype=np.float32)
        self.phrase[columns, position] = csc.indices
        self.weight[columns, position] = csc.data
        # Σ levelᵖ over a resident's phrases: what weak scores can add at most.
        self.power = np.bincount(columns, weights=csc.data, minlength=n)
        self.power_max = float(self.power.max(initial=0.0))
        self.groups: dict[str, _Group] = {}

    def group(self, side) -> None:
        """Residents by village, cluster and municipality (codes of `side`)."""
        self.groups = {
            kind: _Group(getattr(side, kind))
            for kind in ("village", "cluster", "municipality")
        }


class _Group:
    """Residents by one place code: the columns of those with a given code."""

    def __init__(self, codes: np.ndarray):
        self.order = np.argsort(codes, kind="stable")
        self.sorted = codes[self.order]

    def members(self, code: int) -> np.ndarray:
        start = np.searchsorted(self.sorted, code, side="left")
        end = np.searchsorted(self.sorted, code, side="right")
        return self.order[start:end]


class _Bounds:
    """One national rematch: the split phrase scores and the bounds they give."""

    def __init__(self, index, phrase_scores: sparse.csr_matrix, requirements, side):
        self.index = index
        self.side = side
        self.requirements = requirements
        self.residents: _Residents = index.residents
        scores = phrase_scores.tocsr()
        scores.sort_indices()
        self.scores = scores
        powered = scores.copy()
        powered.data = powered.data**SOFTMAX_P
        self.powered = powered
        n_rows = scores.shape[0]
        rows = np.repeat(np.arange(n_rows), np.diff(scores.indptr))
        strong = scores.data >= STRONG
        # The best weak score of each requirement, to the p-th power.
        weak_p = np.zeros(n_rows, dtype=np.float64)
        np.maximum.at(weak_p, rows[~strong], powered.data[~strong].astype(np.float64))
        self.weak_p = weak_p
        self.ceiling = np.minimum(
            (weak_p * self.residents.power_max) ** (1.0 / SOFTMAX_P), 1.0
        )
        hi = sparse.csr_matrix(
            (
                powered.data[strong],
                scores.indices[strong],
                _indptr(rows[strong], n_rows),
            ),
            shape=scores.shape,
        )
        strong_p = (hi @ index.incidence_p).tocoo()
        # A strong resident's best, bounded: strong part + weak ceiling per phrase.
        bound = (
            strong_p.data.astype(np.float64)
            + weak_p[strong_p.row] * (self.residents.power[strong_p.col])
        )
        bound = np.minimum(bound ** (1.0 / SOFTMAX_P), 1.0)
        # Above the ceiling of weak-only residents: what the strong ones add.
        excess = bound - self.ceiling[strong_p.row]
        keep = excess > 0
        self.excess = sparse.csr_matrix(
            (excess[keep], (strong_p.row[keep], strong_p.col[keep])),
            shape=strong_p.shape,
        )
        self.proven = PROVEN_POINTS if index.feedback.proven else 0.0

    # Bounds of the parts beside skills -----------------------------------------------

    def _other_max(self, t: np.ndarray, place: np.ndarray | float) -> np.ndarray:
        """Per task: the most time, load, boost and proven points can add, with the
        given place (0–1)."""
        side = self.side
        place = np.where(side.no_place[t], 0.5, place)
        return (
            place * (W_PLACE * _WEIGHT)
            + (W_AVAILABILITY + W_LOAD) * _WEIGHT
            + np.where(side.first[t], NEWCOMER_BOOST, 0.0)
            + self.proven
        )

    def _place_max(self, t: np.ndarray) -> np.ndarray:
        side = self.side
        return np.where(
            side.village[t] >= 0,
            PLACE_SCORES["village"],
            np.where(
                side.cluster[t] >= 0,
                PLACE_SCORES["cluster"],
                np.where(side.municipality[t] >= 0, PLACE_SCORES["municipality"], 0.0),
            ),
        )

    def _other_pairs(self, t: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Per pair: what place, time, load and the boost add, as `combine` adds them
        (in float64), and the most proven points could."""
        tasks, volunteers = self.side, self.index.side
        place = np.zeros(t.shape, np.float64)
        tm = tasks.municipality[t]
        place[(tm >= 0) & (tm == volunteers.municipality[v])] = PLACE_SCORES[
            "municipality"
        ]
        tc = tasks.cluster[t]
        place[(tc >= 0) & (tc == volunteers.cluster[v])] = PLACE_SCORES["cluster"]
        tv = tasks.village[t]
        place[(tv >= 0) & (tv == volunteers.village[v])] = PLACE_SCORES["village"]
        place[tasks.no_place[t]] = 0.5
        availability = _time_fit(tasks.mask[t], volunteers.mask[v])
        hours = volunteers.hours[v]
        load = np.clip(
            (hours - volunteers.load[v]) / tasks.hours_or_one[t], f32(0), f32(1)
        )
        load[hours <= 0] = 0.7
        return (
            place * (W_PLACE * _WEIGHT)
            + availability * (W_AVAILABILITY * _WEIGHT)
            + load * (W_LOAD * _WEIGHT)
            + np.where(tasks.first[t] & volunteers.newcomer[v], NEWCOMER_BOOST, 0.0)
            + self.proven
        )

    # One chunk ---------------------------------------------------------------------

    def chunk(self, tasks: Sequence[Task], first: int, size: int, *, top_k: int):
        """Like the exhaustive join's chunk: (rows, cols, cov, scores, picked)."""
        chunk = tasks[first : first + size]
        n = len(chunk)
        requirements = self.requirements[first : first + size]
        requirements.sort_indices()
        t_global = np.arange(first, first + n)
        index = self.index
        # Bounds of coverage: the weak ceiling for every resident, more for the strong.
        weak = np.asarray(requirements @ self.ceiling, dtype=np.float64).ravel()
        upper = (requirements @ self.excess).tocsr()
        rows = np.repeat(np.arange(n), np.diff(upper.indptr))
        cols = upper.indices
        bound = upper.data + weak[rows]
        # Residents who ruled a task out are no candidates for it.
        excluded = self._excluded(chunk)
        if excluded is not None:
            keep = ~_pair_in(rows, cols, excluded, index_n=len(index.volunteers))
            rows, cols, bound = rows[keep], cols[keep], bound[keep]
        gather = _Gather(self, requirements)
        feedback = (
            _PairFeedback(index.feedback, chunk, len(index.volunteers))
            if index.feedback
            else None
        )

        def exact(r, c):
            cov = gather.coverage(r, c)
            if feedback is not None:
                cov = feedback.apply(r, c, cov)
            scores = combine(cov, r + first, c, self.side, index.side)
            if feedback is not None:
                points = feedback.points(r, c)
                if points is not None:
                    scores = np.minimum(scores + points, f32(100.0))
            return cov, scores

        # The probe: the best few by bound, scored exactly, give each task a floor.
        probe = bound >= _row_cut(rows, bound, n, PROBE * top_k)
        p_rows, p_cols = rows[probe], cols[probe]
        p_cov, p_scores = exact(p_rows, p_cols)
        floor = _kth(p_rows, p_scores, n, top_k)
        other_max = self._other_max(t_global, self._place_max(t_global))
        # Residents with only weak matches: those of the task's village, cluster or
        # municipality are few and looked at as such; any other one out of reach, or
        # the task is joined exhaustively.
        fallback = _A * weak + self._other_max(t_global, 0.0) + SLACK >= floor
        local_rows, local_cols = self._locals(t_global, weak, floor, fallback)
        if local_rows.size:
            near = (
                _A * weak[local_rows]
                + self._other_pairs(local_rows + first, local_cols)
                + SLACK
                >= floor[local_rows]
            )
            local_rows, local_cols = local_rows[near], local_cols[near]
        # The rest: those whose bound reaches their task's floor.
        rest = ~probe & ~fallback[rows]
        rest &= _A * bound + other_max[rows] + SLACK >= floor[rows]
        r_rows, r_cols = rows[rest], cols[rest]
        near = (
            _A * bound[rest] + self._other_pairs(r_rows + first, r_cols) + SLACK
            >= floor[r_rows]
        )
        r_rows, r_cols = r_rows[near], r_cols[near]
        if local_rows.size:
            n_res = len(index.volunteers)
            keys = np.union1d(
                r_rows.astype(np.int64) * n_res + r_cols,
                local_rows.astype(np.int64) * n_res + local_cols,
            )
            seen = np.sort(p_rows.astype(np.int64) * n_res + p_cols)
            if seen.size:
                at = np.minimum(np.searchsorted(seen, keys), seen.size - 1)
                keys = keys[seen[at] != keys]
            if excluded is not None:
                at = np.minimum(np.searchsorted(excluded, keys), excluded.size - 1)
                keys = keys[excluded[at] != keys]
            r_rows, r_cols = keys // n_res, keys % n_res
        r_cov, r_scores = exact(r_rows, r_cols)
        keep_probe = ~fallback[p_rows]
        parts = [
            (p_rows[keep_probe], p_cols[keep_probe], p_cov[keep_probe]),
            (r_rows, r_cols, r_cov),
        ]
        part_scores = [p_scores[keep_probe], r_scores]
        if fallback.any():
            f_rows, f_cols, f_cov, f_scores = self._exhaustive(
                chunk, first, np.flatnonzero(fallback), top_k
            )
            parts.append((f_rows, f_cols, f_cov))
            part_scores.append(f_scores)
        rows = np.concatenate([p[0] for p in parts])
        cols = np.concatenate([p[1] for p in parts])
        cov = np.concatenate([p[2] for p in parts])
        scores = np.concatenate(part_scores)
        keep = scores >= RELEVANCE_THRESHOLD
        order = np.argsort(rows[keep], kind="stable")
        rows, cols = rows[keep][order], cols[keep][order]
        cov, scores = cov[keep][order], scores[keep][order]
        return rows, cols, cov, scores, _best_per_sorted_row(rows, cols, scores, top_k)

    def _locals(self, t_global, weak, floor, fallback):
        """Residents sharing a place with a task, where only that could bring one
        with weak matches alone up to the task's floor: (task in chunk, resident)."""
        side, groups = self.side, self.residents.groups
        rows, cols = [], []
        for kind in ("village", "cluster", "municipality"):
            codes = getattr(side, kind)[t_global]
            reach = _A * weak + self._other_max(t_global, PLACE_SCORES[kind]) + SLACK
            for t in np.flatnonzero(~fallback & (codes >= 0) & (reach >= floor)):
                members = groups[kind].members(int(codes[t]))
                if members.size:
                    rows.append(np.full(members.size, t, dtype=np.int64))
                    cols.append(members)
        if not rows:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        return np.concatenate(rows), np.concatenate(cols).astype(np.int64)

    def _excluded(self, chunk) -> np.ndarray | None:
        """(task in chunk, resident) pairs ruled out, as sorted keys."""
        out = [
            t * len(self.index.volunteers) + column
            for t, task in enumerate(chunk)
            for column in self.index.excluded.get(task.id, ())
        ]
        return np.unique(np.asarray(out, dtype=np.int64)) if out else None

    def _exhaustive(self, chunk, first, tasks_here: np.ndarray, top_k: int):
        """The exhaustive join for a few tasks of the chunk (their rows only)."""
        index = self.index
        sub = self.requirements[first + tasks_here]
        needed = np.unique(sub.indices)
        best = _best(self.scores[needed], index.incidence_p)
        sub = sub[:, needed]
        sub.sort_indices()
        coverage = (sub @ best).tocsr()
        subset = [chunk[int(t)] for t in tasks_here]
        if index.feedback:
            coverage = index.feedback.apply(coverage, subset)
        out = [
            (t, column)
            for t, task in enumerate(subset)
            for column in index.excluded.get(task.id, ())
        ]
        if out:
            rows, cols = zip(*out, strict=True)
            ruled_out = sparse.csr_matrix(
                (np.ones(len(out), dtype=np.float32), (rows, cols)),
                shape=coverage.shape,
            )
            coverage = (coverage - coverage.multiply(ruled_out)).tocsr()
            coverage.eliminate_zeros()
        coverage = _prune(coverage, top_k).tocoo()
        rows = tasks_here[coverage.row]
        cols, cov = coverage.col, coverage.data
        scores = combine(cov, rows + first, cols, self.side, index.side)
        if index.feedback:
            points = index.feedback.points(subset, coverage.row, cols)
            if points is not None:
                scores = np.minimum(scores + points, f32(100.0))
        return rows, cols, cov, scores


class _Gather:
    """Exact coverage of (task, resident) pairs of a chunk, from a dense block of the
    chunk's powered phrase-score rows."""

    def __init__(self, bounds: _Bounds, requirements: sparse.csr_matrix):
        needed = np.unique(requirements.indices)
        powered = bounds.powered[needed].tocoo()
        n_phrases = bounds.powered.shape[1]
        # One empty row (requirements a task does not have) and column (padding).
        block = np.zeros((needed.size + 1, n_phrases + 1), dtype=np.float32)
        block[powered.row, powered.col] = powered.data
        self.block = block
        counts = np.diff(requirements.indptr)
        width = max(1, int(counts.max(initial=0)))
        n = requirements.shape[0]
        rows = np.repeat(np.arange(n), counts)
        position = np.arange(requirements.nnz) - np.repeat(
            requirements.indptr[:-1], counts
        )
        self.row = np.full((n, width), needed.size, dtype=np.int32)
        self.share = np.zeros((n, width), dtype=np.float32)
        self.row[rows, position] = np.searchsorted(needed, requirements.indices)
        self.share[rows, position] = requirements.data
        self.residents = bounds.residents

    def coverage(self, t: np.ndarray, v: np.ndarray) -> np.ndarray:
        """The mean over the task's requirements of the soft maximum, summed as the
        sparse products sum it (requirements and phrases in ascending order)."""
        phrase = self.residents.phrase[v]
        weight = self.residents.weight[v]
        cov = np.zeros(t.shape, dtype=np.float32)
        for s in range(self.row.shape[1]):
            values = self.block[self.row[t, s][:, None], phrase]
            total = values[:, 0] * weight[:, 0]
            for m in range(1, phrase.shape[1]):
                total += values[:, m] * weight[:, m]
            best = np.minimum(total ** (1.0 / SOFTMAX_P), 1.0)
            cov += self.share[t, s] * best
        return cov


class _PairFeedback:
    """`_Feedback.apply` and `.points` for pairs rather than a matrix."""

    def __init__(self, feedback: _Feedback, chunk: Sequence[Task], n: int):
        self.feedback = feedback
        self.chunk = chunk
        self.delta = feedback.delta(chunk, (len(chunk), n))

    def apply(self, t: np.ndarray, v: np.ndarray, cov: np.ndarray) -> np.ndarray:
        if self.delta is None or t.size == 0:
            return cov
        delta = np.asarray(self.delta[t, v], dtype=np.float32).ravel()
        cov = cov + cov * delta
        np.clip(cov, 0.0, 1.0, out=cov)
        return cov

    def points(self, t: np.ndarray, v: np.ndarray) -> np.ndarray | None:
        return self.feedback.points(self.chunk, t, v)


def _indptr(rows: np.ndarray, n_rows: int) -> np.ndarray:
    return np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n_rows))))


def _pair_in(rows, cols, keys: np.ndarray, index_n: int) -> np.ndarray:
    pairs = rows.astype(np.int64) * index_n + cols
    at = np.minimum(np.searchsorted(keys, pairs), keys.size - 1)
    return keys[at] == pairs


def _row_cut(rows: np.ndarray, values: np.ndarray, n: int, m: int) -> np.ndarray:
    """Per entry: a value of its row such that at least `m` of the row reach it (the
    lower edge of a histogram bin; -inf for rows of `m` or fewer)."""
    counts = np.bincount(rows, minlength=n)
    slot = np.clip((values * _BINS).astype(np.int64), 0, _BINS - 1)
    histogram = np.bincount(rows * _BINS + slot, minlength=n * _BINS).reshape(n, _BINS)
    from_top = np.cumsum(histogram[:, ::-1], axis=1)
    edge = (_BINS - 1 - np.argmax(from_top >= m, axis=1)) / _BINS
    cut = np.where(counts > m, edge, -np.inf)
    return cut[rows]


def _kth(rows: np.ndarray, scores: np.ndarray, n: int, k: int) -> np.ndarray:
    """Per task: the k-th best score, or the relevance threshold if that is higher
    or fewer than k reach it."""
    floor = np.full(n, RELEVANCE_THRESHOLD, dtype=np.float64)
    if rows.size == 0:
        return floor
    order = np.lexsort((-scores, rows))
    rows_sorted = rows[order]
    starts = np.searchsorted(rows_sorted, np.arange(n))
    counts = np.bincount(rows, minlength=n)
    has = counts >= k
    kth = scores[order[np.minimum(starts + k - 1, rows.size - 1)]]
    floor[has] = np.maximum(floor[has], kth[has])
    return floor
