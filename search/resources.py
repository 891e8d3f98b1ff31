"""The municipal resource search: what the clusters of a municipality have to offer.

Plain functions over the ORM, shared by the pages and their exports. Every function
takes the clusters the staff member may see (see `municipal_clusters`) and never
reads outside them; aggregations run in the database, in a fixed number of queries
whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce, Substr
from django.db.models.lookups import In
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext

from wagtail.models import Page

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    MeetingPlacePage,
    Task,
    TaskStatus,
    Village,
)
from clusters.selectors import below, private_pages, restricted_paths
from matching.models import Match
from skills.readings import CLEAR, key_of, skills_of
from skills.taxonomy import vocabulary
from volunteers.models import (
    AccessLog,
    ConsentPurpose,
    Skill,
    SkillCategory,
    SkillLevel,
    VolunteerProfile,
    VolunteerSkill,
)

PER_PAGE = 50

# A stored match at or above this score is a resident who fits the task well enough
# for an editor to ask them. The engine stores everything from its relevance
# threshold (35) up, which includes residents who cover only a part of the skills;
# 60 is about three quarters of the skill weight (0.80) covered at level "do", so a
# task whose best stored match is below it has nobody who clearly fits yet.
GOOD_MATCH = 60.0

# The action written in `volunteers.AccessLog` for every resident a look-up shows.
LOOKUP_ACTION = "municipal_lookup"


# Clusters and where pages sit -------------------------------------------------------


MANY_CLUSTERS = 60


@dataclass
class Scope:
    """The live, public clusters a staff member looks into, and what is private."""

    clusters: list[ClusterPage]
    restricted: list[str]

    @property
    def private(self) -> Q:
        return private_pages(self.restricted)

    @cached_property
    def by_path(self) -> dict[str, ClusterPage]:
        return {c.path: c for c in self.clusters}

    @property
    def ids(self) -> list[int]:
        return [c.pk for c in self.clusters]

    def narrowed(self, cluster: ClusterPage | None) -> Scope:
        """Only `cluster` (one of ours), or all of them."""
        if cluster is None:
            return self
        return Scope(
            clusters=[c for c in self.clusters if c.pk == cluster.pk],
            restricted=self.restricted,
        )

    def inside(self) -> Q:
        """Pages below one of the clusters (nothing, when there are none).

        A path range per cluster uses the path index, which suits a municipality's
        dozen or two; an administrator's national view (a thousand clusters) gets one
        hashed IN over the first three steps of the path instead of a thousand ranges.
        """
        if len(self.clusters) > MANY_CLUSTERS:
            steps = Page.steplen * 3
            return Q(
                In(Substr("path", 1, steps), [c.path for c in self.clusters]),
                depth__gt=3,
            )
        condition = Q(pk__in=[])
        for cluster in self.clusters:
            condition |= below(cluster)
        return condition

    def cluster_of(self, page: Page) -> ClusterPage | None:
        return self.by_path.get(page.path[: Page.steplen * 3])


def municipal_scope(municipalities: list[str]) -> Scope:
    """The live, public clusters of `municipalities`, in two queries."""
    restricted = restricted_paths()
    clusters = list(
        ClusterPage.objects.live()
        .exclude(private_pages(restricted))
        .filter(municipality__in=municipalities)
        .order_by("title", "pk")
    )
    return Scope(clusters=clusters, restricted=restricted)


def villages_of(scope: Scope) -> QuerySet[Village]:
    return (
        Village.objects.filter(cluster_id__in=scope.ids)
        .select_related("cluster")
        .order_by("name", "pk")
    )


# Meeting places ---------------------------------------------------------------------


def meeting_places(
    scope: Scope,
    *,
    kind: str = "",
    facilities=(),
    min_capacity: int | None = None,
    village: Village | None = None,
) -> QuerySet[MeetingPlacePage]:
    """Live, public meeting places of the clusters with every facility asked for."""
    places = (
        MeetingPlacePage.objects.live()
        .exclude(scope.private)
        .filter(scope.inside())
        .select_related("village")
        .prefetch_related("facilities")
        .order_by("title", "pk")
    )
    if kind:
        places = places.filter(kind=kind)
    if min_capacity:
        places = places.filter(capacity__gte=min_capacity)
    if village is not None:
        places = places.filter(village=village)
    through = MeetingPlacePage.facilities.through
    for facility in facilities:
        # One semi-join per facility: a place must have all of them.
        places = places.filter(
            pk__in=through.objects.filter(facility=facility).values(
                "meetingplacepage_id"
            )
        )
    return places


# Skills on offer --------------------------------------------------------------------


# The skills a resident's phrase names: its stored reading, one row per skill.
SKILL = "reading__links__skill"


def _offers(*, category: str = "", skill: Skill | None = None) -> dict:
    """Conditions for phrases that offer a skill (of `category`, or `skill`), in one
    filter() so that they hold for the same skill of the reading."""
    conditions: dict = {
        f"{SKILL}__isnull": False,
        "reading__links__confidence__gte": CLEAR,
    }
    if category:
        conditions[f"{SKILL}__category"] = category
    if skill is not None:
        conditions[SKILL] = skill
    return conditions


def offered_skills(
    scope: Scope, *, category: str = "", skill: Skill | None = None
) -> QuerySet[VolunteerSkill]:
    """Skills residents of the clusters offer, as their phrases are read, with consent.

    A phrase counts for every skill its stored reading names ("snedker og maler" for
    both), the same reading the matching uses. A resident counts where they live (the
    cluster of their village); a resident who gave no village counts in each of the
    clusters they follow. "I would like to learn" is not an offer. Only reachable
    residents (an active account, a verified address) who consented to matching count.
    """
    return (
        VolunteerSkill.objects.filter(
            profile__in=VolunteerProfile.objects.reachable()
            .consenting(ConsentPurpose.MATCHING)
            .values("pk"),
            **_offers(category=category, skill=skill),
        )
        .exclude(level=SkillLevel.LEARN)
        .annotate(
            home_cluster=Coalesce(
                F("profile__village__cluster"), F("profile__clusters")
            )
        )
        .filter(home_cluster__in=scope.ids)
    )


def skill_counts(
    scope: Scope,
    *,
    category: str = "",
    skill: Skill | None = None,
    by_skill: bool = False,
    per_village: bool = True,
) -> QuerySet:
    """How many residents offer each category (or skill), per cluster and village.

    Rows are dicts: cluster_id, village_name, category, skill names (with `by_skill`)
    and `residents`, a count of distinct residents. Never a name.
    """
    rows = offered_skills(scope, category=category, skill=skill)
    keys = ["home_cluster"]
    if per_village:
        keys.append("profile__village__name")
    keys.append(f"{SKILL}__category")
    if by_skill:
        keys += [f"{SKILL}__name_da", f"{SKILL}__name_en"]
    return (
        rows.values(*keys)
        .annotate(residents=Count("profile_id", distinct=True))
        .order_by(*keys)
    )


# Counts below this are shown as "fewer than 3": in a small village, "1 resident
# offers bookkeeping" can say who it is.
SMALL_COUNT = 3


def shown_count(count: int) -> int | str:
    """A count of residents as staff may see it: exact from `SMALL_COUNT` up."""
    if 0 < count < SMALL_COUNT:
        return gettext("fewer than %(count)s") % {"count": SMALL_COUNT}
    return count


def label_counts(rows, scope: Scope) -> list[dict]:
    """Give the rows of `skill_counts` their cluster, village and skill names, and
    their counts as staff may see them (`shown_count`)."""
    by_id = {c.pk: c for c in scope.clusters}
    english = (translation.get_language() or "da").startswith("en")
    labelled = []
    for row in rows:
        category = row[f"{SKILL}__category"]
        skill_name = row.get(f"{SKILL}__name_en" if english else f"{SKILL}__name_da")
        labelled.append(
            {
                "cluster": by_id.get(row["home_cluster"]),
                "village": row.get("profile__village__name") or "",
                "category": str(SkillCategory(category).label)
                if category in SkillCategory.values
                else category,
                "skill": skill_name or "",
                "residents": shown_count(row["residents"]),
            }
        )
    return labelled


def contactable_residents(
    scope: Scope, *, category: str = "", skill: Skill | None = None
) -> QuerySet[VolunteerProfile]:
    """Residents offering the skill who agreed to be contacted by coordinators.

    The same residents the counts count (consent to matching, where they live, the
    same reading of their phrases), and of those only the ones with an active consent
    to show their contact details. Each profile carries `offered` (the phrases that
    made it match, each with its strongest skill).
    """
    offered = (
        VolunteerSkill.objects.filter(**_offers(category=category, skill=skill))
        .exclude(level=SkillLevel.LEARN)
        .distinct()
    )
    return (
        VolunteerProfile.objects.reachable()
        .consenting(ConsentPurpose.MATCHING, ConsentPurpose.CONTACT)
        .filter(
            Q(village__cluster_id__in=scope.ids)
            | Q(village__isnull=True, clusters__in=scope.ids)
        )
        .filter(pk__in=offered.values("profile_id"))
        .distinct()
        .select_related("user", "village__cluster")
        .prefetch_related(
            Prefetch(
                "skills",
                queryset=offered.select_related("skill"),
                to_attr="offered",
            )
        )
        .order_by("display_name", "pk")
    )


def lookup_reason(*, category: str = "", skill: Skill | None = None) -> str:
    """Why a resident's data was shown, in Danish (it is shown in their own export)."""
    with translation.override("da"):
        if skill is not None:
            what = skill.name_da
        elif category in SkillCategory.values:
            what = str(SkillCategory(category).label).lower()
        else:
            what = category
        return gettext("Municipal resource search: %(what)s") % {"what": what}


