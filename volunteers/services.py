"""Business rules for residents: consent, profiles and sign-ups."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import emails
from .consent import TEXTS
from .models import (
    ACTIVE,
    HOLDING_PLACE,
    Consent,
    Signup,
    SignupStatus,
    VolunteerProfile,
    VolunteerSkill,
)

WAITING = SignupStatus.WAITING


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
        try:
            with transaction.atomic():
                consent = Consent.objects.create(
                    user=user, purpose=purpose, text_version=text.version
                )
        except IntegrityError:  # a second click got there first
            return Consent.objects.active().get(user=user, purpose=purpose)
        _consent_changed(user)
        return consent


def withdraw_consent(user, purpose: str) -> bool:
    """Withdraw the active consent for `purpose`; return whether there was one."""
    with transaction.atomic():
        withdrawn = bool(
            Consent.objects.active()
            .filter(user=user, purpose=purpose)
            .update(withdrawn_at=timezone.now())
        )
        _consent_changed(user)
    return withdrawn


def _consent_changed(user) -> None:
    from .signals import profile_changed

    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is not None:
        profile_changed.send(sender=VolunteerProfile, profile=profile)


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
        close = village_suggestions(name)
        if close:
            raise ValidationError(
                _(
                    "We do not know a village called “%(name)s”. Did you mean "
                    "%(villages)s? Or leave it out and give your postcode."
                )
                % {
                    "name": name,
                    "villages": get_text_list([f"“{n}”" for n in close], _("or")),
                },
                code="unknown_village",
            )
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


# How near a village's name a typo must be to be offered (rapidfuzz WRatio, 0–100).
VILLAGE_SUGGESTION_CUTOFF = 80


def village_suggestions(name: str, limit: int = 3) -> list[str]:
    """The names of the villages of live clusters that `name` is probably a typo
    of ("Knebl" → Knebel), closest first."""
    from rapidfuzz import fuzz, process

    from clusters.models import ClusterPage, Village
    from matching.engine import normalise

    live = ClusterPage.objects.live().values("pk")
    names = sorted(
        set(Village.objects.filter(cluster__in=live).values_list("name", flat=True))
    )
    found = process.extract(
        normalise(name),
        [normalise(n) for n in names],
        scorer=fuzz.WRatio,
        score_cutoff=VILLAGE_SUGGESTION_CUTOFF,
        limit=limit,
    )
    return [names[index] for _choice, _score, index in found]


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
    """Save the resident's skills, each with its reading (the skills it names)."""
    from skills.readings import key_of, readings_for

    skills = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj.delete()
    # Two passes, so that swapping two phrases never meets the unique constraint.
    renamed = [skill for skill in skills if skill.pk]
    for skill in renamed:
        VolunteerSkill.objects.filter(pk=skill.pk).update(phrase=f"\u0001{skill.pk}")
    readings = readings_for(skill.phrase for skill in skills)
    top = _strongest_of(readings.values())
    for order, skill in enumerate(skills):
        skill.reading = readings.get(key_of(skill.phrase))
        skill.skill_id = top.get(skill.reading.pk) if skill.reading else None
        skill.sort_order = order
        skill.save()


def _strongest_of(readings) -> dict[int, int]:
    """{reading id: its strongest skill id}, in one query."""
    from skills.models import PhraseSkill
    from skills.readings import CLEAR

    top: dict[int, int] = {}
    for reading_id, skill_id in (
        PhraseSkill.objects.filter(reading__in=list(readings), confidence__gte=CLEAR)
        .order_by("reading_id", "-confidence", "pk")
        .values_list("reading_id", "skill_id")
    ):
        top.setdefault(reading_id, skill_id)
    return top


