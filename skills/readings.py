"""The stored readings of phrases: written once per distinct phrase, read by all.

Residents' skills and tasks' required skills are stored with the reading of their
phrase (`reading_for` / `readings_for`), so that everything that counts or lists
skills — the municipal resource search, the overview's supply and demand, the skill
gaps — reads the same skills the matching does. When the taxonomy changes the
readings are refreshed (`refresh`, in the background).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from matching.engine import ALIKE_CONFIDENCE, normalise

from .models import (
    PhraseReading,
    PhraseSkill,
    ProposalStatus,
    SynonymProposal,
)
from .taxonomy import Reading, fingerprint, read

KEY_LENGTH = 200
REFRESH_BATCH = 2000
# What counts, lists and "Genkendt som" take as a skill of a phrase: what it clearly
# names, not a compound's weak hint (the matching weighs those by their confidence).
CLEAR = ALIKE_CONFIDENCE


def key_of(phrase: str) -> str:
    """The key a phrase is stored under: the engine's normalised form."""
    return normalise(phrase)[:KEY_LENGTH]


def readings_for(phrases: Iterable[str]) -> dict[str, PhraseReading]:
    """{key: reading} for `phrases`, reading (and storing) the ones not read yet."""
    keys = {key for key in map(key_of, phrases) if key}
    if not keys:
        return {}
    found = {r.key: r for r in PhraseReading.objects.filter(key__in=keys)}
    missing = sorted(keys - set(found))
    if missing:
        with transaction.atomic():
            current = fingerprint()
            PhraseReading.objects.bulk_create(
                [PhraseReading(key=key, taxonomy=current) for key in missing],
                ignore_conflicts=True,  # another request read it meanwhile
            )
            new = list(PhraseReading.objects.filter(key__in=missing, links=None))
            _link(new)
        found.update((r.key, r) for r in PhraseReading.objects.filter(key__in=missing))
    return found


def reading_for(phrase: str) -> PhraseReading | None:
    return readings_for([phrase]).get(key_of(phrase))


def _link(readings: list[PhraseReading]) -> None:
    """(Re)write the skills of `readings` by the current taxonomy."""
    if not readings:
        return
    results = read([r.key for r in readings])
    PhraseSkill.objects.filter(reading__in=readings).delete()
    PhraseSkill.objects.bulk_create(
        PhraseSkill(
            reading=reading,
            skill_id=found.skill_id,
            confidence=round(found.confidence, 3),
            how=found.how[:20],
        )
        for reading, result in zip(readings, results, strict=True)
        for found in result
    )


def refresh(*, batch: int = REFRESH_BATCH) -> int:
    """Re-read every stored phrase read by another taxonomy; return how many.

    Idempotent and resumable (each batch commits on its own), so it can run in the
    background after a change and again after a crash.
    """
    current = fingerprint()
    done = 0
    while True:
        stale = list(PhraseReading.objects.exclude(taxonomy=current)[:batch])
        if not stale:
            return done
        with transaction.atomic():
            _link(stale)
            PhraseReading.objects.filter(pk__in=[r.pk for r in stale]).update(
                taxonomy=current
            )
        done += len(stale)


def forget(keys: Iterable[str]) -> int:
    """Delete the readings of `keys`, and the open or rejected proposals of the same
    words: for phrases nobody writes any more (a resident was erased). Accepted
    proposals stay: they are the taxonomy's now. Returns the readings deleted."""
    keys = set(keys)
    if not keys:
        return 0
    SynonymProposal.objects.filter(
        phrase__in={key[:80] for key in keys},
        status__in=[ProposalStatus.PROPOSED, ProposalStatus.REJECTED],
    ).delete()
    deleted, _by_model = PhraseReading.objects.filter(key__in=keys).delete()
    return deleted


def skills_of(phrases: Iterable[str]) -> dict[str, list[Reading]]:
    """{key: the skills it clearly names} for `phrases`, without writing anything.

    The stored reading where there is one, else the same reader in memory (a phrase
    saved before its reading was stored reads the same).
    """
    keys = {key for key in map(key_of, phrases) if key}
    found: dict[str, list[Reading]] = {key: [] for key in keys}
    stored = set()
    for key, skill_id, slug, confidence, how in (
        PhraseSkill.objects.filter(reading__key__in=keys, confidence__gte=CLEAR)
        .order_by("reading__key", "-confidence", "pk")
        .values_list("reading__key", "skill_id", "skill__slug", "confidence", "how")
    ):
        found[key].append(Reading(skill_id, slug, confidence, how))
        stored.add(key)
    stored |= set(
        PhraseReading.objects.filter(key__in=keys - stored).values_list(
            "key", flat=True
        )
    )
    rest = sorted(keys - stored)
    for key, result in zip(rest, read(rest), strict=True):
        found[key] = [r for r in result if r.confidence >= CLEAR]
    return found