def log_lookup(*, actor, profiles, reason: str) -> int:
    """Write one AccessLog row per resident shown, for every look-up (no dedup)."""
    label = actor.get_full_name() or actor.email
    rows = AccessLog.objects.bulk_create(
        AccessLog(
            subject_id=profile.user_id,
            actor=actor,
            actor_label=label[:120],
            action=LOOKUP_ACTION,
            reason=reason[:200],
        )
        for profile in profiles
    )
    return len(rows)


# Skill gaps -------------------------------------------------------------------------


@dataclass
class Gap:
    """Open tasks of one cluster that need one skill nobody fits well yet."""

    cluster: ClusterPage | None
    label: str
    category: str = ""
    in_taxonomy: bool = True
    tasks: list[Task] = field(default_factory=list)


def unmatched_tasks(scope: Scope) -> QuerySet[Task]:
    """Open tasks of live, public action plans without a good stored match."""
    plans = (
        ActionPlanPage.objects.live()
        .exclude(scope.private)
        .filter(scope.inside())
        .values("pk")
    )
    good = Match.objects.filter(task=OuterRef("pk"), score__gte=GOOD_MATCH)
    return (
        Task.objects.filter(page__in=plans, status=TaskStatus.OPEN)
        .exclude(Exists(good))
        .select_related("page", "village")
        .order_by("pk")
    )


