"""Confirmed sign-ups teach the taxonomy: proposals for administrators, never silent."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from volunteers.models import Skill, VolunteerSkill

from .engine import normalise
from .models import ProposalStatus, SynonymProposal
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


def accept(proposal: SynonymProposal) -> None:
    """Add the phrase to the skill's synonyms (the engine rebuilds on the change)."""
    with transaction.atomic():
        skill = Skill.objects.select_for_update().get(pk=proposal.skill_id)
        if proposal.phrase not in skill.lines(skill.synonyms):
            skill.synonyms = (skill.synonyms.rstrip() + "\n" + proposal.phrase).strip()
            skill.save()
        proposal.status = ProposalStatus.ACCEPTED
        proposal.save(update_fields=["status", "updated_at"])


def reject(proposal: SynonymProposal) -> None:
    proposal.status = ProposalStatus.REJECTED
    proposal.save(update_fields=["status", "updated_at"])
