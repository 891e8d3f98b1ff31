"""Business rules for residents: consent, profiles and sign-ups."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .consent import TEXTS
from .models import ACTIVE, Consent, Signup, VolunteerProfile


def tasks_with_active_signups(task_ids: list[int]) -> dict[int, str]:
    """Return {task id: reason} for tasks that residents have signed up to.

    Registered with ``clusters.registry`` so that an editor cannot remove such a
    task from its action plan.
    """
    counts: dict[int, int] = {}
    for task_id in Signup.objects.filter(
        task_id__in=task_ids, status__in=ACTIVE
    ).values_list("task_id", flat=True):
        counts[task_id] = counts.get(task_id, 0) + 1
    return {
        task_id: ngettext(
            "%(count)d resident has signed up to this task. Talk to them first, "
            "or mark the task as done instead of removing it.",
            "%(count)d residents have signed up to this task. Talk to them first, "
            "or mark the task as done instead of removing it.",
            count,
        )
        % {"count": count}
        for task_id, count in counts.items()
    }


def give_consent(user, purpose: str) -> Consent:
    """Record consent for `purpose` with the current text version (idempotent)."""
    text = TEXTS[purpose]
    with transaction.atomic():
        current = (
            Consent.objects.select_for_update()
            .active()
            .filter(user=user, purpose=purpose)
            .first()
        )
        if current is not None and current.text_version == text.version:
            return current
        if current is not None:
            current.withdrawn_at = timezone.now()
            current.save(update_fields=["withdrawn_at"])
        return Consent.objects.create(
            user=user, purpose=purpose, text_version=text.version
        )


def withdraw_consent(user, purpose: str) -> bool:
    """Withdraw the active consent for `purpose`; return whether there was one."""
    return bool(
        Consent.objects.active()
        .filter(user=user, purpose=purpose)
        .update(withdrawn_at=timezone.now())
    )


def create_profile(user, *, display_name: str) -> VolunteerProfile:
    profile, _created = VolunteerProfile.objects.get_or_create(
        user=user, defaults={"display_name": display_name}
    )
    return profile


def resolve_village(name: str, postcode: str = ""):
    """Return the one village called `name` (with `postcode`, if given).

    Raises a ValidationError a resident understands when there is none, or several.
    """
    from django.core.exceptions import ValidationError

    from clusters.models import ClusterPage, Village

    live = ClusterPage.objects.live().values("pk")
    villages = Village.objects.filter(name__iexact=name, cluster__in=live)
    if postcode:
        villages = villages.filter(postcode=postcode) or villages
    found = list(villages.select_related("cluster")[:2])
    if not found:
        raise ValidationError(
            _(
                "We do not know a village called “%(name)s” in any cluster yet. "
                "Check the spelling, or leave it out and give your postcode."
            )
            % {"name": name},
            code="unknown_village",
        )
    if len(found) > 1:
        raise ValidationError(
            _("There are several villages called “%(name)s”: add your postcode.")
            % {"name": name},
            code="ambiguous_village",
        )
    return found[0]


def home_clusters(profile: VolunteerProfile) -> list:
    """Return the clusters a resident lives in: by their village, or their postcode."""
    from clusters.models import ClusterPage

    if profile.village_id:
        return list(ClusterPage.objects.filter(pk=profile.village.cluster_id))
    if profile.postcode:
        return list(
            ClusterPage.objects.live()
            .filter(villages__postcode=profile.postcode)
            .distinct()
        )
    return []


def nearby_clusters(profile: VolunteerProfile):
    """Return the clusters a resident may choose to follow.

    Those of their own municipality, and any they already follow; all clusters only
    while the resident has told us nothing of where they live.
    """
    from django.db.models import Q

    from clusters.models import ClusterPage

    clusters = ClusterPage.objects.live().order_by("title")
    if not profile.pk:
        return clusters
    home = home_clusters(profile)
    if not home:
        return clusters
    municipalities = {cluster.municipality for cluster in home}
    followed = profile.clusters.values("pk")
    return clusters.filter(Q(municipality__in=municipalities) | Q(pk__in=followed))


def save_skills(formset) -> None:
    """Save the resident's skills, each linked to the taxonomy where it matches."""
    from . import taxonomy

    skills = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj.delete()
    for order, skill in enumerate(skills):
        skill.skill = taxonomy.link(skill.phrase)
        skill.sort_order = order
        skill.save()
