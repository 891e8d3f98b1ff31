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

from volunteers.models import VolunteerProfile
from volunteers.selectors import public_task_or_404, public_tasks
from volunteers.views import resident_required

from .models import Feedback, FeedbackKind, Match
from .outbox import enqueue
from .reasons import explain
from .services import tasks_for_resident

DECLINED_SHOWN = 20


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
                    "places_left": max(task.volunteers_needed - task.places_taken, 0),
                }
            )
    # The newest "no thanks", of tasks that are still public (a task since
    # unpublished or made private is not named here).
    declined = (
        Feedback.objects.filter(
            volunteer=profile,
            kind=FeedbackKind.DISMISSED,
            task__in=public_tasks().values("pk"),
        )
        .select_related("task")
        .order_by("-at")[:DECLINED_SHOWN]
        if profile is not None
        else []
    )
    return render(
        request,
        "matching/for_you.html",
        {"profile": profile, "suggestions": suggestions, "declined": declined},
    )


@resident_required
@require_POST
def dismiss(request, task_id: int):
    """ "Ikke for mig": the suggestion goes, and the next ranking leaves it out."""
    task = public_task_or_404(task_id)
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    if profile is None:
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


@resident_required
@require_POST
def undismiss(request, task_id: int):
    """Undo "Ikke for mig": the task, and tasks like it, are suggested again."""
    profile = VolunteerProfile.objects.filter(user=request.user).first()
    feedback = (
        Feedback.objects.filter(
            volunteer=profile, task_id=task_id, kind=FeedbackKind.DISMISSED
        )
        .select_related("task")
        .first()
        if profile is not None
        else None
    )
    if feedback is None:
        raise Http404(_("We could not find that task."))
    with transaction.atomic():
        feedback.delete()
        enqueue("matching.rematch_volunteer", profile.pk)
    messages.success(
        request,
        _("“%(task)s” and tasks like it can be suggested to you again.")
        % {"task": feedback.task.title},
    )
    return redirect("matching_for_you")


@require_http_methods(["GET", "POST"])
@csrf_exempt  # one-click unsubscribe (RFC 8058) posts without a session
def unsubscribe(request, token: str):
    """Turn the digest off from a link in it, without logging in.

    RFC 8058: a POST (the mail client's one click, or the button here) turns it
    off; a GET only asks, since link checkers and previews open links.
    """
    from . import digests

    profile = digests.profile_for_token(token)
    if profile is None:
        return render(request, "matching/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        digests.unsubscribe(profile)
        return render(request, "matching/unsubscribed.html", {"profile": profile})
    return render(
        request, "matching/unsubscribe.html", {"profile": profile, "token": token}
    )
