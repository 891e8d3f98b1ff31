"""Confirmed sign-ups teach the taxonomy: proposals for administrators, never silent."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from rapidfuzz import fuzz, process

from volunteers.models import Skill, VolunteerSkill

from .engine import normalise
from .models import ProposalSource, ProposalStatus, SynonymProposal
from .services import get_engine


def learn_from_signup(signup) -> list[SynonymProposal]:
    """Propose the resident's unknown phrases as synonyms of the task's skills."""
    engine = get_engine()
    needed = set()
    for phrase in signup.task.skill_phrases:
        for index in engine.taxonomy.lookup(phrase):
            needed.add(engine.taxonomy.skills[index].slug)
    if not needed:
        return []
    unknown = [
        skill.phrase
        for skill in VolunteerSkill.objects.filter(
            profile_id=signup.volunteer_id, skill__isnull=True
        )
        if not engine.taxonomy.lookup(skill.phrase)
    ]
    proposals = []
    skills = {s.slug: s for s in Skill.objects.filter(slug__in=needed)}
    with transaction.atomic():
        for phrase in unknown:
            key = normalise(phrase)[:80]
            for slug in sorted(needed):
                if slug not in skills:
                    continue
                proposal, _created = SynonymProposal.objects.get_or_create(
                    phrase=key, skill=skills[slug]
                )
                SynonymProposal.objects.filter(pk=proposal.pk).update(
                    evidence=F("evidence") + 1
                )
                proposals.append(proposal)
    return proposals


# The nearest skill offered as a guess for a phrase nothing reads.
GUESS_SCORE = 70


def propose_unrecognised(profile) -> list[SynonymProposal]:
    """Put the resident's phrases that nothing reads before the administrators.

    Each with the nearest skill as a guess (or none), and how many residents wrote
    it; an administrator accepts it for a skill, or rejects it.
    """
    engine = get_engine()
    phrases = [skill.phrase for skill in VolunteerSkill.objects.filter(profile=profile)]
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
        seen = VolunteerSkill.objects.filter(phrase__iexact=key).count() or 1
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
            proposal.evidence = max(proposal.evidence, seen)
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
