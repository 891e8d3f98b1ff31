"""Editors see, for each task of their cluster, the residents who could do it."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from clusters.models import Task, TaskStatus
from clusters.selectors import editable_paths
from volunteers.admin_views import _log_access, _require_editor

from .models import Feedback, FeedbackKind, Match
from .outbox import enqueue
from .reasons import HOW, explain
from .services import candidates_for_task


def _tasks_for(user):
    tasks = Task.objects.select_related("page").filter(
        status__in=[TaskStatus.OPEN, TaskStatus.FILLED]
    )
    paths = editable_paths(user)
    if paths is None:
        return tasks
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(page__path__startswith=path)
    return tasks.filter(within)


def task_list(request):
    _require_editor(request)
    tasks = _tasks_for(request.user).order_by("page__title", "sort_order", "pk")
    return TemplateResponse(
        request,
        "matching/admin/task_list.html",
        {"tasks": tasks[:500], "header_title": _("Candidates")},
    )


def candidates(request, task_id: int):
    _require_editor(request)
    task = get_object_or_404(_tasks_for(request.user), pk=task_id)
    ranked, team = candidates_for_task(task)

    class _Shown:  # what _log_access needs: .volunteer.user_id
        def __init__(self, profile):
            self.volunteer = profile

    _log_access(
        request,
        [_Shown(profile) for profile, _match in ranked],
        action="view_candidates",
        reason=_("Candidates for a task in the cluster, seen by an editor"),
    )
    rows = [
        {
            "profile": profile,
            "match": match,
            "why": [text for text in map(explain_for_editor, match.reasons) if text],
        }
        for profile, match in ranked
    ]
    return TemplateResponse(
        request,
        "matching/admin/candidates.html",
        {
            "task": task,
            "rows": rows,
            "team": team,
            "header_title": _("Candidates: %(task)s") % {"task": task.title},
        },
    )


def explain_for_editor(reason) -> str:
    """The same reasons, told about the resident rather than to them.

    A resident's own "Ikke for mig" is theirs: it lowers their ranking, but an
    editor is never told that they said it (nor for which tasks).
    """
    if reason.kind == "feedback":
        return {
            "unsuitable": _("Was found unsuitable for a similar task in the cluster."),
            "proven": _("Has helped with similar tasks before."),
        }.get(reason.how, "")
    if reason.kind == "skill":
        return _("Wrote “%(phrase)s” for “%(requirement)s” (%(how)s).") % {
            "phrase": reason.phrase,
            "requirement": reason.requirement,
            "how": HOW.get(reason.how, reason.how),
        }
    return explain(reason)


@require_POST
def unsuitable(request, task_id: int, profile_id: int):
    """An editor rules a candidate out for a task; the next ranking leaves them out."""
    _require_editor(request)
    task = get_object_or_404(_tasks_for(request.user), pk=task_id)
    # Only the residents the candidate list shows: anyone else (another
    # municipality's, one without consent, a deactivated account) is not found,
    # and nothing is written or named.
    ranked, _team = candidates_for_task(task)
    profile = next((p for p, _match in ranked if p.pk == profile_id), None)
    if profile is None:
        raise Http404(_("This resident is not among the task's candidates."))
    with transaction.atomic():
        Feedback.objects.get_or_create(
            task=task,
            volunteer=profile,
            kind=FeedbackKind.UNSUITABLE,
            defaults={"by": request.user},
        )
        Match.objects.filter(task=task, volunteer=profile).delete()
        enqueue("matching.rematch_task", task.pk)
        # …and the resident ranks lower for the cluster's tasks like it.
        enqueue("matching.rematch_volunteer", profile.pk)
    messages.success(
        request,
        _("%(name)s will not be suggested for this task again.")
        % {"name": profile.display_name},
    )
    return redirect("matching_admin:candidates", task_id=task.pk)