def skills_reread(*, batch: int = 2000) -> int:
    """Give every resident's phrase its reading; return how many had none.

    For phrases saved before readings were stored, and after the taxonomy changed
    (the readings themselves are refreshed by `skills.readings.refresh`): the
    strongest skill ("Genkendt som") follows the reading.
    """
    from django.db.models import OuterRef, Subquery

    from skills.models import PhraseSkill
    from skills.readings import CLEAR, key_of, readings_for

    changed, last = 0, 0
    while True:
        missing = list(
            VolunteerSkill.objects.filter(reading__isnull=True, pk__gt=last)
            .order_by("pk")
            .values_list("pk", "phrase")[:batch]
        )
        if not missing:
            break
        last = missing[-1][0]
        readings = readings_for(phrase for _pk, phrase in missing)
        top = _strongest_of(readings.values())
        rows = [
            VolunteerSkill(pk=pk, reading=reading, skill_id=top.get(reading.pk))
            for pk, phrase in missing
            if (reading := readings.get(key_of(phrase))) is not None
        ]
        VolunteerSkill.objects.bulk_update(rows, ["reading", "skill"])
        changed += len(rows)
    strongest = (
        PhraseSkill.objects.filter(reading=OuterRef("reading"), confidence__gte=CLEAR)
        .order_by("-confidence", "pk")
        .values("skill")[:1]
    )
    VolunteerSkill.objects.filter(reading__isnull=False).update(
        skill=Subquery(strongest)
    )
    return changed


# Sign-ups ---------------------------------------------------------------------------


class SignupError(Exception):
    """A sign-up that cannot be made, with a message for the resident."""


def places_taken(task) -> int:
    return Signup.objects.filter(task=task, status__in=HOLDING_PLACE).count()


def sign_up(profile: VolunteerProfile, task, *, message: str = "") -> Signup:
    """Sign `profile` up to `task`, or put them on its waiting list when it is full.

    The task row is locked for the count and the write, so concurrent sign-ups to
    the last place queue up and never exceed "volunteers needed" (on PostgreSQL by
    the row lock, on SQLite by the write lock taken at the start of the transaction).
    """
    from clusters.models import Task, TaskStatus

    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        if task.status != TaskStatus.OPEN and task.status != TaskStatus.FILLED:
            raise SignupError(_("This task is finished; it takes no more sign-ups."))
        existing = (
            Signup.objects.select_for_update()
            .filter(volunteer=profile, task=task)
            .first()
        )
        if existing is not None and existing.status in (*HOLDING_PLACE, WAITING):
            raise SignupError(_("You are already signed up to this task."))
        if existing is not None and existing.status == SignupStatus.DONE:
            raise SignupError(_("You have already done this task. Thank you!"))
        if existing is not None and existing.status == SignupStatus.DECLINED:
            raise SignupError(
                _(
                    "The coordinators have declined your sign-up to this task. "
                    "Write to them if you think it is a mistake."
                )
            )
        # Nobody jumps the queue: while anyone waits, a newcomer waits too.
        queue = Signup.objects.filter(task=task, status=WAITING).exists()
        status = (
            SignupStatus.INTERESTED
            if not queue and places_taken(task) < task.volunteers_needed
            else SignupStatus.WAITING
        )
        now = timezone.now()
        if existing is None:
            signup = Signup.objects.create(
                volunteer=profile,
                task=task,
                status=status,
                message=message,
                created_at=now,
                status_changed_at=now,
            )
        else:  # signed up again after withdrawing, or after being declined
            signup = existing
            signup.status = status
            signup.message = message
            signup.created_at = now
            signup.status_changed_at = now
            signup.save()
        _update_task_fill(task)
        profile.last_active_at = now
        profile.save(update_fields=["last_active_at"])
    return signup


def withdraw(profile: VolunteerProfile, task) -> Signup | None:
    """Withdraw `profile` from `task`; the first on the waiting list moves up.

    Returns the sign-up that moved up, if any (it is told by e-mail).
    """
    from clusters.models import Task, TaskStatus

    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=task.pk)
        signup = (
            Signup.objects.select_for_update()
            .filter(volunteer=profile, task=task, status__in=(*HOLDING_PLACE, WAITING))
            .first()
        )
        if signup is None:
            raise SignupError(_("You are not signed up to this task."))
        held_place = signup.status in HOLDING_PLACE
        signup.status = SignupStatus.WITHDRAWN
        signup.status_changed_at = timezone.now()
        signup.save(update_fields=["status", "status_changed_at"])
        still_open = task.status in (TaskStatus.OPEN, TaskStatus.FILLED)
        promoted = _promote_first_waiting(task) if held_place and still_open else None
        _update_task_fill(task)
    return promoted


