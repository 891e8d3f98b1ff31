"""Teams: the optimal assignment of ranked residents to tasks' places."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from .contract import Match, Task, Volunteer
from .scoring import _capacity

if TYPE_CHECKING:
    from . import MatchEngine


def assign_teams(
    engine: MatchEngine,
    tasks: Sequence[Task],
    volunteers: Sequence[Volunteer],
    ranked: dict[Hashable, list[Match]] | None = None,
    top_k: int = 25,
) -> dict[Hashable, list[Hashable]]:
    """Propose a team per task: fill "volunteers needed" with the best total score.

    An optimal assignment, not a greedy one: the linear programme "maximise the sum
    of scores, each task at most its places, each resident at most their capacity,
    each pair at most once" over the ranked candidates. Its matrix is totally
    unimodular (a bipartite b-matching), so HiGHS' optimum is whole.
    """
    from scipy.optimize import linprog

    if ranked is None:
        ranked = engine.rank(tasks, volunteers, top_k=top_k)
    team: dict[Hashable, list[Hashable]] = {task.id: [] for task in tasks}
    edges = [m for matches in ranked.values() for m in matches]
    if not edges:
        return team
    task_ids = sorted({m.task_id for m in edges}, key=str)
    volunteer_ids = sorted({m.volunteer_id for m in edges}, key=str)
    task_row = {task_id: i for i, task_id in enumerate(task_ids)}
    volunteer_row = {v: len(task_ids) + i for i, v in enumerate(volunteer_ids)}
    tasks_by_id = {t.id: t for t in tasks}
    volunteers_by_id = {v.id: v for v in volunteers}
    rows = [task_row[m.task_id] for m in edges] + [
        volunteer_row[m.volunteer_id] for m in edges
    ]
    cols = list(range(len(edges))) * 2
    constraints = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)),
        shape=(len(task_ids) + len(volunteer_ids), len(edges)),
    )
    limits = [tasks_by_id[t].volunteers_needed for t in task_ids] + [
        _capacity(volunteers_by_id[v], tasks_by_id) for v in volunteer_ids
    ]
    result = linprog(
        -np.array([m.score for m in edges]),
        A_ub=constraints,
        b_ub=np.array(limits, dtype=float),
        bounds=(0, 1),
        method="highs",
    )
    if result.status != 0:
        return team
    for match, chosen in zip(edges, result.x, strict=True):
        if chosen > 0.5:
            team[match.task_id].append(match.volunteer_id)
    for task_id, members in team.items():
        order = {m.volunteer_id: m.score for m in ranked.get(task_id, [])}
        members.sort(key=lambda v: -order.get(v, 0.0))
    return team
