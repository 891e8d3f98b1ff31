"""Residents' suggestions: "Opgaver til dig"."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from volunteers.models import VolunteerProfile
from volunteers.views import resident_required

from .reasons import explain
from .services import tasks_for_resident


@resident_required
@require_GET
def for_you(request):
    """The open tasks that fit the resident best, each with why."""
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    suggestions = []
    if profile is not None:
        for task, match in tasks_for_resident(profile):
            suggestions.append(
                {
                    "task": task,
                    "match": match,
                    "why": [text for text in map(explain, match.reasons) if text],
                }
            )
    return render(
        request,
        "matching/for_you.html",
        {"profile": profile, "suggestions": suggestions},
    )
