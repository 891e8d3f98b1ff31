"""Indexes built once and ranked against quickly: residents' side and tasks'."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from .contract import Match, Reason, Task, Volunteer
from .explain import _Explainer

if TYPE_CHECKING:
    from . import MatchEngine
from .scoring import (
    LEVEL_FACTOR,
    PLACE_SCORES,
    RELEVANCE_THRESHOLD,
    W_PLACE,
    WELCOME_SCORE,
    _best,
    _best_per_sorted_row,
    _Codes,
    _coverage,
    _Feedback,
    _other_max,
    _place_how,
    _power,
    _powered,
    _prune,
    _Side,
    _task_requirements,
    _top_k,
)
from .text import normalise
from .vocabulary import _phrase_scores, _Vocabulary

TASK_CHUNK = 500  # tasks scored at a time, to bound memory


# Threads for the join: two chunks in flight (this machine has two cores; more would
# only raise peak memory while the writing of matches holds the GIL).
JOIN_THREADS = 2


class VolunteerIndex:
    """Residents' phrases, their skills and the phrase→resident matrix, built once."""

    def __init__(self, engine: MatchEngine, volunteers: Sequence[Volunteer]):
        self.engine = engine
        self.volunteers = list(volunteers)
        self.offered = _Vocabulary(
            engine.taxonomy, (p for v in self.volunteers for p in v.skills)
        )
        # Per resident: (phrase, its row in the vocabulary, level factor), for reasons.
        # (Each distinct phrase is normalised once: a national index holds half a
        # million phrases, and few distinct ones.)
        index = self.offered.index
        row_of = {
            phrase: index.get(normalise(phrase), -1)
            for phrase in {p for v in self.volunteers for p in v.skills}
        }
        plain = LEVEL_FACTOR.get("", 1.0)
        self.phrases: list[list[tuple[str, int, float]]] = [
            [
                (phrase, row, plain)
                for phrase in volunteer.skills
                if (row := row_of[phrase]) >= 0
            ]
            if not volunteer.levels
            else [
                (phrase, row, LEVEL_FACTOR.get(volunteer.level(position), 1.0))
                for position, phrase in enumerate(volunteer.skills)
                if (row := row_of[phrase]) >= 0
            ]
            for volunteer in self.volunteers
        ]
        rows = [row for phrases in self.phrases for _p, row, _f in phrases]
        cols = [c for c, phrases in enumerate(self.phrases) for _ in phrases]
        values = [factor for phrases in self.phrases for _p, _r, factor in phrases]
        # phrase × resident, with the resident's level for that phrase.
        self.incidence = sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)),
            shape=(len(self.offered.keys), len(self.volunteers)),
        )
        # For the soft maximum: level^p, so (score·level)^p = score^p · level^p.
        self.incidence_p = self.incidence.copy()
        self.incidence_p.data = _power(self.incidence_p.data)
        self.codes = _Codes()
        self.side = _Side(self.volunteers, self.codes, tasks=False)
        self.excluded: dict[Hashable, list[int]] = defaultdict(list)
        for column, volunteer in enumerate(self.volunteers):
            for task_id in volunteer.excluded_tasks:
                self.excluded[task_id].append(column)
        self.feedback = _Feedback(engine.alike, self.volunteers)

    def rank(
        self, tasks: Sequence[Task], top_k: int = 10
    ) -> dict[Hashable, list[Match]]:
        tasks = list(tasks)
        result: dict[Hashable, list[Match]] = {task.id: [] for task in tasks}
        if not tasks or not self.volunteers:
            return result
        required = _Vocabulary(
            self.engine.taxonomy, (p for t in tasks for p in t.skills)
        )
        phrase_scores = _phrase_scores(self.engine.taxonomy, required, self.offered)
        explainer = _Explainer(
            self.engine.taxonomy, required, self.offered, phrase_scores, self.feedback
        )
        best = _powered(_best(phrase_scores, self.incidence_p))
        side = _Side(tasks, self.codes, tasks=True)  # here: codes are not thread-safe
        requirements = _task_requirements(tasks, required)
        firsts = range(0, len(tasks), TASK_CHUNK)

        def score(first: int):
            return self._score_chunk(
                tasks, first, requirements, best, side, top_k=top_k
            )

        # Chunks are scored on a second thread (numpy and scipy let go of the GIL)
        # while this one writes the matches of the chunk before.
        with ThreadPoolExecutor(max_workers=JOIN_THREADS) as pool:
            pending: list[Future | None] = [
                pool.submit(score, first) for first in firsts[:JOIN_THREADS]
            ]
            for n, first in enumerate(firsts):
                future = pending[n]
                assert future is not None  # noqa: S101 (submitted above)
                rows, cols, cov, scores, picked = future.result()
                pending[n] = None  # let the chunk's arrays go
                if n + JOIN_THREADS < len(firsts):
                    pending.append(pool.submit(score, firsts[n + JOIN_THREADS]))
                for i in picked:
                    task = tasks[first + int(rows[i])]
                    volunteer = self.volunteers[int(cols[i])]
                    result[task.id].append(
                        Match(
                            task_id=task.id,
                            volunteer_id=volunteer.id,
                            score=round(float(scores[i]), 1),
                            reasons=explainer.reasons(
                                task,
                                volunteer,
                                self.phrases[int(cols[i])],
                                int(cols[i]),
                            ),
                            skill_coverage=round(float(cov[i]), 3),
                        )
                    )
        return result

    def _score_chunk(self, tasks, first, requirements, best, side, *, top_k):
        """Candidates of TASK_CHUNK tasks: coverage, prune, scores, the top k each."""
        chunk = tasks[first : first + TASK_CHUNK]
        # Task × resident: the quadratic mean over the task's requirements of the
        # best match, so that every required skill counts (see `_coverage`).
        coverage = _coverage(requirements[first : first + TASK_CHUNK], best)
        if self.feedback:
            coverage = self.feedback.apply(coverage, chunk)
        # Residents who ruled a task out go before the prune, so that the ones who
        # would take their places in its top k are not pruned away.
        out = [
            (t, column)
            for t, task in enumerate(chunk)
            for column in self.excluded.get(task.id, ())
        ]
        if out:
            rows, cols = zip(*out, strict=True)
            ruled_out = sparse.csr_matrix(
                (np.ones(len(out), dtype=np.float32), (rows, cols)),
                shape=coverage.shape,
            )
            coverage = (coverage - coverage.multiply(ruled_out)).tocsr()
            coverage.eliminate_zeros()

        def final(rows, cols, cov):
            scores = self.engine._combine(cov, rows + first, cols, side, self.side)
            if self.feedback:
                points = self.feedback.points(chunk, rows, cols)
                if points is not None:
                    scores = np.minimum(scores + points, np.float32(100.0))
            return scores

        other_max = _other_max(
            side, np.arange(first, first + len(chunk)), bool(self.feedback.proven)
        )
        coverage = _prune(coverage, top_k, final, other_max).tocoo()
        rows, cols, cov = coverage.row, coverage.col, coverage.data
        del coverage
        scores = final(rows, cols, cov)
        keep = scores >= RELEVANCE_THRESHOLD
        rows, cols, cov, scores = rows[keep], cols[keep], cov[keep], scores[keep]
        return rows, cols, cov, scores, _best_per_sorted_row(rows, cols, scores, top_k)


