"""Between the database and the pure engine: residents and tasks in, matches out."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from wagtail.models import Page

from clusters.models import ActionPlanPage, ClusterPage, Task, TaskStatus
from clusters.selectors import below, private_pages
from skills.taxonomy import get_engine
from volunteers.models import (
    HOLDING_PLACE,
    ConsentPurpose,
    Signup,
    SignupStatus,
    VolunteerProfile,
)

from . import engine as pure
from .models import Feedback, FeedbackKind, Match


def _season_and_slots(profile: VolunteerProfile) -> frozenset[str]:
    slots = {
        slot
        for slot, on in (
            ("weekdays", profile.weekdays),
            ("evenings", profile.evenings),
            ("weekends", profile.weekends),
        )
        if on
    }
    return frozenset(slots | set(profile.seasons or []))


# A task with no estimate counts as an afternoon's work.
DEFAULT_TASK_HOURS = 4.0


def committed_hours(profiles=None) -> dict[int, float]:
    """{resident id: hours of the tasks they hold a place on and are not over}.

    A task is over when it is done or its deadline has passed. One grouped read for
    all of `profiles` (a queryset or ids), or for everyone.
    """
    from django.utils import timezone

    signups = (
        Signup.objects.filter(status__in=HOLDING_PLACE)
        .exclude(task__status=TaskStatus.DONE)
        .exclude(task__deadline__lt=timezone.localdate())
    )
    if profiles is not None:
        signups = signups.filter(volunteer__in=profiles)
    return {
        volunteer_id: float(hours)
        for volunteer_id, hours in signups.values("volunteer_id")
        .annotate(
            hours=Sum(
                Coalesce(
                    "task__estimated_hours",
                    Value(DEFAULT_TASK_HOURS, output_field=DecimalField()),
                )
            )
        )
        .values_list("volunteer_id", "hours")
    }


@dataclass
class Learnt:
    """What a resident's feedback tells the engine (see `feedback_of`)."""

    excluded: set = field(default_factory=set)  # task ids
    declined: set = field(default_factory=set)  # (cluster id or "", phrase)
    proven: set = field(default_factory=set)  # phrases


def feedback_of(profiles) -> dict[int, Learnt]:
    """{resident id: what their feedback tells the engine}, in three reads.

    A resident's "Ikke for mig" holds for tasks like it everywhere; an editor's "Ikke
    egnet" for tasks like it in that cluster; confirmed and done sign-ups raise the
    skills they used. The tasks themselves stay excluded, as before.
    """
    from clusters.models import ClusterPage

    learnt: dict[int, Learnt] = defaultdict(Learnt)
    feedback = list(
        Feedback.objects.filter(volunteer__in=profiles).select_related("task__page")
    )
    used = list(
        Signup.objects.filter(
            volunteer__in=profiles,
            status__in=[SignupStatus.CONFIRMED, SignupStatus.DONE],
        ).select_related("task")
    )
    steps = Page.steplen * 3
    cluster_ids = dict(
        ClusterPage.objects.filter(
            path__in={f.task.page.path[:steps] for f in feedback}
        ).values_list("path", "pk")
    )
    for item in feedback:
        resident = learnt[item.volunteer_id]
        resident.excluded.add(item.task_id)
        if item.kind == FeedbackKind.DISMISSED:
            cluster = ""
        else:
            cluster = str(cluster_ids.get(item.task.page.path[:steps], ""))
            if not cluster:
                continue
        for phrase in item.task.skill_phrases or [item.task.title]:
            resident.declined.add((cluster, phrase))
    for signup in used:
        learnt[signup.volunteer_id].proven.update(
            signup.task.skill_phrases or [signup.task.title]
        )
    return learnt


def as_volunteer(
    profile: VolunteerProfile,
    *,
    excluded=(),
    load_hours: float = 0.0,
    learnt: Learnt | None = None,
) -> pure.Volunteer:
    """The engine's view of a resident: skills, place, time, load and feedback."""
    if learnt is not None:
        excluded = {*excluded, *learnt.excluded}
    skills = list(profile.skills.all())
    village = profile.village
    # Without a village, the first cluster they follow says where they are.
    home = village.cluster if village else next(iter(profile.clusters.all()), None)
    return pure.Volunteer(
        id=profile.pk,
        skills=[s.phrase for s in skills],
        levels=[s.level for s in skills],
        village=str(village.pk) if village else None,
        cluster=str(home.pk) if home else None,
        municipality=home.municipality if home else None,
        availability=_season_and_slots(profile),
        hours_per_month=float(profile.hours_per_month or 0),
        load_hours=load_hours,
        newcomer=profile.in_association is False,
        excluded_tasks=frozenset(excluded),
        declined=frozenset(learnt.declined) if learnt else frozenset(),
        proven=frozenset(learnt.proven) if learnt else frozenset(),
    )


