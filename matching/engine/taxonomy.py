"""The skill taxonomy: every word for every skill, indexed for the one reading."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from .text import LINKING, normalise, stem

# The built-in Danish taxonomy: data owned by the `skills` app (read as a file; the
# engine imports nothing of the project).
TAXONOMY_PATH = Path(__file__).resolve().parents[2] / "skills" / "data" / "skills.json"


# How surely a compound's parts name it: its head, or a modifier before a generic head
# ("tømrer" in "tømrerarbejde"); a modifier before any other head only hints at it.
COMPOUND_HEAD = 0.85
COMPOUND_MODIFIER = 0.6
# The longest taxonomy entry, in words, looked for inside a longer phrase.
MAX_WORDS = 4
# A two-word entry is also found with up to this many words between its two, as
# surely as when they stand together ("fælde syge træer" as "fælde træer").
MAX_GAP = 2
GAPPED = 0.9
# What follows "til", "for", "på", … in a phrase that already names a skill before
# it says what for, for whom or where: "madlavning til 80 gæster til høstfesten" is
# cooking (not event planning), "DJ til fester" is a DJ, "cykelværksted for børn" bike
# repair. Such words only hint at a skill of their own, at this share of their reading.
CONTEXT_WORDS = frozenset({"til", "for", "på", "hos", "ved", "efter"})
CONTEXT = 0.5
# A head this short counts only after a known modifier (see `compound_parts`).
SHORT_HEAD = 4
# Heads that say "work", "person", "learning" or "help" and leave the meaning to the
# modifier: "-arbejde", "-svend", "-montør", "-kursus", "-hjælp".
GENERIC_HEADS = frozenset(
    {
        "arbejde", "arbejder", "arbejdet", "hjælp", "hjælper", "erfaring",
        "opgave", "opgaver", "kursus", "kurser", "uddannelse", "uddannet",
        "mester", "svend", "lærling", "elev", "firma", "virksomhed", "montør",
        "installatør", "tekniker", "ingeniør", "assistent", "medarbejder",
        "konsulent", "specialist", "ekspert", "instruktør", "underviser", "leder",
        "ansvarlig", "frivillig", "viden", "kundskab", "service", "teknik", "job",
        "folk", "mand", "kone", "dame", "pige", "dreng", "hjælperen",
        "redaktør", "koordinator", "rådgiver", "formidler", "kyndig", "planlægger",
        "arrangør", "træner", "fører", "pasning", "pleje", "passer", "ordning",
        "producer",
        # Heads that say "the one in charge of" it: "politichef", "forskningschef".
        "chef",
        # Doing it, said as a noun: "budgetlægning", "plantekassebygning".
        "bygning", "lægning", "laegning", "opfølgning", "styring", "håndtering",
        "planlægning", "skrivning", "opsætning", "vedligehold", "vedligeholdelse",
        "reparation", "reparationer", "hjælpen",
        # Endings that make a person of a trade: "bogholderske", "lærerinde".
        "ske", "erske", "inde",
    }
)  # fmt: skip
GENERIC_STEMS = frozenset(stem(word) for word in GENERIC_HEADS)


def _stem_word(word: str) -> str:
    """A word's stem, for entries of several words: words under 4 letters as they
    are (their stems say too little)."""
    return stem(word) if len(word) >= 4 else word


def _stem_words(words: list[str]) -> str:
    return " ".join(_stem_word(word) for word in words)


def _generic(head: str) -> bool:
    return bool(head) and (head in GENERIC_HEADS or stem(head) in GENERIC_STEMS)


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
        # What a skill's work includes, in full (one way: a forestry worker can fell
        # trees, not every tree-feller is a forester): implies[a, b] = 1 if a person
        # with skill a can do what skill b names.
        implied = [
            (slugs[item["slug"]], slugs[other])
            for item in skills
            for other in item.get("implies", ())
            if other in slugs and slugs[other] != slugs[item["slug"]]
        ]
        if implied:
            rows, cols = zip(*set(implied), strict=True)
            self.implies = sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, n)
            )
        else:
            self.implies = sparse.csr_matrix((n, n), dtype=np.float32)
        self.implied_pairs = set(zip(*self.implies.nonzero(), strict=True))
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
        self.part_set = frozenset(self.parts)
        self.pairs = frozenset(
            tuple(w.split()) for w in self.words if w.count(" ") == 1
        )
        # Entries of several words by their words' stems, so that they are found as
        # people inflect them: "beskære æbletræerne", "lagde fliserne", "klipper
        # hækken" (not of misspellings, as for single words).
        self.stem_entries: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for key, hits in self.words.items():
            if " " not in key:
                continue
            stemmed = _stem_words(key.split())
            for hit in hits:
                if hit[1] != "misspelling" and hit not in self.stem_entries[stemmed]:
                    self.stem_entries[stemmed].append(hit)
        self.stem_pairs = frozenset(
            tuple(w.split()) for w in self.stem_entries if w.count(" ") == 1
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
        context = self._context(tokens)
        if context is not None:
            return context
        return self._read_tokens(tokens)

    def _context(self, tokens: list[str]) -> dict[int, tuple[float, str, str]] | None:
        """A phrase that names a skill before "til", "for", "på", … : that skill, and
        what follows only as a hint (see `CONTEXT_WORDS`); None when the phrase has no
        such word, names no skill of its own before it, or the taxonomy has an entry
        across it ("madlavning til mange", "kørsel til lægen")."""
        # The first such word that follows a named skill ("står for maden til
        # høstfesten": "for" follows no skill, "til" follows "maden").
        for at in range(1, len(tokens) - 1):
            if tokens[at] in CONTEXT_WORDS:
                head = self._named_before(tokens, at)
                if head is not None:
                    break
        else:
            return None
        found = dict(head)
        for index, (confidence, how, word) in self.lookup(
            " ".join(tokens[at + 1 :])
        ).items():
            hint = confidence * CONTEXT
            if hint > found.get(index, (0.0,))[0]:
                found[index] = (hint, how, word)
        return found

    def _named_before(
        self, tokens: list[str], at: int
    ) -> dict[int, tuple[float, str, str]] | None:
        """What the words before the context word at `at` name, if they name a skill
        of their own (not a generic word) and no entry spans the context word."""
        for size in range(2, MAX_WORDS + 1):
            for start in range(max(0, at - size + 1), min(at, len(tokens) - size) + 1):
                if " ".join(tokens[start : start + size]) in self.words:
                    return None
        before = " ".join(tokens[:at])
        if at > 1 and before in self.words:
            # An entry of several words before it ("face painting til …"), read as
            # such an entry is inside a longer phrase.
            head = {index: (0.9, kind, before) for index, kind in self.words[before]}
        else:
            head = self._read_tokens(tokens[:at])
        if not any(
            confidence >= COMPOUND_HEAD and not _generic(word)
            for confidence, _how, word in head.values()
        ):
            return None
        return head

    def _read_tokens(self, tokens: list[str]) -> dict[int, tuple[float, str, str]]:
        """The words of a phrase: entries of several words, pairs with a gap, words
        joined by a hyphen, then each word, its stem or its compound parts."""
        found: dict[int, tuple[float, str, str]] = {}

        def add(hits, confidence, how, word):
            for index, kind in hits:
                how_here = kind if how is None else how
                if confidence > found.get(index, (0.0,))[0]:
                    found[index] = (confidence, how_here, word)

        skip: set[int] = set()
        stems = [_stem_word(token) for token in tokens]
        # Words of the taxonomy that are several words ("trække strøm", "slå græs",
        # "lægge fliser"), inside a longer phrase: the longest first; then the same,
        # inflected ("lagde fliserne", "beskærer æbletræerne").
        for words_of, entries, confidence, how in (
            (tokens, self.words, 0.9, None),
            (stems, self.stem_entries, 0.88, "stem"),
        ):
            for size in range(min(MAX_WORDS, len(tokens) - 1), 1, -1):
                for start in range(len(tokens) - size + 1):
                    span = range(start, start + size)
                    if skip.intersection(span):
                        continue
                    words = " ".join(words_of[start : start + size])
                    if words in entries:
                        add(entries[words], confidence, how, words)
                        skip.update(span)
        # A two-word entry with a word or two between ("fælde syge træer", "male de
        # gamle vinduer", "klippe den store hæk"), in order; also inflected.
        for i in range(len(tokens)):
            for j in range(i + 2, min(i + 2 + MAX_GAP, len(tokens))):
                if i in skip or j in skip:
                    continue
                words = f"{tokens[i]} {tokens[j]}"
                if (tokens[i], tokens[j]) in self.pairs:
                    add(self.words[words], GAPPED, None, words)
                    skip.update((i, j))
                elif (stems[i], stems[j]) in self.stem_pairs:
                    words = f"{stems[i]} {stems[j]}"
                    add(self.stem_entries[words], GAPPED * 0.97, "stem", words)
                    skip.update((i, j))
        # "el-montør", "VVS-installatør": a hyphen (gone in the key) may join a word.
        joined: list[str] = []
        for i in range(len(tokens) - 1):
            if i in skip or i + 1 in skip:
                continue
            pair = tokens[i] + tokens[i + 1]
            if pair in self.words or (
                len(stem(pair)) >= 4 and stem(pair) in self.stems
            ):
                joined.append(pair)
                skip.update((i, i + 1))
        for pair in joined:
            if pair in self.words:
                add(self.words[pair], 0.9, None, pair)
            else:
                add(self.stems[stem(pair)], 0.88, "stem", pair)
        for i, token in enumerate(tokens):
            if i in skip:
                continue
            if token in self.words and len(token) >= 2:
                add(self.words[token], 0.9, None, token)
            elif (
                len(token) >= 4 and len(stem(token)) >= 4 and stem(token) in self.stems
            ):
                add(self.stems[stem(token)], 0.88, "stem", token)
            elif len(token) >= 7:
                for part, confidence in self.compound_parts(token):
                    add(self.words[part], confidence, "compound", part)
        return found

    def compound_parts(self, token: str) -> list[tuple[str, float]]:
        """Split a Danish compound into known taxonomy words, with how surely each
        names the compound's meaning.

        In a Danish compound the head (the last part) decides what it is: the
        modifier before it only says of what kind. "kagebagning" is baking, not cake;
        "tømmerflåde" is a raft, not carpentry; "kokkekniv" a knife. So the head is
        read when the taxonomy knows it. The modifier is read in full only when the
        head is a generic word for work, people or learning ("tømrerarbejde",
        "malersvend", "regnskabshjælp", "førstehjælpsinstruktør"); before any other
        head it counts only weakly, as a hint. Modifier and head are joined by
        nothing, "s" or "e"; shorter words inside a longer one already found
        ("plante" inside "plantekasse") are not parts of their own.
        """
        prefix = suffix = None
        rest = ""
        # The longest known word the token starts with, leaving 3 letters or more
        # (after a joint), and the longest it ends with, leaving 3 or more: a set
        # look-up per length, not a scan of every word.
        for end in range(len(token) - 3, 3, -1):
            word = token[:end]
            if word not in self.part_set:
                continue
            after = token[end:]
            rests = [
                after[len(joint) :]
                for joint in LINKING
                if after.startswith(joint) and len(after) - len(joint) >= 3
            ]
            if rests:
                # "snedkersvend" is "snedker" + "svend", not + "s" + "vend".
                prefix = word
                rest = next(
                    (r for r in rests if r in self.words or _generic(r)), rests[0]
                )
                break
        for start in range(3, len(token) - 3):
            word = token[start:]
            if word in self.part_set:
                suffix = word
                break
        if suffix and len(suffix) <= SHORT_HEAD and prefix is None:
            # A short word at the end of an unknown one is more often an ending
            # than a head: "normale", "minimale" are not about painting ("male").
            suffix = None
        if prefix and suffix and len(prefix) + len(suffix) > len(token) + 1:
            suffix = None  # they overlap: one word read twice
        head = suffix or rest
        generic = _generic(head) or _generic(rest)
        parts: list[tuple[str, float]] = []
        if suffix and not generic:
            parts.append((suffix, COMPOUND_HEAD))
        if prefix:
            parts.append((prefix, COMPOUND_HEAD if generic else COMPOUND_MODIFIER))
        return parts
