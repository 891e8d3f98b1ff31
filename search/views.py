"""/soeg/: the site search."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.shortcuts import render

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from clusters.selectors import private_pages

from . import site
from .forms import SearchForm


def search(request):
    form = SearchForm(request.GET or None)
    context = {"form": form, "query": "", "page_obj": None, "results": []}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
        query = " ".join(form.cleaned_data["q"].split())
        found = site.search(
            query,
            type_key=form.cleaned_data["type"],
            clusters=form.chosen_clusters(),
        )
        paginator = Paginator(found, site.RESULTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("side") or 1)
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        first_page = page_obj.number == 1
        logged = Query.get(query)
        public_pages = Page.objects.live().exclude(private_pages())
        # A new search — not paging, not narrowing one by type or place — counts once.
        fresh = request.GET.get("side", "1") in ("", "1") and not any(
            request.GET.get(name) for name in ("type", "kommune", "klynge")
        )
        if fresh:
            # The term and a count per day: no person, no address, no time of day.
            logged.add_hit()
        context.update(
            query=query,
            page_obj=page_obj,
            results=site.results(list(page_obj.object_list), query),
            promoted=list(
                logged.editors_picks.filter(
                    Q(page__isnull=True) | Q(page__in=public_pages.values("pk"))
                )
                .select_related("page")
                .order_by("sort_order")
            )
            if first_page
            else [],
            suggestion=site.suggestion(query)
            if paginator.count < site.SUGGEST_BELOW
            else None,
        )
    rest = request.GET.copy()
    rest.pop("side", None)
    context["base_query"] = rest.urlencode()
    if context.get("suggestion"):
        rest["q"] = context["suggestion"]
        context["suggestion_query"] = rest.urlencode()
    return render(request, "search/search.html", context)
