"""What cluster editors may see of residents: sign-ups to their own cluster's tasks."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from wagtail.models import GroupPagePermission

from .models import Signup


def editable_paths(user) -> list[str] | None:
    """Return the tree paths the user may edit below; None means everything."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return None
    return list(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).values_list("page__path", flat=True)
    )


def can_see_signups(user) -> bool:
    paths = editable_paths(user)
    return paths is None or bool(paths)


def signups_for(user) -> QuerySet[Signup]:
    """Sign-ups to tasks in the clusters `user` edits, and only those."""
    signups = Signup.objects.select_related(
        "task", "task__page", "volunteer", "volunteer__user", "volunteer__village"
    )
    paths = editable_paths(user)
    if paths is None:
        return signups
    if not paths:
        return signups.none()
    within = Q(pk__in=[])
    for path in paths:
        within |= Q(task__page__path__startswith=path)
    return signups.filter(within)
