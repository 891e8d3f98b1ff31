"""The bad-input sweep: every form and query parameter of the public, resident,
editor and staff pages gets huge and negative numbers, very long strings, NUL bytes,
quotes and markup, and impossible dates.

The forms are read from each page's HTML, so a field added to a page is swept too.
One field at a time is spoiled and the rest submitted as the page stands. A spoiled
value never gives a 5xx and never changes the database; quotes and markup in a text
field may be saved (they are text), but are never sent back unescaped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlencode

from django.core import mail
from django.core.cache import cache
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from .forms import Field, Form, forms_of, query_parameters
from .world import World, writes

pytestmark = pytest.mark.django_db

NUL = "på\x00kryds"
HUGE = "99999999999999999999999"
LONG = "ø" * 100_000  # far past any field's limit
MARKUP = "\"'><x-probe onclick=alert(1)>"
PROBE = "<x-probe"
BAD_NUMBERS = [HUGE, "-99999999999999999999", "1e999", "NaN", "12abc"]
BAD_DATES = ["31-02-2026", "2026-02-31", "0000-00-00", "99999-12-31", "i går"]
BAD_CHOICES = [HUGE, "-1", "ikke-et-valg", MARKUP]
# "skills-0-profile": Django always takes the parent from the view, never the POST.
INLINE_FOREIGN_KEY = re.compile(r"^[\w]+-\d+-(?!id$|DELETE$|ORDER$)\w+$")
TEXT_KINDS = ("text", "textarea", "search", "email", "password", "tel", "url")


def spoiled(field: Field) -> list[tuple[str, bool]]:
    """Bad values for a field, each with whether it must be refused.

    Quotes and markup are fair text in a text field (a name may have an
    apostrophe); anything else here has no valid reading for the field.
    """
    values = [(NUL, True)]
    if field.kind == "checkbox" and field.choices == ["on"]:
        return values  # a tick box: any value is "ticked", as in every browser
    if field.name.endswith(("-MIN_NUM_FORMS", "-MAX_NUM_FORMS")):
        return values  # informational: Django's formsets never read them back
    if field.kind == "hidden" and INLINE_FOREIGN_KEY.match(field.name):
        return values  # an inline formset's link to its parent: Django ignores it
    if field.kind == "number":
        values += [(v, True) for v in BAD_NUMBERS]
    elif field.kind in ("date", "datetime-local") or field.name.lower() in (
        "fra",
        "til",
        "since",
        "until",
        "deadline",
        "starts_on",
    ):
        values += [(v, True) for v in BAD_DATES]
    elif field.kind in ("select", "radio", "checkbox", "hidden"):
        values += [(v, True) for v in BAD_CHOICES if v not in field.choices]
    elif field.kind in TEXT_KINDS:
        values += [(LONG, True), (MARKUP, False)]
    return values


# The pages, by who opens them.
# Pages that show residents record each look-up in the access log (shown in the
# resident's own export): that row is the page working, not the input changing data.
LOGS_READS = {"municipal-contacts", "signups", "candidates"}

PAGES: dict[str, tuple[str, Callable[[World], str]]] = {
    "home": ("anonymous", lambda w: "/"),
    "cluster": ("anonymous", lambda w: w["mols"].url),
    "action-plan": ("anonymous", lambda w: w["plan"].url),
    "meeting-place": ("anonymous", lambda w: w["place"].url),
    "event": ("anonymous", lambda w: w["event"].url),
    "news-index": ("anonymous", lambda w: w["news_index"].url),
    "survey": ("anonymous", lambda w: w["survey"].url),
    "english-home": ("anonymous", lambda w: "/en/"),
    "task-list": ("anonymous", lambda w: reverse("volunteers:task_list")),
    "task": (
        "resident",
        lambda w: reverse("volunteers:task_detail", args=[w["free_task"].pk]),
    ),
    "search": ("anonymous", lambda w: reverse("search:search") + "?q=plantekasser"),
    "skill-suggestions": (
        "anonymous",
        lambda w: reverse("volunteers:skill_suggestions") + "?q=tømre",
    ),
    "skill-reading": (
        "anonymous",
        lambda w: reverse("skills:read") + "?q=tømrer, bagning af kager",
    ),
    "login": ("anonymous", lambda w: reverse("account_login")),
    "signup": ("anonymous", lambda w: reverse("account_signup")),
    "password-reset": ("anonymous", lambda w: reverse("account_reset_password")),
    "profile": ("resident", lambda w: reverse("volunteers:profile")),
    "consents": ("resident", lambda w: reverse("volunteers:consents")),
    "for-you": ("resident", lambda w: reverse("matching_for_you")),
    "my-signups": ("resident", lambda w: reverse("volunteers:my_signups")),
    "my-data": ("resident", lambda w: reverse("volunteers:my_data")),
    "password-change": ("resident", lambda w: reverse("account_change_password")),
    "signups": ("editor", lambda w: reverse("volunteers_admin:signups")),
    "signup-message": (
        "editor",
        lambda w: reverse("volunteers_admin:signup_message", args=[w["signup"].pk]),
    ),
    "candidate-tasks": ("editor", lambda w: reverse("matching_admin:tasks")),
    "candidates": (
        "editor",
        lambda w: reverse("matching_admin:candidates", args=[w["free_task"].pk]),
    ),
    "municipal-index": ("staff", lambda w: reverse("municipal:index")),
    "municipal-places": ("staff", lambda w: reverse("municipal:places")),
    "municipal-skills": ("staff", lambda w: reverse("municipal:skills")),
    "municipal-contacts": (
        "staff",
        lambda w: reverse("municipal:contacts") + "?kategori=haandvaerk",
    ),
    "municipal-gaps": ("staff", lambda w: reverse("municipal:gaps")),
    "municipal-events": ("staff", lambda w: reverse("municipal:events")),
    "municipal-overview": ("staff", lambda w: reverse("municipal:overview")),
    "access-log": ("admin", lambda w: reverse("access_log_admin:access_log")),
    "proposals": ("admin", lambda w: reverse("skills_admin:proposals")),
}


def _login(client, world: World, role: str):
    client.cookies.clear()
    user = world.users[role]
    if user is not None:
        client.force_login(user)


def _send(client, method: str, action: str, data: dict):
    cache.clear()  # rate limits and cached fragments start afresh for each attempt
    mail.outbox = []
    if method == "get":
        query = urlencode(data, doseq=True)
        return client.get(f"{action}?{query}" if query else action)
    return client.post(action, data)


def _check(response, label: str, failures: list, *, written=(), ignore=()):
    body = response.content.decode("utf-8", errors="replace")
    if response.status_code >= 500:
        failures.append(f"{label}: {response.status_code}")
    if PROBE in body:
        failures.append(f"{label}: markup sent back unescaped")
    tables = sorted(t for t in written if t not in ignore)
    if tables:
        failures.append(f"{label}: {tables} written")


def _sweep_form(client, form: Form, name: str, failures: list):
    page = name.split(" ")[0]
    reads = {"volunteers_accesslog"} if page in LOGS_READS else set()
    base = form.values()
    for field in form.fields:
        if field.name == "csrfmiddlewaretoken":
            continue
        for value, refused in spoiled(field):
            data = {**base, field.name: value}
            with writes() as written:
                response = _send(client, form.method, form.action, data)
            shown = value if len(value) < 30 else value[:10] + "…"
            _check(
                response,
                f"{name} {form.method.upper()} {field.name}={shown!r}",
                failures,
                written=written if refused or form.method == "get" else (),
                ignore=reads if form.method == "get" else (),
            )


@pytest.mark.parametrize("name", list(PAGES))
def test_every_form_and_parameter_refuses_bad_input(client, world, name):
    role, url_of = PAGES[name]
    _login(client, world, role)
    url = url_of(world)
    page = client.get(url)
    assert page.status_code == 200, f"{name}: {page.status_code}"
    html = page.content.decode()
    failures: list[str] = []
    forms = forms_of(html, url)
    # The search box in the header is on every page: swept on the search page only.
    if name != "search":
        forms = [f for f in forms if f.action != reverse("search:search")]
    for form in forms:
        _sweep_form(client, form, name, failures)
    # The page's own address parameters (filters, pages, exports).
    params = query_parameters(html, url)
    address = Form(
        method="get",
        action=url.split("?")[0],
        fields=[Field(name=k, kind="hidden", value=v) for k, v in params.items()]
        + [Field(name="side", kind="number", value="1")],
    )
    _sweep_form(client, address, f"{name} (address)", failures)
    assert not failures, "\n".join(failures)


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


BAD_SEGMENTS = [HUGE, "-1", "0", "%00", "1%00", "abc"]


@pytest.mark.parametrize("role", ["anonymous", "resident", "editor", "staff"])
def test_every_id_in_an_address_is_bounded(client, world, role):
    """Ids and tokens in our routes: too big, negative, NUL — a 4xx, never a 5xx."""
    failures = []
    routes = [
        r for r in _routes(get_resolver().url_patterns) if "<id:" in r or "<str:" in r
    ]
    assert routes
    _login(client, world, role)
    for route in routes:
        for segment in BAD_SEGMENTS:
            path = "/" + _fill(route, segment)
            for method in ("get", "post"):
                with writes() as written:
                    response = getattr(client, method)(path)
                _check(response, f"{method.upper()} {path}", failures, written=written)
    assert not failures, "\n".join(failures)


def _fill(route: str, segment: str) -> str:
    return re.sub(r"<(?:\w+:)?\w+>", segment, route)


def test_wagtails_choosers_take_only_ids(client, world):
    """Wagtail's choosers looked up any text as an id (a 500)."""
    _login(client, world, "admin")
    for base in (
        "/admin/snippets/choose/clusters/fundingpool",
        "/admin/snippets/choose/clusters/facility",
        "/admin/snippets/choose/skills/skill",
        "/admin/documents/chooser",
        "/admin/images/chooser",
    ):
        assert client.get(f"{base}/chosen/abc/").status_code == 404
        assert client.get(f"{base}/chosen/{HUGE}/").status_code == 404
        response = client.get(f"{base}/chosen-multiple/?id=abc&id={HUGE}&id=-1")
        assert response.status_code == 200
