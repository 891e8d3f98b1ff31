"""Residents' sign-ups and profiles teach the taxonomy: proposals for administrators,
never silent (the proposals themselves are the `skills` app's)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from matching.engine import normalise
from skills.models import Skill, SynonymProposal
from skills.readings import key_of
from skills.taxonomy import get_engine
from volunteers.models import VolunteerSkill


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


def learn_from_profile(profile_id: int) -> list[SynonymProposal]:
    """Put the resident's phrases that nothing reads before the administrators.

    Only for residents who may be counted (an active, verified account) and who
    consent to matching: their words are read for matching, and nobody else's are
    shown to an administrator. How often a phrase was written counts those residents
    only, once each.
    """
    from django.db.models import Count

    from skills.learning import propose_unrecognised
    from volunteers.models import ConsentPurpose, VolunteerProfile

    counted = VolunteerProfile.objects.reachable().consenting(ConsentPurpose.MATCHING)
    if not counted.filter(pk=profile_id).exists():
        return []
    phrases = list(
        VolunteerSkill.objects.filter(profile_id=profile_id).values_list(
            "phrase", flat=True
        )
    )
    keys = {key_of(phrase) for phrase in phrases} - {""}
    seen = dict(
        VolunteerSkill.objects.filter(reading__key__in=keys, profile__in=counted)
        .values_list("reading__key")
        .annotate(people=Count("profile", distinct=True))
    )
    return propose_unrecognised(phrases, seen=seen)