def skill_gaps(scope: Scope) -> list[Gap]:
    """Unmatched open tasks grouped by cluster and skill, the largest groups first.

    A task's phrases are read by their stored reading — the reading the matching
    itself uses, and the overview's demand too — each distinct phrase once; a phrase
    that names no skill is its own group. A task with several skills appears under
    each.
    """
    english = (translation.get_language() or "da").startswith("en")
    groups: dict[tuple, Gap] = {}
    tasks = list(unmatched_tasks(scope))
    read = skills_of(p for task in tasks for p in task.skill_phrases or [task.title])
    skills = vocabulary()[2]
    for task in tasks:
        cluster = scope.cluster_of(task.page)
        cluster_key = getattr(cluster, "pk", None)
        for phrase in task.skill_phrases or [task.title]:
            found = []
            for reading in read.get(key_of(phrase), ()):
                info = skills.get(reading.skill_id)
                if info is None:
                    continue
                found.append(
                    (
                        (cluster_key, "skill", info["slug"]),
                        Gap(
                            cluster=cluster,
                            label=(info["name_en"] if english else "")
                            or info["name_da"],
                            category=str(SkillCategory(info["category"]).label)
                            if info["category"] in SkillCategory.values
                            else info["category"],
                        ),
                    )
                )
            if not found:
                found.append(
                    (
                        (cluster_key, "phrase", phrase.casefold()),
                        Gap(cluster=cluster, label=phrase, in_taxonomy=False),
                    )
                )
            for key, gap in found:
                gap = groups.setdefault(key, gap)
                if task not in gap.tasks:
                    gap.tasks.append(task)
    return sorted(
        groups.values(),
        key=lambda g: (
            getattr(g.cluster, "title", ""),
            -len(g.tasks),
            g.label.casefold(),
        ),
    )


# Activities -------------------------------------------------------------------------

DEFAULT_EVENT_DAYS = 91  # about three months


def default_event_range() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today, today + dt.timedelta(days=DEFAULT_EVENT_DAYS)


def events_between(
    scope: Scope, *, start: dt.date, end: dt.date
) -> QuerySet[EventPage]:
    """Live, public events starting from `start` to `end` (whole days, local time)."""
    tz = timezone.get_current_timezone()
    since = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    until = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return (
        EventPage.objects.live()
        .exclude(scope.private)
        .filter(scope.inside())
        .filter(start__gte=since, start__lt=until)
        .select_related("meeting_place")
        .order_by("start", "pk")
    )
