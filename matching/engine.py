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
   rapidfuzz against the taxonomy's words for spelling variants. Each mapping keeps how
   it was found (same skill, synonym, English word, spelling variant, near match).
2. *Phrase against phrase.* Two phrases match when they name the same taxonomy skill
   (full marks), related skills (part marks), or — outside the taxonomy — when their
   text is near enough (one ``process.cdist`` over the two deduplicated vocabularies).
   Look-alikes ("bogbinder"/"bogholder", "rydning"/"ridning") are different skills in
   the taxonomy and are never near matches of each other.
3. *Join.* Sparse matrices carry phrase scores to residents (the best of their
   phrases, by a soft maximum) and to tasks (the mean over the task's requirements:
   every required skill counts, not just one).
4. *The rest.* Place, availability against the task's time, current load and a boost
   for newcomers on "good first tasks" adjust the skill score; below a relevance
   threshold nothing is returned.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer
from rapidfuzz import fuzz, process
from scipy import sparse

ENGINE_VERSION = "1.0"
# The built-in Danish taxonomy: data owned by the `skills` app (read as a file; the
# engine imports nothing of the project).
TAXONOMY_PATH = (
    Path(__file__).resolve().parent.parent / "skills" / "data" / "skills.json"
)

# --- Weights (each with its reason) ---------------------------------------------------
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
# Phrase-level scores (0–1): how sure we are two phrases mean the same skill.
SAME_SKILL = 1.0
RELATED_SKILL = 0.6
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
# Text similarity (rapidfuzz, 0–100) for phrases the taxonomy does not know.
NEAR_TEXT_CUTOFF = 88
# Spelling variants of taxonomy words (rapidfuzz ratio, 0–100).
SPELLING_CUTOFF = 85
# Soft maximum for the join: (Σ sᵖ)^(1/p) is within a few per cent of max(s).
SOFTMAX_P = 8

HOW_LABELS = {
    "name": "same skill",
    "synonym": "synonym",
    "english": "English word",
    "misspelling": "spelling variant",
    "stem": "same word, other form",
    "compound": "part of a compound word",
    "spelling": "spelling variant",
    "related": "related skill",
    "near": "near match",
}

_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("danish")
LINKING = ("s", "e", "")  # Danish compound joints: regnskab-s-hjælp, plant-e-kasse


@lru_cache(maxsize=262_144)
def normalise(text: str) -> str:
    """Lower case, NFC, "aa" read as "å", punctuation and extra spaces removed."""
    text = unicodedata.normalize("NFC", str(text)).lower()
    text = text.replace("aa", "å")
    text = _NOT_WORD.sub(" ", text).replace("_", " ")
    return _SPACE.sub(" ", text).strip()


def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


# --- The contract ---------------------------------------------------------------------


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


def split_phrases(skills) -> tuple[str, ...]:
    """Split a list of skills as people write it ("tømrer, regnskab\nsociale medier")
    into phrases, each once (by case), blanks and bare punctuation left out.

    The one way a list of skills is split, for tasks, residents and every count.
    """
    if isinstance(skills, str):
        skills = re.split(r"[,;\n]", skills)
    seen = {}
    for phrase in skills:
        phrase = " ".join(str(phrase).split())
        if phrase and normalise(phrase) and phrase.casefold() not in seen:
            seen[phrase.casefold()] = phrase
    return tuple(seen.values())


# --- The taxonomy ---------------------------------------------------------------------


@dataclass(frozen=True)
class SkillInfo:
    index: int
    slug: str
    name_da: str
    name_en: str
    category: str