def as_task(task: Task, cluster=None) -> pure.Task:
    """The engine's view of a task: skills, place, when, and how much work."""
    return pure.Task(
        id=task.pk,
        skills=task.skill_phrases or [task.title],
        when=task.week_slots | task.seasons,
        village=str(task.village_id) if task.village_id else None,
        cluster=str(cluster.pk) if cluster else None,
        municipality=cluster.municipality if cluster else None,
        volunteers_needed=task.volunteers_needed,
        hours=float(task.estimated_hours or 0),
        good_first_task=task.good_first_task,
    )


def open_tasks_for(profile: VolunteerProfile):
    """Open, public tasks in the clusters the resident follows (all, if none)."""
    plans = ActionPlanPage.objects.live().exclude(private_pages())
    clusters = list(profile.clusters.all())
    if clusters:
        within = Q(pk__in=[])
        for cluster in clusters:
            within |= below(cluster)
        plans = plans.filter(within)
    return (
        Task.objects.filter(page__in=plans.values("pk"), status=TaskStatus.OPEN)
        .select_related("page", "village", "meeting_place")
        .annotate(
            places_taken=Count(
                "signups", filter=Q(signups__status__in=HOLDING_PLACE), distinct=True
            )
        )
        .order_by("pk")
    )


def consenting_residents(municipality: str, *, contact: bool = False) -> list:
    """Reachable residents of a municipality (living there or following a cluster
    there) who consented to matching — and, with `contact`, to being contacted."""
    purposes = [ConsentPurpose.MATCHING]
    if contact:
        purposes.append(ConsentPurpose.CONTACT)
    return list(
        VolunteerProfile.objects.reachable()
        .consenting(*purposes)
        .filter(
            Q(village__cluster__municipality=municipality)
            | Q(clusters__municipality=municipality)
        )
        .distinct()
        .select_related("user", "village__cluster")
        .prefetch_related("skills", "clusters")
    )


def tasks_for_resident(profile: VolunteerProfile, *, top_k: int = 10) -> list[tuple]:
    """The open tasks that fit a resident best, with the engine's reasons.

    Nothing for a resident who is not reachable (deactivated, or with an unverified
    address) or has no consent to matching; tasks they signed up to or dismissed are
    left out.
    """
    if (
        not VolunteerProfile.objects.reachable()
        .consenting(ConsentPurpose.MATCHING)
        .filter(pk=profile.pk)
        .exists()
    ):
        return []
    taken = set(
        Signup.objects.filter(volunteer=profile).values_list("task_id", flat=True)
    )
    tasks = [t for t in open_tasks_for(profile) if t.pk not in taken]
    if not tasks:
        return []
    profile = (
        VolunteerProfile.objects.select_related("village__cluster")
        .prefetch_related("skills", "clusters")
        .get(pk=profile.pk)
    )
    by_id = {task.pk: task for task in tasks}
    learnt = feedback_of([profile.pk]).get(profile.pk)
    steps = Page.steplen * 3
    clusters = {
        c.path: c
        for c in ClusterPage.objects.filter(
            path__in={t.page.path[:steps] for t in tasks}
        )
    }
    load = committed_hours([profile.pk]).get(profile.pk, 0.0)
    matches = get_engine().rank_tasks(
        as_volunteer(profile, load_hours=load, learnt=learnt),
        [as_task(t, clusters.get(t.page.path[:steps])) for t in tasks],
        top_k=top_k,
    )
    return [(by_id[m.task_id], m) for m in matches]


def _cluster_of(task: Task):
    return ClusterPage.objects.filter(path=task.page.path[: Page.steplen * 3]).first()


def rank_residents(
    task: Task, *, top_k: int, contact: bool = False, skip_signed_up: bool = False
):
    """Consenting residents of the task's municipality who fit it, best first.

    Returns (the pure task, the engine's Volunteers, [(profile, Match), …]). Residents
    an editor ruled out (or who dismissed the task) are left out.
    """
    cluster = _cluster_of(task)
    if cluster is None:
        return None, [], []
    left_out: set[int] = set()
    if skip_signed_up:
        left_out |= set(
            Signup.objects.filter(task=task).values_list("volunteer_id", flat=True)
        )
    profiles = [
        p
        for p in consenting_residents(cluster.municipality, contact=contact)
        if p.pk not in left_out
    ]
    pure_task = as_task(task, cluster)
    ids = [p.pk for p in profiles]
    load = committed_hours(ids) if ids else {}
    learnt = feedback_of(ids) if ids else {}
    volunteers = [
        as_volunteer(p, load_hours=load.get(p.pk, 0.0), learnt=learnt.get(p.pk))
        for p in profiles
    ]
    if not volunteers:
        return pure_task, [], []
    by_id = {p.pk: p for p in profiles}
    ranked = get_engine().rank([pure_task], volunteers, top_k=top_k)[task.pk]
    return pure_task, volunteers, [(by_id[m.volunteer_id], m) for m in ranked]


