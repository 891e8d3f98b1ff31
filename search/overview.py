"""The municipal overview: each cluster's phase, residents and tasks, in a few queries.

Every figure is a database aggregation over the chosen municipalities, so the number of
queries does not grow with the number of clusters. Action plans are always children of
their cluster (``ActionPlanPage.parent_page_types``), so a plan's cluster is the page
whose tree path is the plan's path less its last step: tasks, sign-ups and plans are
grouped by that, with no query per cluster.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Length, Substr, TruncMonth
from django.utils import timezone

from wagtail.models import Page

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    FundingPool,
    Task,
    TaskStatus,
    Village,
)
from clusters.selectors import private_pages, restricted_paths
from clusters.services import split_phrases
from skills.readings import CLEAR, key_of, skills_of
from skills.taxonomy import vocabulary
from volunteers.models import (
    Consent,
    ConsentPurpose,
    Signup,
    SkillCategory,
    SkillLevel,
    VolunteerProfile,
    VolunteerSkill,
)

MONTHS = 12
DEADLINE_DAYS = 90


def parent_path(path: str | OuterRef = "path") -> Substr:
    """The tree path of a page's parent: its own path less the last step."""
    return Substr(path, 1, Length(path) - Page.steplen)


@dataclass
class Scope:
    """The clusters of the chosen municipalities, as the public site shows them."""

    municipalities: list[str]
    private: list[str] = field(default_factory=restricted_paths)

    def clusters(self) -> QuerySet[ClusterPage]:
        return (
            ClusterPage.objects.live()
            .filter(municipality__in=self.municipalities)
            .exclude(private_pages(self.private))
        )

    def plans(self) -> QuerySet[ActionPlanPage]:
        """Live, public action plans of those clusters, with their cluster's path."""
        return (
            ActionPlanPage.objects.live()
            .exclude(private_pages(self.private))
            .annotate(cluster_path=parent_path())
            .filter(cluster_path__in=self.clusters().values("path"))
        )

    def tasks(self) -> QuerySet[Task]:
        return Task.objects.filter(page__in=self.plans().values("pk"))

    @cached_property
    def resident_pairs(self) -> dict[tuple[int, int], bool]:
        """{(cluster id, resident id): new volunteer?} for residents living in a
        cluster or following it — each pair once — in two grouped reads."""
        ids = list(self.clusters().values_list("pk", flat=True))
        active = VolunteerProfile.objects.reachable()
        newcomer = Q(in_association=False)
        pairs = {
            (cluster_id, profile_id): is_new
            for cluster_id, profile_id, is_new in active.filter(
                village__cluster_id__in=ids
            ).values_list("village__cluster_id", "pk", newcomer)
        }
        pairs.update(
            ((cluster_id, profile_id), is_new)
            for cluster_id, profile_id, is_new in active.filter(
                clusters__in=ids
            ).values_list("clusters", "pk", newcomer)
        )
        return pairs

    def residents(self):
        """The residents, as ids when they are few and as a subquery when many (a
        national view's 100,000 ids would make a slow IN list)."""
        ids = {profile_id for _cluster, profile_id in self.resident_pairs}
        if len(ids) <= 5000:
            return list(ids)
        clusters = self.clusters().values("pk")
        following = VolunteerProfile.clusters.through.objects.filter(
            clusterpage_id__in=clusters
        ).values("volunteerprofile_id")
        return (
            VolunteerProfile.objects.reachable()
            .filter(Q(village__cluster_id__in=clusters) | Q(pk__in=following))
            .values("pk")
        )


def cluster_rows(scope: Scope) -> list[ClusterPage]:
    """Each cluster with its villages, residents, new volunteers and tasks per status.

    Sets ``residents``, ``newcomers`` (residents who are not in an association),
    ``open_tasks``, ``filled_tasks`` and ``done_tasks`` on every cluster. Three queries.
    """
    clusters = list(
        scope.clusters()
        .prefetch_related(
            Prefetch("villages", queryset=Village.objects.order_by("sort_order"))
        )
        .order_by("municipality", "title")
    )
    # Residents per cluster, each once though they may live in it and follow it too.
    residents: Counter[int] = Counter()
    newcomers: Counter[int] = Counter()
    for (cluster_id, _profile_id), newcomer in scope.resident_pairs.items():
        residents[cluster_id] += 1
        newcomers[cluster_id] += bool(newcomer)
    for cluster in clusters:
        cluster.residents = residents[cluster.pk]
        cluster.newcomers = newcomers[cluster.pk]
    tasks = {
        row["cluster_path"]: row
        for row in scope.tasks()
        .annotate(cluster_path=parent_path("page__path"))
        .values("cluster_path")
        .annotate(
            open=Count("pk", filter=Q(status=TaskStatus.OPEN)),
            filled=Count("pk", filter=Q(status=TaskStatus.FILLED)),
            done=Count("pk", filter=Q(status=TaskStatus.DONE)),
        )
        .order_by()
    }
    for cluster in clusters:
        counts = tasks.get(cluster.path, {})
        cluster.open_tasks = counts.get("open", 0)
        cluster.filled_tasks = counts.get("filled", 0)
        cluster.done_tasks = counts.get("done", 0)
    return clusters


def resident_totals(scope: Scope) -> dict[str, int]:
    """Residents of all the clusters (each counted once) and the new volunteers."""
    newcomer = {profile_id: n for (_c, profile_id), n in scope.resident_pairs.items()}
    return {"residents": len(newcomer), "newcomers": sum(map(bool, newcomer.values()))}