class Taxonomy:
    """The skills and every word for them, indexed for lookups."""

    def __init__(self, skills: Sequence[dict]):
        self.skills: list[SkillInfo] = []
        # normalised word -> list of (skill index, kind); a word belongs to one skill in
        # the shipped data, but editors may add overlaps.
        self.words: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.stems: dict[str, list[tuple[int, str]]] = defaultdict(list)
        slugs = {}
        for item in skills:
            info = SkillInfo(
                index=len(self.skills),
                slug=item["slug"],
                name_da=item.get("da") or item.get("name_da") or item["slug"],
                name_en=item.get("en") or item.get("name_en") or "",
                category=item.get("category", ""),
            )
            self.skills.append(info)
            slugs[info.slug] = info.index
            entries = [
                (info.name_da, "name"),
                (info.name_en, "english"),
                *((w, "synonym") for w in item.get("synonyms", ())),
                *((w, "english") for w in item.get("english", ())),
                *((w, "misspelling") for w in item.get("misspellings", ())),
            ]
            for word, kind in entries:
                key = normalise(word)
                if not key:
                    continue
                if all(i != info.index for i, _k in self.words[key]):
                    self.words[key].append((info.index, kind))
        related = []
        for item in skills:
            a = slugs[item["slug"]]
            for other in item.get("related", ()):
                if other in slugs and slugs[other] != a:
                    related.append((a, slugs[other]))
                    related.append((slugs[other], a))
        n = len(self.skills)
        if related:
            rows, cols = zip(*set(related), strict=True)
            self.related = sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n)
            )
        else:
            self.related = sparse.csr_matrix((n, n), dtype=np.float32)
        self.related_pairs = set(zip(*self.related.nonzero(), strict=True))
        # Single words of the taxonomy, for stems and compounds.
        # Stems only of real words (not of misspellings, whose stems collide with
        # other words: "tømer" and "tømme" share "tøm"), and of at least 4 letters.
        for key, hits in list(self.words.items()):
            real = [(i, kind) for i, kind in hits if kind != "misspelling"]
            if " " not in key and real and len(stem(key)) >= 4:
                self.stems[stem(key)].extend(real)
        self.parts = sorted(
            {w for w in self.words if " " not in w and len(w) >= 4},
            key=len,
            reverse=True,
        )
        self.vocabulary = list(self.words)

    @classmethod
    def builtin(cls) -> Taxonomy:
        data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
        return cls(data["skills"])

    # A phrase -> {skill index: (confidence 0–1, how, matched word)} -------------------

    def lookup(self, phrase: str) -> dict[int, tuple[float, str, str]]:
        key = normalise(phrase)
        found: dict[int, tuple[float, str, str]] = {}
        if not key:
            return found

        def add(hits, confidence, how, word):
            for index, kind in hits:
                how_here = kind if how is None else how
                if confidence > found.get(index, (0.0,))[0]:
                    found[index] = (confidence, how_here, word)

        if key in self.words:
            add(self.words[key], 1.0, None, key)
            return found
        if " " not in key and len(stem(key)) >= 4 and stem(key) in self.stems:
            add(self.stems[stem(key)], 0.97, "stem", key)
            return found
        if " og " in f" {key} " or "," in phrase:
            # "klippe hæk og græs", "tømrer og maler": each part on its own.
            for part in re.split(r"\bog\b|,", key):
                if part.strip() and part.strip() != key:
                    for index, value in self.lookup(part.strip()).items():
                        if value[0] > found.get(index, (0.0,))[0]:
                            found[index] = value
            if found:
                return found
        tokens = key.split()
        for token in tokens:
            if token in self.words and len(token) >= 3:
                add(self.words[token], 0.9, None, token)
            elif (
                len(token) >= 4 and len(stem(token)) >= 4 and stem(token) in self.stems
            ):
                add(self.stems[stem(token)], 0.88, "stem", token)
            elif len(token) >= 7:
                for part in self.compound_parts(token):
                    add(self.words[part], 0.85, "compound", part)
        return found

    def compound_parts(self, token: str) -> list[str]:
        """Split a Danish compound into known taxonomy words.

        The longest known word it starts with (the modifier) and the longest it ends
        with (the head, which decides the meaning), joined by nothing, "s" or "e":
        "regnskabshjælp" → "regnskab" + "hjælp". Shorter words inside a longer one
        already found ("plante" inside "plantekasse") are not parts of their own.
        """
        prefix = suffix = None
        for word in self.parts:  # longest first
            if len(word) >= len(token) - 2:
                continue
            if prefix is None and token.startswith(word):
                rest = token[len(word) :]
                if any(
                    rest.startswith(joint) and len(rest) - len(joint) >= 3
                    for joint in LINKING
                ):
                    prefix = word
            elif (
                suffix is None and token.endswith(word) and len(token) - len(word) >= 3
            ):
                suffix = word
            if prefix and suffix:
                break
        if prefix and suffix and len(prefix) + len(suffix) > len(token) + 1:
            suffix = None  # they overlap: one word read twice
        return [part for part in (suffix, prefix) if part]


