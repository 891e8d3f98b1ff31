"""The municipal entrance at /kommune/: which clusters a staff member looks into."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import render

from clusters.models import ClusterPage
from clusters.municipalities import MUNICIPALITY_NAMES

from .access import chosen_municipalities, staff_required


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
