"""Reasons: why a resident fits a task, in parts a person understands."""

from __future__ import annotations

from .contract import Reason, Task, Volunteer
from .scoring import (
    DECLINED_PENALTY,
    NEWCOMER_BOOST,
    PLACE_SCORES,
    PROVEN_POINTS,
    UNSUITABLE_PENALTY,
    _availability,
    _Feedback,
    _place_how,
)
from .text import normalise

HOW_LABELS = {
    "name": "same skill",
    "synonym": "synonym",
    "english": "English word",
    "misspelling": "spelling variant",
    "stem": "same word, other form",
    "compound": "part of a compound word",
    "spelling": "spelling variant",
    "related": "related skill",
    "implied": "included in their work",
    "near": "near match",
}


def _how(taxonomy, required_mapping, offered_mapping):
    """How two phrases meet: through which skill, and by what kind of word."""
    shared = set(required_mapping) & set(offered_mapping)
    if shared:
        index = max(
            shared,
            key=lambda i: required_mapping[i][0] * offered_mapping[i][0],
        )
        kind = offered_mapping[index][1]
        how = HOW_LABELS.get(kind, kind)
        return how, taxonomy.skills[index]
    implied = taxonomy.implied_pairs
    for b in required_mapping:
        for a in offered_mapping:
            if (a, b) in implied:
                return HOW_LABELS["implied"], taxonomy.skills[b]
    related = taxonomy.related_pairs
    for a in required_mapping:
        for b in offered_mapping:
            if (a, b) in related:
                return HOW_LABELS["related"], taxonomy.skills[a]
    return HOW_LABELS["near"], None


class _Explainer:
    """Reasons for many matches from one phrase-score matrix.

    What repeats across a national rematch — a requirement's phrase-score row, how two
    phrases meet, the Reason objects themselves — is worked out once and reused.
    """

    def __init__(self, taxonomy, required, offered, phrase_scores, feedback=None):
        self.taxonomy = taxonomy
        self.feedback: _Feedback | None = feedback or None
        self.required, self.offered = required, offered
        self.matrix = phrase_scores
        self.rows: dict[int, dict[int, float]] = {}
        self.skill_reasons: dict[tuple, Reason] = {}
        self.other_reasons: dict[tuple, Reason | None] = {}
        self.requirements: dict[int, list[tuple[str, int]]] = {}
        self.met: dict[tuple[int, int], tuple] = {}
        self.time_reasons: dict[tuple[frozenset, frozenset], Reason | None] = {}

    def _row(self, r: int) -> dict[int, float]:
        row = self.rows.get(r)
        if row is None:
            start, end = self.matrix.indptr[r], self.matrix.indptr[r + 1]
            row = self.rows[r] = dict(
                zip(
                    self.matrix.indices[start:end].tolist(),
                    self.matrix.data[start:end].tolist(),
                    strict=True,
                )
            )
        return row

    def _requirements(self, task: Task) -> list[tuple[str, int]]:
        found = self.requirements.get(id(task))
        if found is None:
            index = self.required.index
            found = self.requirements[id(task)] = [
                (phrase, index[key])
                for phrase in task.skills
                if (key := normalise(phrase)) in index
            ]
        return found

    def _skill_reason(self, requirement, phrase, r, v, value) -> Reason:
        score = round(float(value) * 100, 1)
        key = (requirement, phrase, r, v, score)
        reason = self.skill_reasons.get(key)
        if reason is None:
            met = self.met.get((r, v))
            if met is None:
                met = self.met[(r, v)] = _how(
                    self.taxonomy, self.required.mappings[r], self.offered.mappings[v]
                )
            how, skill = met
            reason = self.skill_reasons[key] = Reason(
                kind="skill",
                how=how,
                requirement=requirement,
                phrase=phrase,
                skill=skill.name_da if skill else None,
                skill_slug=skill.slug if skill else None,
                score=score,
            )
        return reason

    def _other(self, kind: str, how: str, score: float) -> Reason:
        key = (kind, how, score)
        reason = self.other_reasons.get(key)
        if reason is None:
            reason = self.other_reasons[key] = Reason(kind=kind, how=how, score=score)
        return reason

    def _time(self, task: Task, volunteer: Volunteer) -> Reason | None:
        """The availability reason, once per pair of a task's time and a resident's."""
        key = (task.when, volunteer.availability)
        if key in self.time_reasons:
            return self.time_reasons[key]
        shared = volunteer.availability & task.when
        reason = self.time_reasons[key] = (
            self._other(
                "availability",
                ", ".join(sorted(shared)),
                _availability(task, volunteer) * 100,
            )
            if shared
            else None
        )
        return reason

    def reasons(
        self,
        task: Task,
        volunteer: Volunteer,
        phrases: list[tuple[str, int, float]],
        column: int = 0,
    ) -> tuple[Reason, ...]:
        """`phrases`: the resident's (phrase, row, level factor), from their index;
        `column`: the resident's place in it (for their feedback)."""
        reasons = []
        # One reason per phrase of the resident: the requirement it meets best (one
        # phrase meeting three requirements is one line, not three alike).
        strongest: dict[str, tuple[float, str, int, int]] = {}
        for requirement, r in self._requirements(task):
            row = self._row(r)
            best = None
            top = 0.0
            for phrase, v, factor in phrases:
                value = row.get(v)
                if value is not None and value * factor > top:
                    top = value * factor
                    best = (top, phrase, v)
            if best is not None:
                value, phrase, v = best
                if value > strongest.get(phrase, (0.0,))[0]:
                    strongest[phrase] = (value, requirement, r, v)
        for phrase, (value, requirement, r, v) in sorted(
            strongest.items(), key=lambda item: -item[1][0]
        ):
            reasons.append(self._skill_reason(requirement, phrase, r, v, value))
        place = _place_how(task, volunteer)
        if place:
            reasons.append(self._other("place", place, PLACE_SCORES[place] * 100))
        if task.when and volunteer.availability:
            time = self._time(task, volunteer)
            if time is not None:
                reasons.append(time)
        if task.good_first_task and volunteer.newcomer:
            reasons.append(self._other("newcomer", "good first task", NEWCOMER_BOOST))
        if self.feedback is not None and volunteer.has_feedback:
            keys = self.feedback.alike.of_task(task)
            weights = {
                "declined": -DECLINED_PENALTY * 100,
                "unsuitable": -UNSUITABLE_PENALTY * 100,
                "proven": PROVEN_POINTS,
            }
            for how, share in self.feedback.shares(
                keys, str(task.cluster) if task.cluster else None, column
            ).items():
                score = round(weights[how] * share, 1)
                reasons.append(self._other("feedback", how, score))
        return tuple(reasons)
