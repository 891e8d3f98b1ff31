"""Words people write that the taxonomy does not know, proposed to administrators.

Nothing is added to the taxonomy without an administrator: a proposal is accepted
for a skill (the phrase becomes one of its synonyms) or rejected.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import IntegrityError, transaction

from rapidfuzz import fuzz, process

from matching.engine import normalise

from .models import ProposalSource, ProposalStatus, Skill, SynonymProposal
from .readings import key_of
from .taxonomy import get_engine

# The nearest skill offered as a guess for a phrase nothing reads.
GUESS_SCORE = 70


def propose_unrecognised(
    phrases: list[str], *, seen: Mapping[str, int] | None = None
) -> list[SynonymProposal]:
    """Put phrases that nothing reads before the administrators.

    Each with the nearest skill as a guess (or none), and how many people wrote it
    (`seen`, by normalised phrase, told by the app that holds the phrases); an
    administrator accepts it for a skill, or rejects it. Safe to run twice at once:
    a proposal another process has just made is taken, never a second one.
    """
    engine = get_engine()
    unknown = {
        key_of(phrase)
        for phrase, reading in zip(phrases, engine.read(phrases), strict=True)
        if not reading and normalise(phrase)
    }
    proposals = []
    for full in sorted(unknown):
        key = full[:80]
        guess = process.extractOne(
            key,
            engine.taxonomy.vocabulary,
            scorer=fuzz.WRatio,
            score_cutoff=GUESS_SCORE,
            processor=None,
        )
        slug = None
        if guess is not None:
            index, _kind = engine.taxonomy.words[guess[0]][0]
            slug = engine.taxonomy.skills[index].slug
        skill = Skill.objects.filter(slug=slug).first() if slug else None
        times = max((seen or {}).get(full, 1), 1)
        proposal = _note(key, skill, times)
        if proposal is not None:
            proposals.append(proposal)
    return proposals


def _note(key: str, skill: Skill | None, times: int) -> SynonymProposal | None:
    """The open proposal for `key` with its evidence raised to `times`, made if new."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                proposal = (
                    SynonymProposal.objects.select_for_update()
                    .filter(phrase=key, source=ProposalSource.UNRECOGNISED)
                    .first()
                )
                if proposal is None:
                    proposal = SynonymProposal.objects.filter(
                        phrase=key, skill=skill
                    ).first() or SynonymProposal(
                        phrase=key, skill=skill, source=ProposalSource.UNRECOGNISED
                    )
                if proposal.status != ProposalStatus.PROPOSED:
                    return None  # decided already
                proposal.evidence = max(proposal.evidence, times)
                proposal.save()
                return proposal
        except IntegrityError:
            continue  # made by another process meanwhile: take that one
    return None


def accept(proposal: SynonymProposal, skill: Skill | None = None) -> SynonymProposal:
    """Add the phrase to the skill's synonyms (the engine rebuilds on the change).

    `skill` chooses (or changes) the skill, as for a phrase nothing read. Returns
    the proposal that was accepted.
    """
    with transaction.atomic():
        if skill is not None and skill.pk != proposal.skill_id:
            # The same phrase may already be proposed for that skill (learnt from a
            # sign-up): that proposal is the one accepted, and this one joins it.
            twin = (
                SynonymProposal.objects.select_for_update()
                .filter(phrase=proposal.phrase, skill=skill)
                .exclude(pk=proposal.pk)
                .first()
            )
            if twin is not None:
                twin.evidence = max(twin.evidence, proposal.evidence)
                SynonymProposal.objects.filter(pk=proposal.pk).delete()
                proposal = twin
            else:
                proposal.skill = skill
        if proposal.skill_id is None:
            raise ValueError("A proposal is accepted for a skill.")
        skill = Skill.objects.select_for_update().get(pk=proposal.skill_id)
        if proposal.phrase not in skill.lines(skill.synonyms):
            skill.synonyms = (skill.synonyms.rstrip() + "\n" + proposal.phrase).strip()
            skill.save()
        proposal.status = ProposalStatus.ACCEPTED
        proposal.save(update_fields=["status", "skill", "evidence", "updated_at"])
    return proposal


def reject(proposal: SynonymProposal) -> None:
    proposal.status = ProposalStatus.REJECTED
    proposal.save(update_fields=["status", "updated_at"])
