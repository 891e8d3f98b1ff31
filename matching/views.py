"""Residents' suggestions: "Opgaver til dig"."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from clusters.models import Task
from volunteers.models import VolunteerProfile
from volunteers.views import resident_required

from .models import Feedback, FeedbackKind, Match
from .outbox import enqueue
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


@resident_required
@require_POST
def dismiss(request, task_id: int):
    """ "Ikke for mig": the suggestion goes, and the next ranking leaves it out."""
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    task = Task.objects.filter(pk=task_id).first()
    if profile is None or task is None:
        raise Http404(_("We could not find that task."))
    with transaction.atomic():
        Feedback.objects.get_or_create(
            task=task, volunteer=profile, kind=FeedbackKind.DISMISSED
        )
        Match.objects.filter(task=task, volunteer=profile).delete()
        enqueue("matching.rematch_volunteer", profile.pk)
    messages.success(
        request,
        _("We will not suggest “%(task)s” to you again.") % {"task": task.title},
    )
    return redirect("matching_for_you")


@require_http_methods(["GET", "POST"])
@csrf_exempt  # one-click unsubscribe (RFC 8058) posts without a session
def unsubscribe(request, token: str):
    """Turn the digest off from a link in it, without logging in."""
    from .digests import profile_for_token

    profile = profile_for_token(token)
    if profile is None:
        raise Http404(_("This link is not valid."))
    if request.method == "POST" or request.GET.get("ok"):
        profile.notify_new_tasks = False
        profile.save(update_fields=["notify_new_tasks"])
        return render(request, "matching/unsubscribed.html", {"profile": profile})
    return render(
        request, "matching/unsubscribe.html", {"profile": profile, "token": token}
    )
