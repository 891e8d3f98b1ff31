"""The engine's contract: what goes in (tasks, residents) and what comes out."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from .text import split_phrases


@dataclass(frozen=True)
class Task:
    """A task to fill. Only `id` and `skills` are required."""

    id: Hashable
    skills: tuple[str, ...]
    village: str | None = None
    cluster: str | None = None
    municipality: str | None = None
    # Slots the task needs: "weekdays", "evenings", "weekends", and seasons
    # ("spring", "summer", "autumn", "winter"); empty means any time.
    when: frozenset[str] = frozenset()
    volunteers_needed: int = 1
    hours: float = 0.0
    good_first_task: bool = False

    def __post_init__(self):
        object.__setattr__(self, "skills", split_phrases(self.skills))
        object.__setattr__(self, "when", frozenset(self.when))


@dataclass(frozen=True)
class Volunteer:
    """A resident. Only `id` and `skills` are required."""

    id: Hashable
    skills: tuple[str, ...]
    # One level per skill phrase ("teach", "do", "learn"); missing means "do".
    levels: tuple[str, ...] = ()
    village: str | None = None
    cluster: str | None = None
    municipality: str | None = None
    availability: frozenset[str] = frozenset()
    hours_per_month: float = 0.0  # 0: not said
    load_hours: float = 0.0  # hours already committed this month
    newcomer: bool = False
    # Tasks the resident dismissed, or an editor marked them unsuitable for.
    excluded_tasks: frozenset = frozenset()
    # Feedback to learn from, as the phrases of the tasks it was about. `declined`:
    # (cluster, phrase) of tasks the resident said no to (cluster "": it holds
    # everywhere) or an editor found them unsuitable for (the task's cluster: it holds
    # there). `proven`: phrases of tasks they were confirmed for or did.
    declined: frozenset[tuple[str, str]] = frozenset()
    proven: frozenset[str] = frozenset()

    def __post_init__(self):
        object.__setattr__(self, "skills", split_phrases(self.skills))
        object.__setattr__(self, "levels", tuple(self.levels))
        object.__setattr__(self, "availability", frozenset(self.availability))
        object.__setattr__(self, "excluded_tasks", frozenset(self.excluded_tasks))
        object.__setattr__(
            self, "declined", frozenset((str(c or ""), p) for c, p in self.declined)
        )
        object.__setattr__(self, "proven", frozenset(self.proven))

    @property
    def has_feedback(self) -> bool:
        return bool(self.declined or self.proven)

    def level(self, index: int) -> str:
        return self.levels[index] if index < len(self.levels) else ""


@dataclass(frozen=True)
class Reason:
    """Why a resident fits a task, in parts a person understands."""

    kind: str  # "skill", "place", "availability", "load", "newcomer", "feedback"
    how: str  # e.g. "synonym", "spelling variant", "same village"
    requirement: str | None = None  # the task's phrase
    phrase: str | None = None  # the resident's phrase
    skill: str | None = None  # the taxonomy skill (Danish name) both name
    skill_slug: str | None = None
    score: float = 0.0  # this part's contribution, 0–100


@dataclass(frozen=True)
class Match:
    task_id: Hashable
    volunteer_id: Hashable
    score: float  # 0–100
    reasons: tuple[Reason, ...] = field(default=())
    skill_coverage: float = 0.0  # 0–1: how much of what the task needs is covered