# --- Vocabulary of phrases ------------------------------------------------------------


class _Vocabulary:
    """Deduplicated normalised phrases with their taxonomy mappings, as a matrix."""

    def __init__(self, taxonomy: Taxonomy, phrases: Iterable[str]):
        self.taxonomy = taxonomy
        self.index: dict[str, int] = {}
        for phrase in phrases:
            key = normalise(phrase)
            if key and key not in self.index:
                self.index[key] = len(self.index)
        self.keys = list(self.index)
        self.mappings = self._map_all()
        self.matrix = self._matrix()

    def _map_all(self) -> list[dict[int, tuple[float, str, str]]]:
        mappings = [self.taxonomy.lookup(key) for key in self.keys]
        unmapped = [i for i, m in enumerate(mappings) if not m]
        if unmapped and self.taxonomy.vocabulary:
            queries = [self.keys[i] for i in unmapped]
            scores = process.cdist(
                queries,
                self.taxonomy.vocabulary,
                scorer=fuzz.ratio,
                score_cutoff=SPELLING_CUTOFF,
                dtype=np.uint8,
                workers=-1,
            )
            rows, cols = np.nonzero(scores)
            for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
                word = self.taxonomy.vocabulary[col]
                confidence = 0.6 + 0.35 * (int(scores[row, col]) - SPELLING_CUTOFF) / (
                    100 - SPELLING_CUTOFF
                )
                mapping = mappings[unmapped[row]]
                for index, _kind in self.taxonomy.words[word]:
                    if confidence > mapping.get(index, (0.0,))[0]:
                        mapping[index] = (confidence, "spelling", word)
        return mappings

    def _matrix(self) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for row, mapping in enumerate(self.mappings):
            for index, (confidence, _how, _word) in mapping.items():
                rows.append(row)
                cols.append(index)
                values.append(confidence)
        return sparse.csr_matrix(
            (np.asarray(values, dtype=np.float32), (rows, cols)),
            shape=(len(self.keys), len(self.taxonomy.skills)),
        )


def _phrase_scores(
    taxonomy: Taxonomy, required: _Vocabulary, offered: _Vocabulary
) -> sparse.csr_matrix:
    """Score every required phrase against every offered phrase (0–1, sparse)."""
    same = (required.matrix @ offered.matrix.T).tocsr()
    same.data = np.minimum(same.data, 1.0) * SAME_SKILL
    related = (required.matrix @ taxonomy.related @ offered.matrix.T).tocsr()
    related.data = np.minimum(related.data, 1.0) * RELATED_SKILL
    scores = same.maximum(related)
    # Phrases the taxonomy does not know can still match each other as text — only
    # those, so look-alikes the taxonomy tells apart stay apart. One cdist over just
    # these two parts of the vocabularies (the rest could never score as text).
    free_required = np.flatnonzero(np.diff(required.matrix.indptr) == 0)
    free_offered = np.flatnonzero(np.diff(offered.matrix.indptr) == 0)
    if free_required.size and free_offered.size:
        text = process.cdist(
            [required.keys[i] for i in free_required.tolist()],
            [offered.keys[i] for i in free_offered.tolist()],
            scorer=fuzz.token_set_ratio,
            score_cutoff=NEAR_TEXT_CUTOFF,
            dtype=np.uint8,
            workers=-1,
        )
        rows, cols = np.nonzero(text)
        if rows.size:
            text = sparse.csr_matrix(
                (
                    text[rows, cols].astype(np.float32) / 100.0 * 0.85,
                    (free_required[rows], free_offered[cols]),
                ),
                shape=scores.shape,
            )
            scores = scores.maximum(text)
    scores = scores.tocsr()
    scores.eliminate_zeros()
    return scores


