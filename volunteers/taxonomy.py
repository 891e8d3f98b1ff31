"""The skill taxonomy as a vocabulary: suggestions while typing, and linking phrases.

The vocabulary (every name, synonym, English word and misspelling of every skill)
is built once and kept in the cache until a skill changes.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from rapidfuzz import fuzz, process, utils

from .models import Skill

CACHE_KEY = "volunteers:skill-vocabulary:v1"
# Changes whenever a skill does; the matching engine rebuilds its taxonomy on a change.
VERSION_KEY = "volunteers:skill-taxonomy-version"
# A typed phrase links to a skill when it is this close to one of its words.
LINK_SCORE = 88
SUGGEST_SCORE = 75


@dataclass(frozen=True)
class Word:
    text: str
    skill_id: int
    kind: str  # name, synonym, english, misspelling


def normalise(text: str) -> str:
    """Lower case, Danish letters kept, "aa" read as "å", punctuation removed."""
    text = unicodedata.normalize("NFC", text).lower().strip()
    text = text.replace("aa", "å")
    return utils.default_process(text)


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
def _forget_vocabulary(**kwargs) -> None:
    # Now, for this transaction's own reads, and again after the commit: a process
    # that read the first new version before the commit rebuilt from the old rows.
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    global _memo
    _memo = None
    cache.set(VERSION_KEY, time.time_ns(), None)


def link_id(phrase: str) -> int | None:
    """Return the id of the taxonomy skill a phrase clearly names, without a query.

    The vocabulary is cached, so linking many phrases (a list of tasks) costs no
    query per phrase.
    """
    keys, words, _skills = vocabulary()
    query = normalise(phrase)
    if not query or not keys:
        return None
    best = process.extractOne(
        query, keys, scorer=fuzz.ratio, score_cutoff=LINK_SCORE, processor=None
    )
    if best is None:
        return None
    return words[best[2]].skill_id


def link(phrase: str) -> Skill | None:
    """Return the taxonomy skill a resident's phrase names, if it clearly names one."""
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
    skills = list(Skill.objects.prefetch_related("related").order_by("pk"))
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
        }
        for skill in skills
    ]
