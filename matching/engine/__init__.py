"""The matching engine: pairs action-plan tasks with the residents who could do them.

Pure Python, numpy, scipy and rapidfuzz — no Django — so it can be tested, benchmarked
and reasoned about on its own. The contract (``MatchEngine().rank(tasks, volunteers,
top_k)``, ``Task(id, skills)``, ``Volunteer(id, skills)``, ``Match``) is fixed; see
``shared/DESIGN.md``.

How a score comes about
-----------------------
1. *Phrases to skills.* Every phrase (what an editor requires, what a resident offers)
   is normalised (case, Danish letters, "aa" → "å", punctuation) and mapped to the skill
   taxonomy: the whole phrase, then each word, then Snowball-Danish stems, then Danish
   compounds split into known words ("tømrerarbejde" → "tømrer" + "arbejde"), then
   rapidfuzz against the taxonomy's words for spelling variants. What follows "til",
   "for", "på", … after a named skill says what for or where ("madlavning til 80
   gæster til høstfesten") and only hints at a skill of its own. Each mapping keeps how
   it was found (same skill, synonym, English word, spelling variant, near match).
2. *Phrase against phrase.* Two phrases match when they name the same taxonomy skill
   (full marks), related skills (part marks), or — outside the taxonomy — when their
   text is near enough (one ``process.cdist`` over the two deduplicated vocabularies).
   Look-alikes ("bogbinder"/"bogholder", "rydning"/"ridning") are different skills in
   the taxonomy and are never near matches of each other.
3. *Join.* Sparse matrices carry phrase scores to residents (the best of their
   phrases, by a soft maximum) and to tasks (the quadratic mean over the task's
   requirements: every required skill counts, and one met in full counts for more
   than two met by half).
4. *The rest.* Place, availability against the task's time, current load and a boost
   for newcomers on "good first tasks" adjust the skill score; below a relevance
   threshold nothing is returned.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from .assign import assign_teams
from .contract import Match, Reason, Task, Volunteer
from .explain import HOW_LABELS
from .index import TaskIndex, VolunteerIndex
from .scoring import (
    ALIKE_CONFIDENCE,
    DECLINED_PENALTY,
    LEVEL_FACTOR,
    NEWCOMER_BOOST,
    PLACE_SCORES,
    PROVEN_POINTS,
    RELEVANCE_THRESHOLD,
    UNSUITABLE_PENALTY,
    W_AVAILABILITY,
    W_LOAD,
    W_PLACE,
    W_SKILL,
    WELCOME_SCORE,
    _Alike,
    combine,
)
from .taxonomy import TAXONOMY_PATH, SkillInfo, Taxonomy
from .text import normalise, split_phrases, stem
from .vocabulary import NEAR_TEXT_CUTOFF, SPELLING_CUTOFF, _Vocabulary

__all__ = [
    "ALIKE_CONFIDENCE",
    "DECLINED_PENALTY",
    "ENGINE_VERSION",
    "READING_VERSION",
    "HOW_LABELS",
    "LEVEL_FACTOR",
    "NEAR_TEXT_CUTOFF",
    "NEWCOMER_BOOST",
    "PLACE_SCORES",
    "PROVEN_POINTS",
    "RELEVANCE_THRESHOLD",
    "SPELLING_CUTOFF",
    "TAXONOMY_PATH",
    "UNSUITABLE_PENALTY",
    "WELCOME_SCORE",
    "W_AVAILABILITY",
    "W_LOAD",
    "W_PLACE",
    "W_SKILL",
    "Match",
    "MatchEngine",
    "Reason",
    "SkillInfo",
    "Task",
    "TaskIndex",
    "Taxonomy",
    "Volunteer",
    "VolunteerIndex",
    "normalise",
    "split_phrases",
    "stem",
]


ENGINE_VERSION = "1.0"
# Moves whenever the way a phrase is read changes (compounds, heads, spans): readings
# stored with an older one are read again.
READING_VERSION = "6"


class MatchEngine:
    """Rank residents for tasks and tasks for residents, and propose teams."""

    version = ENGINE_VERSION

    def __init__(self, taxonomy: Taxonomy | Sequence[dict] | None = None):
        if taxonomy is None:
            taxonomy = Taxonomy.builtin()
        elif not isinstance(taxonomy, Taxonomy):
            taxonomy = Taxonomy(taxonomy)
        self.taxonomy = taxonomy
        self.alike = _Alike(taxonomy)

    # Public API -----------------------------------------------------------------------

    def read(self, phrases: Sequence[str]) -> list[dict[str, tuple[float, str, str]]]:
        """How the engine reads each phrase: {skill slug: (confidence 0–1, how, word)}.

        The one reading of a phrase, as matching itself uses it (whole phrase, words,
        stems, compounds, "og"-phrases, then spelling variants); an empty dict means
        the taxonomy does not know the phrase.
        """
        vocabulary = _Vocabulary(self.taxonomy, phrases)
        skills = self.taxonomy.skills
        readings = []
        for phrase in phrases:
            row = vocabulary.index.get(normalise(phrase))
            mapping = vocabulary.mappings[row] if row is not None else {}
            readings.append(
                {
                    skills[index].slug: value
                    for index, value in sorted(
                        mapping.items(), key=lambda item: -item[1][0]
                    )
                }
            )
        return readings

    def rank(
        self,
        tasks: Sequence[Task],
        volunteers: Sequence[Volunteer],
        top_k: int = 10,
    ) -> dict[Hashable, list[Match]]:
        """For each task, the best residents (at most `top_k`), best first."""
        return self.index(volunteers).rank(tasks, top_k=top_k)

    def rank_tasks(
        self, volunteer: Volunteer, tasks: Sequence[Task], top_k: int = 10
    ) -> list[Match]:
        """For one resident, the tasks that fit them best (at most `top_k`)."""
        return self.index_tasks(tasks).rank_volunteer(volunteer, top_k=top_k)

    def index(self, volunteers: Sequence[Volunteer]) -> VolunteerIndex:
        """Build the residents' side once; then rank new tasks against it quickly."""
        return VolunteerIndex(self, volunteers)

    def index_tasks(self, tasks: Sequence[Task]) -> TaskIndex:
        """Build the tasks' side once; then rank changed profiles against it quickly."""
        return TaskIndex(self, tasks)

    def assign(
        self,
        tasks: Sequence[Task],
        volunteers: Sequence[Volunteer],
        ranked: dict[Hashable, list[Match]] | None = None,
        top_k: int = 25,
    ) -> dict[Hashable, list[Hashable]]:
        """Propose a team per task: fill "volunteers needed" with the best total score
        (an optimal assignment; see `assign.assign_teams`)."""
        return assign_teams(self, tasks, volunteers, ranked=ranked, top_k=top_k)

    # Scoring parts shared by both indexes -------------------------------------------

    def _combine(self, coverage, task_rows, volunteer_cols, tasks, volunteers):
        """Final scores for candidate pairs (see `scoring.combine`)."""
        return combine(coverage, task_rows, volunteer_cols, tasks, volunteers)