def month_starts(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The first day of each of the last `months` months, this one last."""
    index = today.year * 12 + today.month - 1
    return [
        dt.date(i // 12, i % 12 + 1, 1) for i in range(index - months + 1, index + 1)
    ]


def signups_per_month(
    scope: Scope, *, today: dt.date | None = None, months: int = MONTHS
) -> list[tuple[dt.date, int]]:
    """Sign-ups made to the clusters' tasks in each of the last `months` months.

    Every sign-up counts in the month it was made, whatever became of it since; months
    run in local (Danish) time.
    """
    today = today or timezone.localdate()
    starts = month_starts(today, months)
    since = timezone.make_aware(dt.datetime.combine(starts[0], dt.time.min))
    counted = {
        timezone.localtime(row["month"]).date(): row["n"]
        for row in Signup.objects.filter(
            created_at__gte=since, task__in=scope.tasks().values("pk")
        )
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return [(start, counted.get(start, 0)) for start in starts]


@dataclass(frozen=True)
class SkillBalance:
    category: str
    label: str
    supply: int  # residents offering a skill of the category
    demand: int  # open tasks asking for one


def skill_supply_and_demand(scope: Scope) -> list[SkillBalance]:
    """Per taxonomy category: residents offering it against open tasks needing it.

    Both sides read phrases the same way: the stored reading of each phrase (the
    matching engine's own), residents' in the database, tasks' from their phrases. A
    task asking for two skills of one category counts once for it. Categories with
    neither are left out.
    """
    # Offers as the resource search counts them (the stored reading of each phrase,
    # consent to matching, not "would like to learn").
    supply = dict(
        VolunteerSkill.objects.filter(
            profile__in=scope.residents(),
            profile__user_id__in=Consent.objects.active()
            .filter(purpose=ConsentPurpose.MATCHING)
            .values("user_id"),
            reading__links__skill__isnull=False,
            reading__links__confidence__gte=CLEAR,
        )
        .exclude(level=SkillLevel.LEARN)
        .values_list("reading__links__skill__category")
        .annotate(n=Count("profile", distinct=True))
        .order_by()
    )
    texts = list(
        scope.tasks().filter(status=TaskStatus.OPEN).values_list("skills", flat=True)
    )
    phrases = {text: split_phrases(text) for text in set(texts)}
    read = skills_of(p for found in phrases.values() for p in found)
    category = {pk: data["category"] for pk, data in vocabulary()[2].items()}
    demand: Counter[str] = Counter()
    for text in texts:
        demand.update(
            {
                category[found.skill_id]
                for phrase in phrases[text]
                for found in read.get(key_of(phrase), ())
                if found.skill_id in category
            }
        )
    return [
        SkillBalance(
            category=value,
            label=str(label),
            supply=supply.get(value, 0),
            demand=demand.get(value, 0),
        )
        for value, label in SkillCategory.choices
        if supply.get(value) or demand.get(value)
    ]


def upcoming_deadlines(
    scope: Scope, *, today: dt.date | None = None, days: int = DEADLINE_DAYS
) -> list[FundingPool]:
    """Funding pools closing in the next `days` days, soonest first.

    National pools (no municipality) for everyone, a municipality's own pools for its
    staff only. Sets ``days_left`` and ``plans`` (the chosen municipalities' live
    action plans that link to the pool, each with ``cluster_title``) on each pool.
    """
    today = today or timezone.localdate()
    cluster_title = ClusterPage.objects.filter(
        path=parent_path(OuterRef("path"))
    ).values("title")[:1]
    plans = (
        scope.plans()
        .annotate(cluster_title=Subquery(cluster_title))
        .order_by("cluster_title", "title")
    )
    pools = list(
        FundingPool.objects.filter(
            deadline__gte=today, deadline__lte=today + dt.timedelta(days=days)
        )
        .filter(
            # National pools for everyone (a municipal pool whose municipality is not
            # set is shown to nobody rather than to all), own pools to their staff.
            Q(municipality="") & ~Q(owner_type=FundingPool.Owner.MUNICIPAL)
            | Q(municipality__in=scope.municipalities)
        )
        .prefetch_related(Prefetch("action_plans", queryset=plans, to_attr="plans"))
        .order_by("deadline", "name")
    )
    for pool in pools:
        pool.days_left = (pool.deadline - today).days
    return pools


SEARCH_TERM_DAYS = 30
SEARCH_TERM_COUNT = 10
# A term searched once or twice may be a person's name; only what several searched.
SEARCH_TERM_MIN_HITS = 3


def popular_searches(
    days: int = SEARCH_TERM_DAYS, limit: int = SEARCH_TERM_COUNT
) -> list[tuple[str, int]]:
    """What people searched the site for most in the last `days` days, with counts.

    From Wagtail's search-term log, which keeps the words and a count per day and
    nothing about who searched; it covers the whole site, not one municipality. Only
    terms searched at least SEARCH_TERM_MIN_HITS times are shown.
    """
    from django.db.models import Sum

    from wagtail.contrib.search_promotions.models import QueryDailyHits

    since = timezone.localdate() - dt.timedelta(days=days - 1)
    # Summed over the days' rows directly (Wagtail's get_most_popular joins the daily
    # rows twice when given a date, which multiplies the sums).
    popular = (
        QueryDailyHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(hits=Sum("hits"))
        .filter(hits__gte=SEARCH_TERM_MIN_HITS)
        .order_by("-hits", "query__query_string")
    )
    return [(row["query__query_string"], row["hits"]) for row in popular[:limit]]