def _update_task_fill(task) -> None:
    """Mark an open task filled when its places are taken, and open again if not."""
    from clusters.models import Task, TaskStatus

    if task.status not in (TaskStatus.OPEN, TaskStatus.FILLED):
        return
    full = places_taken(task) >= task.volunteers_needed
    status = TaskStatus.FILLED if full else TaskStatus.OPEN
    if status != task.status:
        Task.objects.filter(pk=task.pk).update(status=status)
        task.status = status


def log_hours(profile: VolunteerProfile, signup_id: int, hours) -> Signup:
    """Record the hours a resident spent on a task that is done."""
    from clusters.models import TaskStatus

    signup = (
        Signup.objects.select_related("task")
        .filter(pk=signup_id, volunteer=profile)
        .first()
    )
    if signup is None:
        raise SignupError(_("We could not find that sign-up of yours."))
    if signup.task.status != TaskStatus.DONE and signup.status != SignupStatus.DONE:
        raise SignupError(_("You can log hours once the task is done."))
    if signup.status not in (*HOLDING_PLACE, SignupStatus.DONE):
        raise SignupError(_("You can only log hours on a task you took part in."))
    signup.hours = hours
    signup.status = SignupStatus.DONE
    signup.status_changed_at = timezone.now()
    signup.save(update_fields=["hours", "status", "status_changed_at"])
    return signup


def confirm_signup(signup: Signup) -> Signup:
    """An editor confirms a resident's place; the resident is told."""
    from clusters.models import Task

    with transaction.atomic():
        # The task first, as in every other sign-up change, so counts are serialised.
        Task.objects.select_for_update().get(pk=signup.task_id)
        signup = Signup.objects.select_for_update().get(pk=signup.pk)
        if signup.status not in (SignupStatus.INTERESTED, SignupStatus.WAITING):
            return signup
        # Confirming from the waiting list gives a place only if one is free.
        if (
            signup.status == SignupStatus.WAITING
            and places_taken(signup.task) >= signup.task.volunteers_needed
        ):
            raise SignupError(_("The task is full; decline someone first."))
        signup.status = SignupStatus.CONFIRMED
        signup.status_changed_at = timezone.now()
        signup.save(update_fields=["status", "status_changed_at"])
        from .signals import signup_confirmed

        signup_confirmed.send(sender=Signup, signup=signup)
        _update_task_fill(signup.task)
        transaction.on_commit(lambda: emails.signup_decided(signup), robust=True)
    return signup


def decline_signup(signup: Signup) -> Signup:
    """An editor declines a sign-up; the first on the waiting list moves up."""
    from clusters.models import Task

    with transaction.atomic():
        task = Task.objects.select_for_update().get(pk=signup.task_id)
        signup = Signup.objects.select_for_update().get(pk=signup.pk)
        if signup.status not in (*HOLDING_PLACE, WAITING):
            return signup
        held_place = signup.status in HOLDING_PLACE
        signup.status = SignupStatus.DECLINED
        signup.status_changed_at = timezone.now()
        signup.save(update_fields=["status", "status_changed_at"])
        if held_place:
            _promote_first_waiting(task)
        _update_task_fill(task)
        transaction.on_commit(lambda: emails.signup_decided(signup), robust=True)
    return signup


def _promote_first_waiting(task) -> Signup | None:
    if places_taken(task) >= task.volunteers_needed:
        return None
    promoted = (
        Signup.objects.select_for_update()
        .filter(task=task, status=WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if promoted is not None:
        promoted.status = SignupStatus.INTERESTED
        promoted.status_changed_at = timezone.now()
        promoted.save(update_fields=["status", "status_changed_at"])
        transaction.on_commit(lambda: emails.moved_up(promoted), robust=True)
    return promoted