# --- The engine -----------------------------------------------------------------------


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
        """Propose a team per task: fill "volunteers needed" with the best total score.

        An optimal assignment, not a greedy one: the linear programme "maximise the sum
        of scores, each task at most its places, each resident at most their capacity,
        each pair at most once" over the ranked candidates. Its matrix is totally
        unimodular (a bipartite b-matching), so HiGHS' optimum is whole.
        """
        from scipy.optimize import linprog

        if ranked is None:
            ranked = self.rank(tasks, volunteers, top_k=top_k)
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

    # Scoring parts shared by both indexes -------------------------------------------

    def _combine(
        self,
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
        place[(tm >= 0) & (tm == volunteers.municipality[v])] = PLACE_SCORES[
            "municipality"
        ]
        tc = tasks.cluster[t]
        place[(tc >= 0) & (tc == volunteers.cluster[v])] = PLACE_SCORES["cluster"]
        tv = tasks.village[t]
        place[(tv >= 0) & (tv == volunteers.village[v])] = PLACE_SCORES["village"]
        place[tasks.no_place[t]] = 0.5  # a task without a place: neither good nor bad

        need, free_slots = tasks.mask[t], volunteers.mask[v]
        availability = _POPCOUNT[need & free_slots] / np.maximum(
            _POPCOUNT[need], f32(1)
        )
        availability[free_slots == 0] = 0.5
        availability[need == 0] = 1.0

        hours = volunteers.hours[v]
        load = np.clip(
            (hours - volunteers.load[v]) / tasks.hours_or_one[t], f32(0), f32(1)
        )
        load[hours <= 0] = 0.7

        weight = f32(100.0 / (W_SKILL + W_PLACE + W_AVAILABILITY + W_LOAD))
        score = coverage.astype(f32, copy=False) * f32(W_SKILL * weight)
        score += place * f32(W_PLACE * weight)
        score += availability * f32(W_AVAILABILITY * weight)
        score += load * f32(W_LOAD * weight)
        score[tasks.first[t] & volunteers.newcomer[v]] += f32(NEWCOMER_BOOST)
        return np.minimum(score, f32(100.0))


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
    related = taxonomy.related_pairs
    for a in required_mapping:
        for b in offered_mapping:
            if (a, b) in related:
                return HOW_LABELS["related"], taxonomy.skills[a]
    return HOW_LABELS["near"], None


def _place_how(task: Task, volunteer: Volunteer) -> str | None:
    if task.village and task.village == volunteer.village:
        return "village"
    if task.cluster and task.cluster == volunteer.cluster:
        return "cluster"
    if task.municipality and task.municipality == volunteer.municipality:
        return "municipality"
    return None


def _availability(task: Task, volunteer: Volunteer) -> float:
    if not task.when:
        return 1.0
    if not volunteer.availability:
        return 0.5  # not said
    return len(task.when & volunteer.availability) / len(task.when)


def _capacity(volunteer: Volunteer, tasks_by_id: dict) -> int:
    """How many tasks a resident can take on: their free hours over a typical task."""
    if not volunteer.hours_per_month:
        return 1
    free = volunteer.hours_per_month - volunteer.load_hours
    if free <= 0:
        return 0
    hours = [t.hours for t in tasks_by_id.values() if t.hours] or [4.0]
    typical = float(np.median(hours))
    return max(1, min(int(free // typical), 3))


# --- Indexes ------------------------------------------------------------------------

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
TASK_CHUNK = 500  # tasks scored at a time, to bound memory
# Threads for the join: two chunks in flight (this machine has two cores; more would
# only raise peak memory while the writing of matches holds the GIL).
JOIN_THREADS = 2


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
        return np.fromiter(
            (
                earned.get(pair, 0.0)
                for pair in zip(rows.tolist(), cols.tolist(), strict=True)
            ),
            np.float32,
            len(rows),
        )

    def apply(self, coverage: sparse.csr_matrix, tasks: Sequence[Task]):
        """Move the skill scores of the pairs feedback is about (before the prune,
        so that the top k it picks is still the true one)."""
        delta = self.delta(tasks, coverage.shape)
        if delta is None:
            return coverage
        coverage = (coverage + coverage.multiply(delta)).tocsr()
        np.clip(coverage.data, 0.0, 1.0, out=coverage.data)
        return coverage


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
            how, skill = _how(
                self.taxonomy, self.required.mappings[r], self.offered.mappings[v]
            )
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
            for phrase, v, factor in phrases:
                value = row.get(v, 0.0) * factor
                if value > 0 and (best is None or value > best[0]):
                    best = (value, phrase, v)
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
        if task.when and volunteer.availability & task.when:
            reasons.append(
                self._other(
                    "availability",
                    ", ".join(sorted(volunteer.availability & task.when)),
                    _availability(task, volunteer) * 100,
                )
            )
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


# Everything but skills adds at most this much to a score (0–1 of the weights, plus the
# newcomer boost): a resident whose skill coverage trails the k-th best by more cannot
# reach that task's top k.
_OTHER_MAX = (W_PLACE + W_AVAILABILITY + W_LOAD) + (
    NEWCOMER_BOOST + PROVEN_POINTS
) / 100.0


_PRUNE_BINS = 256  # resolution of the per-task histogram that bounds the k-th best


def _prune(coverage: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Drop candidates that cannot make a task's top k, whatever else they bring.

    Works on `coverage` in place (a fresh product, owned by the caller) and returns it.

    A resident whose coverage trails the task's k-th best by more than the other parts
    can make up is out. The k-th best comes from a histogram per task (one bincount for
    the whole chunk, no loop): the lower edge of the bin holding it is a bound from
    below, so the cut keeps everyone the exact k-th best would keep, and a few more.
    """
    counts = np.diff(coverage.indptr)
    if not (counts > k).any():
        return coverage
    bins = _PRUNE_BINS
    n_rows = coverage.shape[0]
    rows = np.repeat(np.arange(n_rows, dtype=np.int32), counts)
    slot = (coverage.data * bins).astype(np.int32)
    np.minimum(slot, bins - 1, out=slot)
    slot += rows * bins
    histogram = np.bincount(slot, minlength=n_rows * bins).reshape(n_rows, bins)
    from_top = np.cumsum(histogram[:, ::-1], axis=1)
    kth_bin = bins - 1 - np.argmax(from_top >= k, axis=1)
    margin = _OTHER_MAX / W_SKILL
    cut = np.where(counts > k, kth_bin / bins - margin - 1e-6, -np.inf)
    cut = cut.astype(np.float32)
    # Zero what is out and compact in place (cheaper than copying through a mask).
    np.multiply(coverage.data, coverage.data >= cut[rows], out=coverage.data)
    coverage.eliminate_zeros()
    return coverage


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


class VolunteerIndex:
    """Residents' phrases, their skills and the phrase→resident matrix, built once."""

    def __init__(self, engine: MatchEngine, volunteers: Sequence[Volunteer]):
        self.engine = engine
        self.volunteers = list(volunteers)
        self.offered = _Vocabulary(
            engine.taxonomy, (p for v in self.volunteers for p in v.skills)
        )
        # Per resident: (phrase, its row in the vocabulary, level factor), for reasons.
        index = self.offered.index
        self.phrases: list[list[tuple[str, int, float]]] = [
            [
                (phrase, index[key], LEVEL_FACTOR.get(volunteer.level(position), 1.0))
                for position, phrase in enumerate(volunteer.skills)
                if (key := normalise(phrase)) in index
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
        self.incidence_p.data = self.incidence_p.data**SOFTMAX_P
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
        best = _best(phrase_scores, self.incidence_p)
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
            pending = [pool.submit(score, first) for first in firsts[:JOIN_THREADS]]
            for n, first in enumerate(firsts):
                rows, cols, cov, scores, picked = pending[n].result()
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
        # Task × resident: the mean over the task's requirements of the best match,
        # so that every required skill counts.
        coverage = (requirements[first : first + TASK_CHUNK] @ best).tocsr()
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
        coverage = _prune(coverage, top_k).tocoo()
        rows, cols, cov = coverage.row, coverage.col, coverage.data
        del coverage
        scores = self.engine._combine(cov, rows + first, cols, side, self.side)
        if self.feedback:
            points = self.feedback.points(chunk, rows, cols)
            if points is not None:
                scores = np.minimum(scores + points, np.float32(100.0))
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
        best = _best(phrase_scores, index.incidence_p)
        coverage = (self.task_requirements @ best).tocsr()
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


def _best(
    phrase_scores: sparse.csr_matrix, incidence_p: sparse.csr_matrix
) -> sparse.csr_matrix:
    """Requirement × resident: the best of the resident's phrases for it.

    A soft maximum with one sparse product: (Σ (score·level)ᵖ)^(1/p).
    """
    powered = phrase_scores.copy()
    powered.data = powered.data**SOFTMAX_P
    best = (powered @ incidence_p).tocsr()
    best.data = np.minimum(best.data ** (1.0 / SOFTMAX_P), 1.0)
    return best


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