def candidates_for_task(task: Task, *, top_k: int = 20) -> tuple[list, list]:
    """Residents who could do `task`, best first, and the proposed team.

    Only residents who consented to matching *and* to being contacted by
    coordinators, in the task's municipality, and not already signed up.
    """
    pure_task, volunteers, pairs = rank_residents(
        task, top_k=top_k, contact=True, skip_signed_up=True
    )
    if not pairs:
        return [], []
    ranked = {task.pk: [match for _profile, match in pairs]}
    team = get_engine().assign([pure_task], volunteers, ranked=ranked)[task.pk]
    by_id = {profile.pk: profile for profile, _match in pairs}
    return pairs, [by_id[v] for v in team]


def _stored(task_id: int, volunteer_id: int, match):
    return Match(
        task_id=task_id,
        volunteer_id=volunteer_id,
        score=match.score,
        skill_coverage=match.skill_coverage,
        reasons=_reason_dicts(match),
        engine_version=pure.ENGINE_VERSION,
    )


def _reason_dicts(match) -> list[dict]:
    return [
        {
            "kind": r.kind,
            "how": r.how,
            "requirement": r.requirement,
            "phrase": r.phrase,
            "skill": r.skill,
            "score": r.score,
        }
        for r in match.reasons
    ]


def store_matches_for_volunteer(profile_id: int, *, top_k: int = 20) -> int:
    """Replace the stored matches of one resident; none without consent."""
    profile = VolunteerProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        return 0
    found = tasks_for_resident(profile, top_k=top_k)
    with transaction.atomic():
        Match.objects.filter(volunteer_id=profile_id).delete()
        Match.objects.bulk_create(
            _stored(task.pk, profile_id, match) for task, match in found
        )
    return len(found)


def store_matches_for_task(task_id: int, *, top_k: int = 20) -> int:
    """Replace the stored matches of one task with its best consenting residents."""
    task = Task.objects.select_related("page").filter(pk=task_id).first()
    if task is None or task.status != TaskStatus.OPEN:
        Match.objects.filter(task_id=task_id).delete()
        return 0
    _pure, _volunteers, ranked = rank_residents(task, top_k=top_k)
    with transaction.atomic():
        Match.objects.filter(task_id=task_id).delete()
        Match.objects.bulk_create(
            _stored(task_id, profile.pk, match) for profile, match in ranked
        )
    return len(ranked)


def municipalities_with_open_tasks() -> list[str]:
    open_plans = Task.objects.filter(status=TaskStatus.OPEN).values("page_id")
    steps = Page.steplen * 3
    paths = {
        path[:steps]
        for path in ActionPlanPage.objects.live()
        .filter(pk__in=open_plans)
        .values_list("path", flat=True)
    }
    return sorted(
        set(
            ClusterPage.objects.filter(path__in=paths).values_list(
                "municipality", flat=True
            )
        )
    )


def store_matches_for_municipality(municipality: str, *, top_k: int = 20) -> int:
    """Rematch every open task of one municipality against its consenting residents.

    One engine run (the residents' side is indexed once); idempotent, so a retry
    simply writes the same rows again.
    """
    clusters = {
        c.path: c for c in ClusterPage.objects.live().filter(municipality=municipality)
    }
    if not clusters:
        return 0
    within = Q(pk__in=[])
    for cluster in clusters.values():
        within |= below(cluster)
    plans = ActionPlanPage.objects.live().exclude(private_pages()).filter(within)
    tasks = list(
        Task.objects.filter(page__in=plans.values("pk"), status=TaskStatus.OPEN)
        .select_related("page")
        .order_by("pk")
    )
    profiles = consenting_residents(municipality)
    ids = [p.pk for p in profiles]
    learnt = feedback_of(ids) if ids else {}
    steps = Page.steplen * 3
    load = committed_hours(ids) if ids else {}
    ranked = get_engine().rank(
        [as_task(t, clusters.get(t.page.path[:steps])) for t in tasks],
        [
            as_volunteer(p, load_hours=load.get(p.pk, 0.0), learnt=learnt.get(p.pk))
            for p in profiles
        ],
        top_k=top_k,
    )
    rows = [
        _stored(task_id, m.volunteer_id, m)
        for task_id, matches in ranked.items()
        for m in matches
    ]
    with transaction.atomic():
        Match.objects.filter(task__in=[t.pk for t in tasks]).delete()
        Match.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
