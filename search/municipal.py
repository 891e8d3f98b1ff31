"""The municipal pages at /kommune/: the entrance and the overview of the clusters."""

from __future__ import annotations

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from clusters.models import ClusterPage, TaskStatus
from clusters.municipalities import MUNICIPALITY_NAMES

from .access import chosen_municipalities, staff_required
from .charts import Series, bar_chart, column_chart
from .exports import FORMATS, export_response, export_workbook
from .overview import (
    DEADLINE_DAYS,
    SEARCH_TERM_DAYS,
    Scope,
    cluster_rows,
    popular_searches,
    resident_totals,
    signups_per_month,
    skill_supply_and_demand,
    upcoming_deadlines,
)


def municipality_context(request) -> dict:
    """What every /kommune/ page shows in its header: the choice of municipality."""
    chosen = chosen_municipalities(request)
    return {
        "municipality_choices": [
            (key, MUNICIPALITY_NAMES[key]) for key in request.municipalities
        ],
        "chosen_municipality": chosen[0] if len(chosen) == 1 else "",
        "chosen_municipalities": chosen,
        "municipality_names": ", ".join(MUNICIPALITY_NAMES[k] for k in chosen)
        if len(chosen) <= 3
        else "",
    }


@staff_required
def index(request):
    chosen = chosen_municipalities(request)
    clusters = (
        ClusterPage.objects.live()
        .public()
        .filter(municipality__in=chosen)
        .annotate(village_count=Count("villages"))
        .order_by("municipality", "title")
    )
    return render(
        request,
        "search/municipal/index.html",
        {**municipality_context(request), "clusters": clusters},
    )


def _month_points(months) -> list[tuple[str, str, int]]:
    """Column labels for months: the month's short name, and the year under January."""
    return [
        (
            date_format(start, "b"),
            str(start.year) if i == 0 or start.month == 1 else "",
            count,
        )
        for i, (start, count) in enumerate(months)
    ]


@staff_required
def overview(request):
    """Every cluster of the municipality: phase, residents, tasks, sign-ups, skills."""
    scope = Scope(chosen_municipalities(request))
    clusters = cluster_rows(scope)
    months = signups_per_month(scope)
    balance = skill_supply_and_demand(scope)
    statuses = [
        Series(TaskStatus.OPEN.value, str(TaskStatus.OPEN.label)),
        Series(TaskStatus.FILLED.value, str(TaskStatus.FILLED.label)),
        Series(TaskStatus.DONE.value, str(TaskStatus.DONE.label)),
    ]
    skill_series = [
        Series("supply", _("Residents offering it")),
        Series("demand", _("Open tasks needing it")),
    ]
    context = {
        **municipality_context(request),
        "clusters": clusters,
        "totals": resident_totals(scope),
        "open_tasks": sum(c.open_tasks for c in clusters),
        "months": months,
        "signups": sum(count for _start, count in months),
        "balance": balance,
        "pools": upcoming_deadlines(scope),
        "searches": popular_searches(),
        "search_days": SEARCH_TERM_DAYS,
        "deadline_days": DEADLINE_DAYS,
        "tasks_chart": bar_chart(
            [c.title for c in clusters],
            statuses,
            [[c.open_tasks, c.filled_tasks, c.done_tasks] for c in clusters],
        )
        if clusters
        else None,
        "signups_chart": column_chart(_month_points(months)),
        "skills_chart": bar_chart(
            [row.label for row in balance],
            skill_series,
            [[row.supply, row.demand] for row in balance],
            bar_height=12,
            group_gap=10,
        )
        if balance
        else None,
    }
    fmt = request.GET.get(EXPORT_PARAM, "")
    if fmt in FORMATS:
        return _export_overview(request, fmt, context)
    query = request.GET.copy()
    query.pop(EXPORT_PARAM, None)
    query.pop(TABLE_PARAM, None)
    context["query"] = query.urlencode()
    return render(request, "search/municipal/overview.html", context)


EXPORT_PARAM = "eksport"
TABLE_PARAM = "tabel"


def _overview_tables(context) -> dict[str, tuple[str, list, list]]:
    """Every table of the overview, by the name its download link gives:
    (title, headers, rows)."""
    clusters = context["clusters"]
    statuses = [str(s.label) for s in (TaskStatus.OPEN, TaskStatus.FILLED)]
    statuses.append(str(TaskStatus.DONE.label))
    return {
        "klynger": (
            _("Clusters"),
            [
                _("Cluster"),
                _("Phase"),
                _("Villages"),
                _("Residents"),
                _("New volunteers"),
                _("Open tasks"),
                _("Filled tasks"),
                _("Done tasks"),
            ],
            [
                [
                    c.title,
                    c.get_phase_display(),
                    ", ".join(v.name for v in c.villages.all()),
                    c.residents,
                    c.newcomers,
                    c.open_tasks,
                    c.filled_tasks,
                    c.done_tasks,
                ]
                for c in clusters
            ],
        ),
        "opgaver": (
            _("Tasks per cluster"),
            [_("Cluster"), *statuses],
            [[c.title, c.open_tasks, c.filled_tasks, c.done_tasks] for c in clusters],
        ),
        "tilmeldinger": (
            _("Sign-ups per month"),
            [_("Month"), _("Sign-ups")],
            [[date_format(start, "F Y"), count] for start, count in context["months"]],
        ),
        "faerdigheder": (
            _("Skills offered and needed"),
            [
                _("Kind of skill"),
                _("Residents offering it"),
                _("Open tasks needing it"),
            ],
            [[row.label, row.supply, row.demand] for row in context["balance"]],
        ),
        "puljer": (
            _("Funding pools"),
            [
                _("Pool"),
                _("Owner"),
                _("Amount"),
                _("Deadline"),
                _("Action plans linked to it"),
            ],
            [
                [
                    pool.name,
                    str(pool.owner),
                    pool.amount,
                    pool.deadline,
                    ", ".join(f"{p.title} ({p.cluster_title})" for p in pool.plans),
                ]
                for pool in context["pools"]
            ],
        ),
        "soegninger": (
            _("Search terms"),
            [_("Search term"), _("Searches")],
            [[term, hits] for term, hits in context["searches"]],
        ),
    }


def _export_overview(request, fmt: str, context: dict):
    """One table of the overview (`?tabel=`) as CSV or Excel; without one, the
    clusters as CSV, or every table as a sheet of one Excel workbook."""
    tables = _overview_tables(context)
    name = request.GET.get(TABLE_PARAM, "")
    if name and name not in tables:
        raise Http404(_("The overview has no such table."))
    if name or fmt == "csv":
        name = name or "klynger"
        title, headers, rows = tables[name]
        return export_response(
            fmt, name=f"oversigt-{name}", title=title, headers=headers, rows=rows
        )
    return export_workbook(
        "oversigt", [(title, headers, rows) for title, headers, rows in tables.values()]
    )
