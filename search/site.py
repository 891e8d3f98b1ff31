"""Site search: every published page, in Danish, with typos forgiven.

Wagtail's search does the matching (on PostgreSQL the full-text backend with the
``danish`` configuration, so "forsamlingshuse" finds "forsamlingshus"; on SQLite its
database backend). This module adds what the view needs around it: filters by type,
cluster and municipality, a highlighted snippet per result, "Mente du …?" from the
words the site actually uses, and the promoted results editors chose.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext_lazy

from wagtail.models import Page
from wagtail.search import index

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    Facility,
    MeetingPlacePage,
    NewsPage,
)
from clusters.selectors import below, content_version, private_pages
from matching.engine import stem

RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 220
# "Mente du …?" only when the query found little, and only a word of the site's own
# vocabulary this close (rapidfuzz ratio, 0–100) to what was typed.
SUGGEST_BELOW = 3
SUGGEST_CUTOFF = 78
VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_STALE_SECONDS = 10 * 60  # new pages' words join "Mente du" within this

# The kinds of pages one can search for, in the order the filter shows them.
TYPES: dict[str, tuple[type[Page], str]] = {
    "klynge": (ClusterPage, pgettext_lazy("kind of page", "Cluster")),
    "nyhed": (NewsPage, pgettext_lazy("kind of page", "News")),
    "moedested": (MeetingPlacePage, pgettext_lazy("kind of page", "Meeting place")),
    "arrangement": (EventPage, pgettext_lazy("kind of page", "Event")),
    "handlingsplan": (ActionPlanPage, pgettext_lazy("kind of page", "Action plan")),
}
TYPE_OF_MODEL = {model: key for key, (model, _label) in TYPES.items()}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Result:
    page: Page
    type_key: str
    type_label: str
    cluster: ClusterPage | None
    snippet: SafeString


def base_queryset():
    """Live, public pages of the searchable kinds."""
    return (
        Page.objects.live()
        .exclude(private_pages())
        .type(*(model for model, _label in TYPES.values()))
    )


def filtered(*, type_key: str = "", clusters: list[ClusterPage] | None = None):
    pages = base_queryset()
    if type_key in TYPES:
        pages = pages.type(TYPES[type_key][0])
    if clusters is not None:
        # The clusters themselves and everything below them.
        within = Q(pk__in=[])
        for cluster in clusters:
            within |= Q(pk=cluster.pk) | below(cluster)
        pages = pages.filter(within)
    return pages


def search(query: str, **filters):
    """Wagtail's search over the filtered pages, best first."""
    return filtered(**filters).search(query, operator="and")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text or "")]


def page_text(page: Page) -> str:
    """The text a page is found by (its search fields), as plain text."""
    parts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            value = field.get_value(page)
            if isinstance(value, list | tuple):
                value = " ".join(str(v) for v in value)
            if value:
                parts.append(strip_tags(str(value)))
    return " ".join(" ".join(parts).split())


def highlight(text: str, query: str, length: int = SNIPPET_LENGTH) -> SafeString:
    """A window of `text` around the first word that matches the query, marked.

    A word matches when it, or its Danish stem, is one of the query's (so
    "forsamlingshuse" marks "forsamlingshus"); everything else is escaped.
    """
    wanted = set(words(query)) | {stem(w) for w in words(query)}
    if not text:
        return mark_safe("")
    spans = [
        m.span()
        for m in _WORD.finditer(text)
        if m.group().lower() in wanted or stem(m.group().lower()) in wanted
    ]
    start = 0
    if spans:
        start = max(0, spans[0][0] - length // 4)
        space = text.rfind(" ", 0, start)
        start = space + 1 if space > 0 and start > 0 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    out, cursor = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        out.append(escape(text[cursor:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        cursor = b
    out.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    # Safe: every piece of the page's text above went through escape().
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308


def results(pages: list[Page], query: str) -> list[Result]:
    """The page of results, specific, with type, cluster and snippet (few queries)."""
    ids = [p.pk for p in pages]
    specific = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    steps = Page.steplen * 3
    clusters = {
        c.path: c
        for c in ClusterPage.objects.filter(path__in={p.path[:steps] for p in pages})
    }
    out = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        model = type(page)
        key = TYPE_OF_MODEL.get(model, "")
        out.append(
            Result(
                page=page,
                type_key=key,
                type_label=TYPES[key][1] if key else "",
                cluster=clusters.get(page.path[:steps]),
                snippet=highlight(page_text(page), query),
            )
        )
    return out


# --- "Mente du …?" ---------------------------------------------------------------


def vocabulary() -> dict[str, int]:
    """Every word the published site uses (titles, introductions, village, facility
    and skill names), with how often.

    Kept in the cache (Redis in production), so every process shares it. After pages
    are published it is rebuilt — by one request at a time, and at most every
    VOCABULARY_STALE_SECONDS, while the others use the one before: reading 50,000
    pages' words on every publish would cost the next search its speed. A new view
    restriction is never waited for: those words must go at once.
    """
    version = content_version()
    cached = cache.get(VOCABULARY_KEY)
    if cached is not None:
        built_for, built_at, counts = cached
        same_restrictions = _restrictions(built_for) == _restrictions(version)
        fresh = time.time() - built_at < VOCABULARY_STALE_SECONDS
        if built_for == version or (fresh and same_restrictions):
            return counts
    lock = f"{VOCABULARY_KEY}:building"
    if not cache.add(lock, version, 60):
        # Another request is building it: the one before, or none for now.
        if cached is not None and _restrictions(cached[0]) == _restrictions(version):
            return cached[2]
        return {}
    try:
        counts = _build_vocabulary()
        cache.set(VOCABULARY_KEY, (version, time.time(), counts), None)
    finally:
        if cache.get(lock) == version:
            cache.delete(lock)
    return counts


def _restrictions(version: str) -> str:
    """The view-restriction part of clusters.selectors.content_version()."""
    return version.rsplit(".", 1)[-1]


def _build_vocabulary() -> dict[str, int]:
    from volunteers.models import Skill

    private = private_pages()
    counter: Counter[str] = Counter()
    texts = list(base_queryset().values_list("title", flat=True))
    for model in (ClusterPage, NewsPage, MeetingPlacePage, EventPage):
        texts += model.objects.live().exclude(private).values_list("intro", flat=True)
    texts += (
        ActionPlanPage.objects.live()
        .exclude(private)
        .values_list("focus_area", flat=True)
    )
    texts += (
        ClusterPage.objects.live()
        .exclude(private)
        .values_list("villages__name", flat=True)
    )
    texts += Facility.objects.values_list("name_da", flat=True)
    texts += Skill.objects.values_list("name_da", flat=True)
    for text in texts:
        counter.update(w for w in words(text or "") if len(w) >= 3 and not w.isdigit())
    return dict(counter)


def suggestion(query: str) -> str | None:
    """The query with each unknown word replaced by the closest word the site uses,
    or None when nothing better is known."""
    from rapidfuzz import fuzz, process

    known = vocabulary()
    if not known:
        return None
    choices = list(known)
    changed = False
    out = []
    for word in query.split():
        lower = word.lower()
        if lower in known or len(lower) < 4 or not lower.isalpha():
            out.append(word)
            continue
        found = process.extract(
            lower, choices, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF, limit=5
        )
        if not found:
            out.append(word)
            continue
        # The closest; among equally close, the one the site uses most.
        best = max(found, key=lambda hit: (hit[1], known[hit[0]]))[0]
        out.append(best)
        changed = True
    return " ".join(out) if changed else None
