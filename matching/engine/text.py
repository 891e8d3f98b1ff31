"""Text as the engine reads it: normalised, stemmed and split into phrases."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

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


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


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