class TaskIndex:
    """Tasks' phrases and their skills, built once; residents ranked against them."""

    def __init__(self, engine: MatchEngine, tasks: Sequence[Task]):
        self.engine = engine
        self.tasks = list(tasks)
        self.required = _Vocabulary(
            engine.taxonomy, (p for t in self.tasks for p in t.skills)
        )
        self.codes = _Codes()
        self.side = _Side(self.tasks, self.codes, tasks=True)
        self.task_requirements = _task_requirements(self.tasks, self.required)

    def rank_volunteer(self, volunteer: Volunteer, top_k: int = 10) -> list[Match]:
        if not self.tasks:
            return []
        if not volunteer.skills:
            return self._welcome(volunteer, [], top_k)
        index = VolunteerIndex(self.engine, [volunteer])
        phrase_scores = _phrase_scores(
            self.engine.taxonomy, self.required, index.offered
        )
        best = _powered(_best(phrase_scores, index.incidence_p))
        coverage = _coverage(self.task_requirements, best)
        if index.feedback:
            coverage = index.feedback.apply(coverage, self.tasks)
        coverage = coverage.tocoo()
        rows, cov = coverage.row, coverage.data
        recognised = any(index.offered.mappings)
        if rows.size == 0:
            return self._welcome(volunteer, [], top_k, recognised=recognised)
        side = _Side([volunteer], self.codes, tasks=False)
        columns = np.zeros(rows.shape, dtype=np.int64)
        scores = self.engine._combine(cov, rows, columns, self.side, side)
        if index.feedback:
            points = index.feedback.points(self.tasks, rows, columns)
            if points is not None:
                scores = np.minimum(scores + points, np.float32(100.0))
        keep = scores >= RELEVANCE_THRESHOLD
        if volunteer.excluded_tasks:
            keep &= np.array(
                [
                    self.tasks[r].id not in volunteer.excluded_tasks
                    for r in rows.tolist()
                ]
            )
        rows, cov, scores = rows[keep], cov[keep], scores[keep]
        explainer = _Explainer(
            self.engine.taxonomy,
            self.required,
            index.offered,
            phrase_scores,
            index.feedback,
        )
        matches = []
        for i in _top_k(scores, top_k).tolist():
            task = self.tasks[int(rows[i])]
            matches.append(
                Match(
                    task_id=task.id,
                    volunteer_id=volunteer.id,
                    score=round(float(scores[i]), 1),
                    reasons=explainer.reasons(task, volunteer, index.phrases[0]),
                    skill_coverage=round(float(cov[i]), 3),
                )
            )
        return self._welcome(volunteer, matches, top_k, recognised=recognised)

    def _welcome(
        self,
        volunteer: Volunteer,
        matches: list[Match],
        top_k: int,
        *,
        recognised: bool = False,
    ) -> list[Match]:
        """Bring newcomers in: good first tasks near them, whatever they wrote.

        For a resident new to volunteering, or whose phrases the engine cannot read,
        the good first tasks in their village, cluster or municipality are offered
        (after any task their skills fit), each with the reason why.
        """
        if recognised and not volunteer.newcomer:
            return matches
        taken = {m.task_id for m in matches} | set(volunteer.excluded_tasks)
        offered = []
        for task in self.tasks:
            if not task.good_first_task or task.id in taken:
                continue
            place = _place_how(task, volunteer)
            if place is None:
                continue
            score = WELCOME_SCORE + PLACE_SCORES[place] * W_PLACE * 100
            offered.append(
                Match(
                    task_id=task.id,
                    volunteer_id=volunteer.id,
                    score=round(score, 1),
                    reasons=(
                        Reason(kind="newcomer", how="welcome", score=WELCOME_SCORE),
                        Reason(
                            kind="place", how=place, score=PLACE_SCORES[place] * 100
                        ),
                    ),
                )
            )
        offered.sort(key=lambda m: (-m.score, str(m.task_id)))
        return [*matches, *offered][:top_k]
