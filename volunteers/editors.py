"""What cluster editors may see of residents: sign-ups to their own cluster's tasks."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from clusters.selectors import editable_paths

from .models import Signup, VolunteerProfile


def can_see_signups(user) -> bool:
    paths = editable_paths(user)
    return paths is None or bool(paths)


def signups_for(user) -> QuerySet[Signup]:
    """Sign-ups to tasks in the clusters `user` edits, and only those.

    Sign-ups of residents whose account is deactivated (or whose address is not
    verified) are nobody's to see or decide.
    """
    signups = Signup.objects.select_related(
        "task", "task__page", "volunteer", "volunteer__user", "volunteer__village"
    ).filter(volunteer__in=VolunteerProfile.objects.reachable().values("pk"))
    paths = editable_paths(user)
    if paths is None:
        return signups
    if not paths:
        return signups.none()
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(task__page__path__startswith=path)
    return signups.filter(within)
