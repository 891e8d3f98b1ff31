"""The municipal resource search pages at /kommune/…, each with CSV and XLSX exports.

The rules live in `search.resources`; these views read the filters, choose between
page and export, and log every look-up of residents' contact details.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from clusters.selectors import meeting_places_geojson

from . import resources
from .access import chosen_municipalities, staff_required
from .exports import FORMATS, export_response
from .forms import (
    ContactFilterForm,
    EventFilterForm,
    GapFilterForm,
    MeetingPlaceFilterForm,
    SkillCountForm,
    SkillFilterForm,
)
from .municipal import municipality_context

PAGE_PARAM = "side"
EXPORT_PARAM = "eksport"


def _scope(request) -> resources.Scope:
    return resources.municipal_scope(chosen_municipalities(request))


def _export_format(request) -> str:
    fmt = request.GET.get(EXPORT_PARAM, "")
    return fmt if fmt in FORMATS else ""


def _query(request) -> str:
    """The filters as a query string, for the pagination and export links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    query.pop(EXPORT_PARAM, None)
    return query.urlencode()


def _paginate(request, items):
    return Paginator(items, resources.PER_PAGE).get_page(request.GET.get(PAGE_PARAM))


def _render(request, template: str, context: dict):
    return render(
        request,
        f"search/municipal/{template}",
        {
            **municipality_context(request),
            "query": _query(request),
            "formats": FORMATS,
            **context,
        },
    )


# Meeting places ---------------------------------------------------------------------


@staff_required
def places(request):
    scope = _scope(request)
    form = MeetingPlaceFilterForm(request.GET, scope=scope)
    found = []
    if form.is_valid():
        data = form.cleaned_data
        found = resources.meeting_places(
            form.narrowed_scope(),
            kind=data["type"],
            facilities=data["facilitet"],
            min_capacity=data["kapacitet"],
            village=data["landsby"],
        )
        if fmt := _export_format(request):
            return _export_places(request, fmt, found, scope)
    page = _paginate(request, found)
    items = list(page)
    for place in items:
        place.source_cluster = scope.cluster_of(place)
    return _render(
        request,
        "places.html",
        {
            "form": form,
            "page_obj": page,
            "places": items,
            "geojson": meeting_places_geojson(items),
        },
    )


def _export_places(request, fmt, found, scope):
    rows = (
        [
            place.title,
            getattr(scope.cluster_of(place), "title", ""),
            place.village.name if place.village else "",
            place.get_kind_display(),
            place.capacity,
            ", ".join(str(f) for f in place.facilities.all()),
            place.address,
            place.get_full_url(request) or "",
        ]
        for place in found
    )
    return export_response(
        fmt,
        name="moedesteder",
        title=_("Meeting places"),
        headers=[
            _("Meeting place"),
            _("Cluster"),
            _("Village"),
            _("Kind"),
            _("Capacity"),
            _("Facilities"),
            _("Address"),
            _("Address on the web"),
        ],
        rows=rows,
    )


# Skills on offer --------------------------------------------------------------------


@staff_required
def skills(request):
    scope = _scope(request)
    form = SkillCountForm(request.GET, scope=scope)
    rows = []
    by_skill = per_village = False
    if form.is_valid():
        data = form.cleaned_data
        by_skill = data["opdel"] == SkillFilterForm.BY_SKILL or bool(data["faerdighed"])
        per_village = data["pr"] != SkillFilterForm.PER_CLUSTER
        counted = resources.skill_counts(
            form.narrowed_scope(),
            category=data["kategori"],
            skill=data["faerdighed"],
            by_skill=by_skill,
            per_village=per_village,
        )
        if fmt := _export_format(request):
            return _export_skills(fmt, counted, scope, by_skill, per_village)
        # A few hundred grouped rows at most (clusters × villages × categories):
        # read once, rather than counted by the paginator and read again.
        rows = list(counted)
    page = _paginate(request, rows)
    return _render(
        request,
        "skills.html",
        {
            "form": form,
            "page_obj": page,
            "rows": resources.label_counts(page, scope),
            "by_skill": by_skill,
            "per_village": per_village,
        },
    )


