"""Administrators decide the words residents propose for the skill taxonomy."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import learning
from .models import ProposalStatus, Skill, SynonymProposal


class ProposalSkillForm(forms.Form):
    """The skill an administrator accepts a proposed word for (by its Danish name)."""

    skill = forms.CharField(max_length=80, required=False, strip=True)


def _require_taxonomy_admin(request):
    if not request.user.has_perm("skills.change_skill"):
        raise PermissionDenied


def proposals(request):
    """Words residents use that seem to mean a skill: accept or reject each."""
    from volunteers.models import Skill

    _require_taxonomy_admin(request)
    pending = SynonymProposal.objects.filter(
        status=ProposalStatus.PROPOSED
    ).select_related("skill")[:200]
    return TemplateResponse(
        request,
        "skills/admin/proposals.html",
        {
            "proposals": pending,
            "skill_names": Skill.objects.order_by("name_da").values_list(
                "name_da", flat=True
            ),
            "header_title": _("Proposed synonyms"),
        },
    )


@require_POST
def decide_proposal(request, proposal_id: int, decision: str):
    _require_taxonomy_admin(request)
    proposal = get_object_or_404(
        SynonymProposal, pk=proposal_id, status=ProposalStatus.PROPOSED
    )
    if decision == "accept":
        form = ProposalSkillForm(request.POST)
        name = form.cleaned_data["skill"] if form.is_valid() else None
        chosen = Skill.objects.filter(name_da__iexact=name).first() if name else None
        if (
            name is None
            or (name and chosen is None)
            or (chosen is None and proposal.skill is None)
        ):
            messages.error(
                request,
                _("Choose a skill from the list for “%(phrase)s”. Nothing was changed.")
                % {"phrase": proposal.phrase},
            )
            return redirect("skills_admin:proposals")
        proposal = learning.accept(proposal, chosen)
        messages.success(
            request,
            _("“%(phrase)s” is now a synonym of %(skill)s.")
            % {"phrase": proposal.phrase, "skill": proposal.skill.name_da},
        )
    else:
        learning.reject(proposal)
        messages.success(
            request, _("“%(phrase)s” was rejected.") % {"phrase": proposal.phrase}
        )
    return redirect("skills_admin:proposals")
