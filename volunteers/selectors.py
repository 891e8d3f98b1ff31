"""Reads for the residents' pages: tasks they can take on, and their own sign-ups."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.models import ActionPlanPage, Task, TaskStatus
from clusters.selectors import below, private_pages

from .models import HOLDING_PLACE, Signup, SignupStatus, Skill, VolunteerProfile


def public_tasks() -> QuerySet[Task]:
    """Tasks in live, public action plans, with what a list shows of them."""
    plans = ActionPlanPage.objects.live().exclude(private_pages()).values("pk")
    return (
        Task.objects.filter(page__in=plans)
        .select_related("page", "village", "meeting_place")
        .annotate(
            places_taken=Count(
                "signups", filter=Q(signups__status__in=HOLDING_PLACE), distinct=True
            )
        )
    )


def public_task_or_404(task_id: int) -> Task:
    """The task, if a resident may see it: in a live action plan with no view
    restriction. Every resident-facing view that takes a task id starts here, so a
    draft's or a restricted plan's task is "not found" before anything is done."""
    task = public_tasks().filter(pk=task_id).first()
    if task is None:
        raise Http404(_("We could not find that task."))
    return task


def tasks_for(
    profile: VolunteerProfile | None,
    *,
    skill: Skill | None = None,
    village_id: int | None = None,
    period: str = "",
) -> QuerySet[Task]:
    """Open tasks (and full ones, for their waiting list) in the resident's clusters."""
    tasks = public_tasks().filter(status__in=[TaskStatus.OPEN, TaskStatus.FILLED])
    clusters = list(profile.clusters.all()) if profile and profile.pk else []
    if clusters:
        within = Q(pk__in=[])
        for cluster in clusters:
            within |= below(cluster)
        plans = ActionPlanPage.objects.filter(within).values("pk")
        tasks = tasks.filter(page__in=plans)
    if skill is not None:
        # Short synonyms ("it", "sy", "pr") would match inside other words.
        words = [
            word
            for word in [skill.name_da, *skill.lines(skill.synonyms), skill.name_en]
            if len(word) >= 4
        ]
        matches = Q(pk__in=[])
        for word in words:
            matches |= Q(skills__icontains=word) | Q(title__icontains=word)
        tasks = tasks.filter(matches)
    if village_id:
        tasks = tasks.filter(village_id=village_id)
    today = timezone.localdate()
    if period == "month":
        tasks = tasks.filter(
            Q(starts_on__lte=today + dt.timedelta(days=31)) | Q(starts_on__isnull=True),
            Q(deadline__gte=today) | Q(deadline__isnull=True),
        )
    elif period == "flexible":
        tasks = tasks.filter(starts_on__isnull=True, deadline__isnull=True)
    return tasks.order_by("deadline", "page__title", "sort_order", "pk")


def signups_of(profile: VolunteerProfile) -> dict[str, list[Signup]]:
    """Return the resident's sign-ups: current ones and past ones."""
    signups = list(
        Signup.objects.filter(volunteer=profile)
        .select_related("task", "task__page", "task__meeting_place", "task__village")
        .order_by("-status_changed_at")
    )
    current = [
        s
        for s in signups
        if s.status in (*HOLDING_PLACE, SignupStatus.WAITING)
        and s.task.status != TaskStatus.DONE
    ]
    past = [s for s in signups if s not in current]
    return {"current": current, "past": past}