def _export_skills(fmt, counted, scope, by_skill, per_village):
    headers = [_("Cluster")]
    if per_village:
        headers.append(_("Village"))
    headers.append(_("Category"))
    if by_skill:
        headers.append(_("Skill"))
    headers.append(_("Residents"))
    rows = []
    for row in resources.label_counts(counted, scope):
        line = [getattr(row["cluster"], "title", "")]
        if per_village:
            line.append(row["village"] or _("No village given"))
        line.append(row["category"])
        if by_skill:
            line.append(row["skill"])
        line.append(row["residents"])
        rows.append(line)
    return export_response(
        fmt,
        name="faerdigheder",
        title=_("Skills on offer"),
        headers=headers,
        rows=rows,
    )


@staff_required
def contacts(request):
    scope = _scope(request)
    asked = any(request.GET.get(key) for key in ("kategori", "faerdighed", "klynge"))
    form = ContactFilterForm(request.GET if asked else None, scope=scope)
    found = []
    reason = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        found = resources.contactable_residents(
            form.narrowed_scope(), category=data["kategori"], skill=data["faerdighed"]
        )
        reason = resources.lookup_reason(
            category=data["kategori"], skill=data["faerdighed"]
        )
        if fmt := _export_format(request):
            return _export_contacts(request, fmt, list(found), reason)
    page = _paginate(request, found)
    people = list(page)
    if people:
        resources.log_lookup(actor=request.user, profiles=people, reason=reason)
    return _render(
        request,
        "contacts.html",
        {"form": form, "page_obj": page, "people": people},
    )


def _export_contacts(request, fmt, people, reason):
    resources.log_lookup(actor=request.user, profiles=people, reason=reason)
    rows = [
        [
            person.display_name,
            person.user.email,
            person.village.cluster.title if person.village else "",
            person.village.name if person.village else "",
            ", ".join(s.phrase for s in person.offered),
        ]
        for person in people
    ]
    return export_response(
        fmt,
        name="kontakter",
        title=_("Residents to contact"),
        headers=[_("Name"), _("E-mail"), _("Cluster"), _("Village"), _("Skills")],
        rows=rows,
    )


# Skill gaps -------------------------------------------------------------------------


@staff_required
def gaps(request):
    scope = _scope(request)
    form = GapFilterForm(request.GET, scope=scope)
    groups = []
    if form.is_valid():
        groups = resources.skill_gaps(form.narrowed_scope())
        if fmt := _export_format(request):
            return _export_gaps(fmt, groups)
    page = _paginate(request, groups)
    return _render(
        request,
        "gaps.html",
        {
            "form": form,
            "page_obj": page,
            "gaps": list(page),
            "good_match": int(resources.GOOD_MATCH),
        },
    )


def _export_gaps(fmt, groups):
    rows = [
        [
            getattr(gap.cluster, "title", ""),
            gap.label,
            gap.category,
            task.title,
            task.page.title,
            task.village.name if task.village else "",
        ]
        for gap in groups
        for task in gap.tasks
    ]
    return export_response(
        fmt,
        name="mangler",
        title=_("Skill gaps"),
        headers=[
            _("Cluster"),
            _("Skill"),
            _("Category"),
            _("Task"),
            _("Action plan"),
            _("Village"),
        ],
        rows=rows,
    )


# Activities -------------------------------------------------------------------------


@staff_required
def events(request):
    scope = _scope(request)
    # The form fills in what is left out: from today, and three months on from the
    # start date.
    form = EventFilterForm(request.GET, scope=scope)
    found = []
    if form.is_valid():
        found = resources.events_between(
            form.narrowed_scope(),
            start=form.cleaned_data["fra"],
            end=form.cleaned_data["til"],
        )
        if fmt := _export_format(request):
            return _export_events(request, fmt, found, scope)
    page = _paginate(request, found)
    items = list(page)
    for event in items:
        event.source_cluster = scope.cluster_of(event)
    return _render(
        request,
        "events.html",
        {"form": form, "page_obj": page, "events": items},
    )


def _export_events(request, fmt, found, scope):
    rows = (
        [
            timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(event.end).strftime("%Y-%m-%d %H:%M")
            if event.end
            else "",
            event.title,
            getattr(scope.cluster_of(event), "title", ""),
            event.place_name,
            event.get_full_url(request) or "",
        ]
        for event in found
    )
    return export_response(
        fmt,
        name="aktiviteter",
        title=_("Activities"),
        headers=[
            _("Starts"),
            _("Ends"),
            _("Activity"),
            _("Cluster"),
            _("Place"),
            _("Address on the web"),
        ],
        rows=rows,
    )
