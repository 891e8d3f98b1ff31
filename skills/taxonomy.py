"""The skill taxonomy as administrators keep it: the one reading of a phrase, and
suggestions while typing.

A phrase is read into skills by the matching engine's own reading
(`MatchEngine.read`: whole phrase, words, stems, compounds, "og"-phrases, spelling
variants), here for every consumer: residents' skills, tasks' required skills, the
municipal counts and the overview. There is no second rule.

The vocabulary for suggestions (every name, synonym, English word and misspelling of
every skill) is built once and kept in the cache until a skill changes; so is the
engine's taxonomy.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal, receiver

from rapidfuzz import fuzz, process

from matching import engine as pure
from matching.engine import normalise, split_phrases  # noqa: F401 (the one split)

from .models import Skill

# Sent inside the transaction that changed a skill: the stored readings are stale
# (those who store phrases refresh them, in the background).
taxonomy_changed = Signal()

CACHE_KEY = "skills:vocabulary:v2"
# Changes whenever a skill does; the matching engine rebuilds its taxonomy on a change.
# (The key is the one it had in `volunteers`, so running processes agree on it.)
VERSION_KEY = "volunteers:skill-taxonomy-version"
SUGGEST_SCORE = 75


@dataclass(frozen=True)
class Word:
    text: str
    skill_id: int
    kind: str  # name, synonym, english, misspelling


_memo: tuple[int, tuple] | None = None


def vocabulary() -> tuple[list[str], list[Word], dict[int, dict]]:
    """Return (normalised words, the words, {skill id: display data}).

    Kept in this process under the taxonomy's version (one small cache read per call,
    not the whole vocabulary unpickled each time) and in the shared cache for the
    other processes; a change to a skill moves the version everywhere.
    """
    global _memo
    version = taxonomy_version()
    if _memo is not None and _memo[0] == version:
        return _memo[1]
    key = f"{CACHE_KEY}:{version}"
    cached = cache.get(key)
    if cached is None:
        cached = _build_vocabulary()
        cache.set(key, cached, 24 * 60 * 60)
    _memo = (version, cached)
    return cached


def _build_vocabulary() -> tuple[list[str], list[Word], dict[int, dict]]:
    words: list[Word] = []
    skills: dict[int, dict] = {}
    for skill in Skill.objects.all():
        skills[skill.pk] = {
            "slug": skill.slug,
            "name_da": skill.name_da,
            "name_en": skill.name_en,
            "category": skill.category,
        }
        for text, kind in skill.phrases().items():
            words.append(Word(text=text, skill_id=skill.pk, kind=kind))
    keys = [normalise(word.text) for word in words]
    return (keys, words, skills)


@receiver(post_save, sender=Skill)
@receiver(post_delete, sender=Skill)
@receiver(m2m_changed, sender=Skill.related.through)
@receiver(m2m_changed, sender=Skill.implies.through)
def _forget_vocabulary(raw=False, **kwargs) -> None:
    # Now, for this transaction's own reads, and again after the commit: a process
    # that read the first new version before the commit rebuilt from the old rows.
    _new_version()
    transaction.on_commit(_new_version)
    if not raw:  # a fixture being loaded is no one changing the taxonomy
        taxonomy_changed.send(sender=Skill)


def taxonomy_moved() -> None:
    """Tell every process the taxonomy may have changed (e.g. after a migration that
    loaded skills): cached vocabularies and engines are rebuilt."""
    _new_version()


def _new_version() -> None:
    global _memo
    _memo = None
    cache.set(VERSION_KEY, time.time_ns(), None)


# The reading ---------------------------------------------------------------------

_lock = threading.Lock()
_engine: pure.MatchEngine | None = None
_engine_version = None


_fingerprint = ""


def get_engine() -> pure.MatchEngine:
    """The engine with the taxonomy as administrators keep it, rebuilt on a change."""
    global _engine, _engine_version, _fingerprint
    version = taxonomy_version()
    with _lock:
        if _engine is None or _engine_version != version:
            data = taxonomy_data()
            _engine = pure.MatchEngine(pure.Taxonomy(data) if data else None)
            _engine_version = version
            _fingerprint = hashlib.sha1(  # noqa: S324 (a fingerprint, not security)
                json.dumps(
                    [pure.READING_VERSION, data], sort_keys=True, ensure_ascii=False
                ).encode()
            ).hexdigest()
        return _engine


def fingerprint() -> str:
    """The same for the same taxonomy and the same reading rules in every process
    (stored with each reading: a reading with another is stale)."""
    get_engine()
    return _fingerprint


@dataclass(frozen=True)
class Reading:
    """One skill a phrase was read as."""

    skill_id: int
    slug: str
    confidence: float  # 0–1
    how: str  # the engine's word for how: synonym, stem, compound, spelling, …


def read(phrases: list[str]) -> list[list[Reading]]:
    """The skills each phrase is read as, strongest first (empty: none)."""
    _keys, _words, skills = vocabulary()
    ids = {data["slug"]: pk for pk, data in skills.items()}
    readings = []
    for mapping in get_engine().read(list(phrases)):
        readings.append(
            [
                Reading(ids[slug], slug, confidence, how)
                for slug, (confidence, how, _word) in mapping.items()
                if slug in ids
            ]
        )
    return readings


def link_id(phrase: str) -> int | None:
    """The id of the skill a phrase clearly names most strongly, if any (no query)."""
    (reading,) = read([phrase])
    clear = [r for r in reading if r.confidence >= pure.ALIKE_CONFIDENCE]
    return clear[0].skill_id if clear else None


def link(phrase: str) -> Skill | None:
    """The taxonomy skill a resident's phrase is read as most strongly, if any."""
    skill_id = link_id(phrase)
    if skill_id is None:
        return None
    return Skill.objects.filter(pk=skill_id).first()


