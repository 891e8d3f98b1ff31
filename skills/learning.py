"""Words people write that the taxonomy does not know, proposed to administrators.

Nothing is added to the taxonomy without an administrator: a proposal is accepted
for a skill (the phrase becomes one of its synonyms) or rejected.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from rapidfuzz import fuzz, process

from matching.engine import normalise

from .models import ProposalSource, ProposalStatus, Skill, SynonymProposal
from .taxonomy import get_engine

# The nearest skill offered as a guess for a phrase nothing reads.
GUESS_SCORE = 70


def propose_unrecognised(
    phrases: list[str], *, seen: Callable[[str], int] = lambda key: 1
) -> list[SynonymProposal]:
    """Put phrases that nothing reads before the administrators.

    Each with the nearest skill as a guess (or none), and how often it was written
    (`seen`, told by the app that holds the phrases); an administrator accepts it for
    a skill, or rejects it.
    """
    engine = get_engine()
    unknown = {
        normalise(phrase)[:80]
        for phrase, reading in zip(phrases, engine.read(phrases), strict=True)
        if not reading and normalise(phrase)
    }
    proposals = []
    for key in sorted(unknown):
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
        times = max(seen(key), 1)
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
                continue  # decided already
            proposal.evidence = max(proposal.evidence, times)
            proposal.save()
        proposals.append(proposal)
    return proposals


def accept(proposal: SynonymProposal, skill: Skill | None = None) -> None:
    """Add the phrase to the skill's synonyms (the engine rebuilds on the change).

    `skill` chooses (or changes) the skill, as for a phrase nothing read.
    """
    with transaction.atomic():
        if skill is not None and skill.pk != proposal.skill_id:
            proposal.skill = skill
        if proposal.skill_id is None:
            raise ValueError("A proposal is accepted for a skill.")
        skill = Skill.objects.select_for_update().get(pk=proposal.skill_id)
        if proposal.phrase not in skill.lines(skill.synonyms):
            skill.synonyms = (skill.synonyms.rstrip() + "\n" + proposal.phrase).strip()
            skill.save()
        proposal.status = ProposalStatus.ACCEPTED
        proposal.save(update_fields=["status", "skill", "updated_at"])


def reject(proposal: SynonymProposal) -> None:
    proposal.status = ProposalStatus.REJECTED
    proposal.save(update_fields=["status", "updated_at"])