def suggest(text: str, *, language: str = "da", limit: int = 8) -> list[dict]:
    """Return up to `limit` skills for what the resident is typing, best first.

    A prefix of a word counts fully ("regn" finds "regnskab"); otherwise the words are
    compared with rapidfuzz, so typos and English words find the skill too.
    """
    keys, words, skills = vocabulary()
    query = normalise(text)
    if len(query) < 2 or not keys:
        return []
    scored: dict[int, tuple[float, str]] = {}
    for index, key in enumerate(keys):
        if key.startswith(query) or f" {query}" in key:
            score = 100.0 - min(len(key) - len(query), 20) / 10
        else:
            continue
        skill_id = words[index].skill_id
        if score > scored.get(skill_id, (0.0, ""))[0]:
            scored[skill_id] = (score, words[index].text)
    for _key, score, index in process.extract(
        query,
        keys,
        scorer=fuzz.ratio,
        score_cutoff=SUGGEST_SCORE,
        limit=limit * 4,
        processor=None,
    ):
        skill_id = words[index].skill_id
        if score > scored.get(skill_id, (0.0, ""))[0]:
            scored[skill_id] = (score, words[index].text)
    ranked = sorted(scored.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    name_key = "name_en" if language == "en" else "name_da"
    return [
        {
            "slug": skills[skill_id]["slug"],
            "name": skills[skill_id][name_key],
            "matched": matched,
            "category": skills[skill_id]["category"],
        }
        for skill_id, (_score, matched) in ranked
    ]


def taxonomy_version() -> int:
    return cache.get(VERSION_KEY) or 0


def taxonomy_data() -> list[dict]:
    """The taxonomy as the matching engine reads it (``Taxonomy(skills)``)."""
    skills = list(Skill.objects.prefetch_related("related", "implies").order_by("pk"))
    return [
        {
            "slug": skill.slug,
            "da": skill.name_da,
            "en": skill.name_en,
            "category": skill.category,
            "synonyms": Skill.lines(skill.synonyms),
            "english": Skill.lines(skill.english_words),
            "misspellings": Skill.lines(skill.misspellings),
            "related": [other.slug for other in skill.related.all()],
            "implies": [other.slug for other in skill.implies.all()],
        }
        for skill in skills
    ]
