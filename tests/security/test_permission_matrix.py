"""The permission matrix: every URL that takes an id, a token or personal data, tried
by every role, reading and writing.

Each case names what only some roles may receive (a `secret`: a name, an address, a
draft's title) or do (`changed`: the write took effect). Every other role must get
no 5xx, never the secret, and leave the subject's data as it was; where `strict`,
the whole database. A URL added to the site that is in neither `CASES` nor `PUBLIC`
fails `test_every_url_is_in_the_matrix`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from matching.digests import unsubscribe_token
from matching.models import Feedback, FeedbackKind, ProposalStatus, SynonymProposal
from volunteers.models import (
    Consent,
    ConsentPurpose,
    SentEmail,
    Signup,
    SignupStatus,
    VolunteerProfile,
)

from .world import (
    EVERYONE,
    LOGGED_IN,
    PASSWORD,
    ROLES,
    World,
    writes,
)

pytestmark = pytest.mark.django_db

NOBODY: frozenset[str] = frozenset()
EDITORS = frozenset({"editor", "admin"})
STAFF = frozenset({"staff", "admin"})


@dataclass
class Case:
    covers: str  # the URL name
    method: str
    url: Callable[[World], str]
    may: frozenset[str]
    secret: str | Callable[[World], str] | None = None
    data: Callable[[World], dict] | None = None
    changed: Callable[[World], bool] | None = None
    strict: bool = True  # refused roles leave the whole database as it was


def _profile(world, key="resident"):
    return VolunteerProfile.objects.get(pk=world[key].pk)


def _skill_form(world) -> dict:
    """The resident's profile form as a browser posts it, with a new name."""
    skill = world["resident"].skills.get()
    return {
        "display_name": "Birthe Omdøbt",
        "postcode": "8420",
        "village_name": "Knebel",
        "hours_per_month": "4",
        "language": "da",
        "in_association": "",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "1",
        "skills-MIN_NUM_FORMS": "0",
        "skills-MAX_NUM_FORMS": "40",
        "skills-0-id": str(skill.pk),
        "skills-0-phrase": "tømrer",
        "skills-0-level": "do",
    }


def _candidate_case(key: str, name: str) -> Case:
    return Case(
        "matching_admin:unsuitable",
        "post",
        lambda w: reverse(
            "matching_admin:unsuitable", args=[w["free_task"].pk, w[key].pk]
        ),
        NOBODY,
        secret=name,
        changed=lambda w: Feedback.objects.filter(volunteer=w[key]).exists(),
    )


CASES: dict[str, Case] = {
    # The resident's own pages: each person sees and changes only their own.
    "profile-read": Case(
        "volunteers:profile",
        "get",
        lambda w: reverse("volunteers:profile"),
        frozenset({"resident"}),
        secret="Birthe Hemmeligsen",
        strict=False,
    ),
    "profile-write": Case(
        "volunteers:profile",
        "post",
        lambda w: reverse("volunteers:profile"),
        frozenset({"resident"}),
        data=_skill_form,
        changed=lambda w: _profile(w).display_name == "Birthe Omdøbt",
        strict=False,
    ),
    "consents-withdraw": Case(
        "volunteers:consents",
        "post",
        lambda w: reverse("volunteers:consents"),
        frozenset({"resident"}),
        data=lambda w: {"purpose": ConsentPurpose.CONTACT, "action": "withdraw"},
        changed=lambda w: (
            not Consent.objects.active()
            .filter(user=w["resident"].user, purpose=ConsentPurpose.CONTACT)
            .exists()
        ),
        strict=False,
    ),
    "for-you": Case(
        "matching_for_you",
        "get",
        lambda w: reverse("matching_for_you"),
        frozenset({"resident", "other_resident"}),
        secret="Mal bænkene",
        strict=False,
    ),
    "dismiss": Case(
        "matching_dismiss",
        "post",
        lambda w: reverse("matching_dismiss", args=[w["free_task"].pk]),
        frozenset({"resident"}),
        changed=lambda w: Feedback.objects.filter(
            volunteer=w["resident"], task=w["free_task"]
        ).exists(),
        strict=False,
    ),
    "undismiss": Case(
        "matching_undismiss",
        "post",
        lambda w: reverse("matching_undismiss", args=[w["fyn_task"].pk]),
        frozenset({"resident"}),
        changed=lambda w: (
            not Feedback.objects.filter(
                volunteer=w["resident"], task=w["fyn_task"]
            ).exists()
        ),
        strict=False,
    ),
    "dismiss-draft": Case(
        "matching_dismiss",
        "post",
        lambda w: reverse("matching_dismiss", args=[w["draft_task"].pk]),
        NOBODY,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "dismiss-restricted": Case(
        "matching_dismiss",
        "post",
        lambda w: reverse("matching_dismiss", args=[w["closed_task"].pk]),
        NOBODY,
        secret="Lukket opgave Kvasar",
    ),
    "task-detail": Case(
        "volunteers:task_detail",
        "get",
        lambda w: reverse("volunteers:task_detail", args=[w["free_task"].pk]),
        EVERYONE,
        secret="Mal bænkene",
    ),
    "task-detail-draft": Case(
        "volunteers:task_detail",
        "get",
        lambda w: reverse("volunteers:task_detail", args=[w["draft_task"].pk]),
        NOBODY,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "task-detail-restricted": Case(
        "volunteers:task_detail",
        "get",
        lambda w: reverse("volunteers:task_detail", args=[w["closed_task"].pk]),
        NOBODY,
        secret="Lukket opgave Kvasar",
    ),
    "task-signup": Case(
        "volunteers:task_signup",
        "post",
        lambda w: reverse("volunteers:task_signup", args=[w["free_task"].pk]),
        frozenset({"resident"}),
        data=lambda w: {"message": ""},
        changed=lambda w: Signup.objects.filter(
            volunteer=w["resident"], task=w["free_task"]
        ).exists(),
        strict=False,
    ),
    "task-signup-draft": Case(
        "volunteers:task_signup",
        "post",
        lambda w: reverse("volunteers:task_signup", args=[w["draft_task"].pk]),
        NOBODY,
        data=lambda w: {"message": ""},
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "task-withdraw": Case(
        "volunteers:task_withdraw",
        "post",
        lambda w: reverse("volunteers:task_withdraw", args=[w["task"].pk]),
        frozenset({"resident"}),
        changed=lambda w: (
            Signup.objects.get(pk=w["signup"].pk).status == SignupStatus.WITHDRAWN
        ),
        strict=False,
    ),
    "task-withdraw-draft": Case(
        "volunteers:task_withdraw",
        "post",
        lambda w: reverse("volunteers:task_withdraw", args=[w["draft_task"].pk]),
        NOBODY,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "my-signups": Case(
        "volunteers:my_signups",
        "get",
        lambda w: reverse("volunteers:my_signups"),
        frozenset({"resident"}),
        secret="Byg plantekasser",
        strict=False,
    ),
    "my-signups-hours-of-another": Case(
        "volunteers:my_signups",
        "post",
        lambda w: reverse("volunteers:my_signups"),
        NOBODY,  # the task is not done: not even its resident logs hours yet
        data=lambda w: {"signup": str(w["signup"].pk), "hours": "3"},
    ),
    "calendar": Case(
        "volunteers:calendar",
        "get",
        lambda w: reverse("volunteers:calendar", args=[_profile(w).calendar_token]),
        EVERYONE,  # a secret address: whoever holds it reads it
        secret="Byg plantekasser",
    ),
    "calendar-wrong-token": Case(
        "volunteers:calendar",
        "get",
        lambda w: reverse("volunteers:calendar", args=["forkert-adresse"]),
        NOBODY,
        secret="Byg plantekasser",
    ),
    "calendar-reset": Case(
        "volunteers:calendar_reset",
        "post",
        lambda w: reverse("volunteers:calendar_reset"),
        frozenset({"resident"}),
        changed=lambda w: _profile(w).calendar_token != w["resident"].calendar_token,
        strict=False,
    ),
    "my-data-export": Case(
        "volunteers:my_data",
        "post",
        lambda w: reverse("volunteers:my_data"),
        frozenset({"resident"}),
        data=lambda w: {"action": "export"},
        secret="birthe.hemmelig@example.dk",
        strict=False,
    ),
    "my-data-delete": Case(
        "volunteers:my_data",
        "post",
        lambda w: reverse("volunteers:my_data"),
        frozenset({"resident"}),
        data=lambda w: {"action": "delete", "password": PASSWORD, "confirm": "on"},
        changed=lambda w: (
            not VolunteerProfile.objects.filter(pk=w["resident"].pk).exists()
        ),
        strict=False,
    ),
    "unsubscribe": Case(
        "matching_unsubscribe",
        "post",
        lambda w: reverse(
            "matching_unsubscribe", args=[unsubscribe_token(_profile(w))]
        ),
        EVERYONE,  # the link in the resident's e-mail, one click (RFC 8058)
        changed=lambda w: not _profile(w).notify_new_tasks,
        strict=False,
    ),
    "unsubscribe-get-only-asks": Case(
        "matching_unsubscribe",
        "get",
        lambda w: (
            reverse("matching_unsubscribe", args=[unsubscribe_token(_profile(w))])
            + "?ok=1"
        ),
        NOBODY,
        changed=lambda w: not _profile(w).notify_new_tasks,
    ),
    "unsubscribe-forged": Case(
        "matching_unsubscribe",
        "post",
        lambda w: reverse("matching_unsubscribe", args=["forfalsket"]),
        NOBODY,
        changed=lambda w: not _profile(w).notify_new_tasks,
    ),
    "task-list-has-no-drafts": Case(
        "volunteers:task_list",
        "get",
        lambda w: reverse("volunteers:task_list"),
        NOBODY,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "search-has-no-drafts": Case(
        "search:search",
        "get",
        lambda w: reverse("search:search") + "?q=Zebra",
        NOBODY,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    # Municipal staff: their own municipality only.
    "municipal-index": Case(
        "municipal:index",
        "get",
        lambda w: reverse("municipal:index"),
        STAFF,
        secret="Mols i Udvikling",
    ),
    "municipal-places": Case(
        "municipal:places",
        "get",
        lambda w: reverse("municipal:places"),
        STAFF,
        secret="Knebel Forsamlingshus Orkidé",
    ),
    "municipal-places-of-another-municipality": Case(
        "municipal:places",
        "get",
        lambda w: reverse("municipal:places") + "?kommune=faaborg-midtfyn",
        frozenset({"other_staff", "admin"}),
        secret="Lyndelse Hal Tukan",
    ),
    "municipal-places-of-another-cluster": Case(
        "municipal:places",
        "get",
        lambda w: reverse("municipal:places") + f"?klynge={w['fyn'].pk}",
        frozenset({"other_staff", "admin"}),
        secret="Lyndelse Hal Tukan",
    ),
    "municipal-skills": Case(
        "municipal:skills",
        "get",
        lambda w: reverse("municipal:skills"),
        STAFF,
        secret="Mols i Udvikling",
    ),
    "municipal-skills-never-names": Case(
        "municipal:skills",
        "get",
        lambda w: reverse("municipal:skills"),
        NOBODY,
        secret="Birthe Hemmeligsen",
    ),
    "municipal-contacts": Case(
        "municipal:contacts",
        "get",
        lambda w: reverse("municipal:contacts") + "?kategori=haandvaerk",
        STAFF,
        secret="birthe.hemmelig@example.dk",
        strict=False,  # a look-up is logged for the resident
    ),
    "municipal-contacts-no-deactivated": Case(
        "municipal:contacts",
        "get",
        lambda w: reverse("municipal:contacts") + "?kategori=haandvaerk",
        NOBODY,
        secret="dorte.deaktiveret@example.dk",
        strict=False,
    ),
    "municipal-contacts-no-unverified": Case(
        "municipal:contacts",
        "get",
        lambda w: reverse("municipal:contacts") + "?kategori=haandvaerk",
        NOBODY,
        secret="uffe.ubekraeftet@example.dk",
        strict=False,
    ),
    "municipal-gaps": Case(
        "municipal:gaps",
        "get",
        lambda w: reverse("municipal:gaps"),
        STAFF,
        secret="Mal bænkene",
    ),
    "municipal-events": Case(
        "municipal:events",
        "get",
        lambda w: reverse("municipal:events"),
        STAFF,
        secret="Fællesspisning Pelikan",
    ),
    "municipal-overview": Case(
        "municipal:overview",
        "get",
        lambda w: reverse("municipal:overview"),
        STAFF,
        secret="Mols i Udvikling",
    ),
    # Editors: their own cluster's sign-ups and candidates only.
    "signups": Case(
        "volunteers_admin:signups",
        "get",
        lambda w: reverse("volunteers_admin:signups"),
        EDITORS,
        secret="Birthe Hemmeligsen",
        strict=False,  # a look-up is logged for the resident
    ),
    "signup-confirm": Case(
        "volunteers_admin:signup_confirm",
        "post",
        lambda w: reverse("volunteers_admin:signup_confirm", args=[w["signup"].pk]),
        EDITORS,
        changed=lambda w: (
            Signup.objects.get(pk=w["signup"].pk).status == SignupStatus.CONFIRMED
        ),
    ),
    "signup-decline": Case(
        "volunteers_admin:signup_decline",
        "post",
        lambda w: reverse("volunteers_admin:signup_decline", args=[w["signup"].pk]),
        EDITORS,
        changed=lambda w: (
            Signup.objects.get(pk=w["signup"].pk).status == SignupStatus.DECLINED
        ),
    ),
    "signup-message-form": Case(
        "volunteers_admin:signup_message",
        "get",
        lambda w: reverse("volunteers_admin:signup_message", args=[w["signup"].pk]),
        EDITORS,
        secret="Birthe Hemmeligsen",
    ),
    "signup-message-send": Case(
        "volunteers_admin:signup_message",
        "post",
        lambda w: reverse("volunteers_admin:signup_message", args=[w["signup"].pk]),
        EDITORS,
        data=lambda w: {"subject": "Hej", "body": "Vi ses på lørdag."},
        changed=lambda w: SentEmail.objects.filter(
            user=w["resident"].user, kind="message"
        ).exists(),
    ),
    "candidate-tasks": Case(
        "matching_admin:tasks",
        "get",
        lambda w: reverse("matching_admin:tasks"),
        EDITORS,
        secret="Hemmelig kladdeopgave Zebra",
    ),
    "candidates": Case(
        "matching_admin:candidates",
        "get",
        lambda w: reverse("matching_admin:candidates", args=[w["free_task"].pk]),
        EDITORS,
        secret="Birthe Hemmeligsen",
        strict=False,  # a look-up is logged for each resident shown
    ),
    "candidates-no-deactivated": Case(
        "matching_admin:candidates",
        "get",
        lambda w: reverse("matching_admin:candidates", args=[w["free_task"].pk]),
        NOBODY,
        secret="Dorte Deaktiveret",
        strict=False,
    ),
    "candidates-no-unverified": Case(
        "matching_admin:candidates",
        "get",
        lambda w: reverse("matching_admin:candidates", args=[w["free_task"].pk]),
        NOBODY,
        secret="Uffe Ubekræftet",
        strict=False,
    ),
    "unsuitable": Case(
        "matching_admin:unsuitable",
        "post",
        lambda w: reverse(
            "matching_admin:unsuitable", args=[w["free_task"].pk, w["resident"].pk]
        ),
        EDITORS,
        changed=lambda w: Feedback.objects.filter(
            volunteer=w["resident"], kind=FeedbackKind.UNSUITABLE
        ).exists(),
    ),
    "unsuitable-other-municipality": _candidate_case("faraway", "Frida Fjernsen"),
    "unsuitable-deactivated": _candidate_case("deactivated", "Dorte Deaktiveret"),
    "unsuitable-unverified": _candidate_case("unverified", "Uffe Ubekræftet"),
    "proposals": Case(
        "skills_admin:proposals",
        "get",
        lambda w: reverse("skills_admin:proposals"),
        frozenset({"admin"}),
        secret="trælænkemager",
    ),
    "proposal-accept": Case(
        "skills_admin:proposal_accept",
        "post",
        lambda w: reverse("skills_admin:proposal_accept", args=[w["proposal"].pk]),
        frozenset({"admin"}),
        changed=lambda w: (
            SynonymProposal.objects.get(pk=w["proposal"].pk).status
            == ProposalStatus.ACCEPTED
        ),
    ),
    "proposal-reject": Case(
        "skills_admin:proposal_reject",
        "post",
        lambda w: reverse("skills_admin:proposal_reject", args=[w["proposal"].pk]),
        frozenset({"admin"}),
        changed=lambda w: (
            SynonymProposal.objects.get(pk=w["proposal"].pk).status
            == ProposalStatus.REJECTED
        ),
    ),
    "access-log": Case(
        "access_log_admin:access_log",
        "get",
        lambda w: reverse("access_log_admin:access_log"),
        frozenset({"admin"}),
        secret="Redaktør Rasmus Revisor",
    ),
    # Files and pages.
    "document-public": Case(
        "wagtaildocs_serve",
        "get",
        lambda w: w["public_doc"].url,
        EVERYONE,
        secret="offentligt program",
    ),
    "document-private": Case(
        "wagtaildocs_serve",
        "get",
        lambda w: w["private_doc"].url,
        EDITORS,
        secret="fortroligt referat Gnu",
    ),
    "document-password": Case(
        "wagtaildocs_authenticate_with_password",
        "post",
        lambda w: reverse("wagtaildocs_authenticate_with_password", args=[999999]),
        NOBODY,
        data=lambda w: {"password": "x", "return_url": "/"},
    ),
    "page-draft": Case(
        "wagtail_serve",
        "get",
        lambda w: w["draft"].url,
        NOBODY,
        secret="Kladdeplan Xylofon",
    ),
    "page-restricted": Case(
        "wagtail_serve",
        "get",
        lambda w: w["closed"].url,
        LOGGED_IN,
        secret="Lukket opgave Kvasar",
    ),
    "page-password": Case(
        "wagtailcore_authenticate_with_password",
        "post",
        lambda w: reverse(
            "wagtailcore_authenticate_with_password", args=[999999, w["closed"].pk]
        ),
        NOBODY,
        data=lambda w: {"password": "x", "return_url": "/"},
        secret="Lukket opgave Kvasar",
    ),
    "sitemap-has-no-drafts": Case(
        "sitemap",
        "get",
        lambda w: reverse("sitemap"),
        NOBODY,
        secret="/kladde/",
    ),
    # Accounts (allauth).
    "account-email": Case(
        "account_email",
        "get",
        lambda w: reverse("account_email"),
        frozenset({"resident"}),
        secret="birthe.hemmelig@example.dk",
        strict=False,
    ),
    "account-password": Case(
        "account_change_password",
        "post",
        lambda w: reverse("account_change_password"),
        frozenset({"resident"}),
        data=lambda w: {
            "oldpassword": PASSWORD,
            "password1": "et nyt og langt kodeord",
            "password2": "et nyt og langt kodeord",
        },
        changed=lambda w: (
            not type(w["resident"].user)
            .objects.get(pk=w["resident"].user_id)
            .check_password(PASSWORD)
        ),
        strict=False,
    ),
    "account-confirm-forged-key": Case(
        "account_confirm_email",
        "post",
        lambda w: reverse("account_confirm_email", args=["forfalsket-noegle"]),
        NOBODY,
    ),
    "account-reset-forged-key": Case(
        "account_reset_password_from_key",
        "post",
        lambda w: reverse(
            "account_reset_password_from_key",
            kwargs={"uidb36": "1", "key": "forfalsket-noegle"},
        ),
        NOBODY,
        data=lambda w: {"password1": "et nyt kodeord", "password2": "et nyt kodeord"},
    ),
    # Wagtail's own admin, where it touches clusters: editors stay in their own.
    "admin-edit-draft": Case(
        "wagtailadmin_pages:edit",
        "get",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["draft"].pk]),
        EDITORS,
        secret="Kladdeplan Xylofon",
        strict=False,  # Wagtail records an editing session
    ),
    "admin-explore": Case(
        "wagtailadmin_explore",
        "get",
        lambda w: reverse("wagtailadmin_explore", args=[w["mols"].pk]),
        EDITORS,
        secret="Kladdeplan Xylofon",
    ),
    "admin-chooser-browse": Case(
        "wagtailadmin_choose_page_child",
        "get",
        lambda w: reverse("wagtailadmin_choose_page_child", args=[w["mols"].pk]),
        EDITORS,
        secret="Kladdeplan Xylofon",
    ),
    "admin-chooser-search": Case(
        "wagtailadmin_choose_page_search",
        "get",
        lambda w: reverse("wagtailadmin_choose_page_search") + "?q=Kladdeplan",
        EDITORS,
        secret="Kladdeplan Xylofon",
    ),
    "admin-page-search": Case(
        "wagtailadmin_pages:search",
        "get",
        lambda w: reverse("wagtailadmin_pages:search") + "?q=Kladdeplan",
        EDITORS,
        secret="Kladdeplan Xylofon",
    ),
    "admin-private-document": Case(
        "wagtaildocs:edit",
        "get",
        lambda w: reverse("wagtaildocs:edit", args=[w["private_doc"].pk]),
        EDITORS,
        secret="Referat fra styregruppen",
    ),
}

# URLs that take no id or token and show no one's personal data, and why.
PUBLIC = {
    "api-root": "the API's index (no endpoints yet)",
    "api-schema": "the OpenAPI schema",
    "robots": "robots.txt",
    "meeting_places_geojson": "public meeting places",
    "clusters_geojson": "public clusters",
    "was": "a redirect to the accessibility statement",
    "accessibility_statement": "a static page",
    "account_login": "the log-in form",
    "account_logout": "acts on the session only",
    "account_inactive": "a static page",
    "account_signup": "the sign-up form",
    "account_reauthenticate": "asks the session's own password",
    "account_request_reauthentication_code": "off (no log-in by code)",
    "account_confirm_reauthentication_code": "off (no log-in by code)",
    "account_confirm_login_code": "off (no log-in by code)",
    "account_email_verification_sent": "a static page",
    "account_set_password": "acts on the session's own account",
    "account_reset_password": "asks for an address, never says if it exists",
    "account_reset_password_done": "a static page",
    "account_reset_password_from_key_done": "a static page",
    "volunteers:skill_suggestions": "the skill taxonomy",
    "skills:read": "what the taxonomy reads in words typed (no one's data)",
    "volunteers:privacy": "a static page",
    "wagtailcore_login": "the log-in form for restricted pages",
}

# Our own admin views live under /admin/ beside Wagtail's; these namespaces are ours.
OUR_ADMIN_NAMESPACES = (
    "volunteers_admin:",
    "matching_admin:",
    "skills_admin:",
    "access_log_admin:",
)


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or "")


def site_urls() -> list[tuple[str, str]]:
    """Every route of the site but Wagtail's own admin."""
    return [
        (route, name)
        for route, name in _walk(get_resolver().url_patterns)
        if not route.startswith("admin/") or name.startswith(OUR_ADMIN_NAMESPACES)
    ]


def _takes_a_value(route: str) -> bool:
    """Whether the route carries an id, a token or a name (not just a format)."""
    route = route.replace("<drf_format_suffix:format>", "")
    return "<" in route or "(?P" in route or "(\\d" in route


def test_every_url_is_in_the_matrix():
    covered = {case.covers for case in CASES.values()}
    missing = [
        f"{route} ({name or 'unnamed'})"
        for route, name in site_urls()
        if name not in covered and name not in PUBLIC
    ]
    assert not missing, "Add these to the permission matrix (CASES or PUBLIC):\n" + (
        "\n".join(missing)
    )
    with_ids = [
        name for route, name in site_urls() if _takes_a_value(route) and name in PUBLIC
    ]
    assert not with_ids, f"URLs that take an id or token belong in CASES: {with_ids}"


def test_our_routes_use_bounded_ids():
    """`<int:…>` takes any length of digits; our routes use `<id:…>`."""
    loose = [
        route
        for route, name in site_urls()
        if "<int:" in route and not name.startswith(("wagtail", "account_"))
    ]
    assert not loose


def _body(response) -> str:
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    return content.decode("utf-8", errors="replace")


def _attempt(client, world: World, role: str, case: Case):
    """Make the request as `role`; report what came back and what it changed."""
    cache.clear()
    mail.outbox = []
    client.cookies.clear()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    url = case.url(world)
    with writes() as written:
        if case.method == "get":
            response = client.get(url, follow=True)
        else:
            data = case.data(world) if case.data else {}
            response = client.post(url, data, follow=True)
    changed = case.changed(world) if case.changed else None
    tables = sorted(written) if case.strict else []
    return response.status_code, _body(response), changed, tables


@pytest.mark.parametrize("name", list(CASES))
def test_matrix(client, world, name):
    case = CASES[name]
    secret = case.secret(world) if callable(case.secret) else case.secret
    failures = []
    for role in ROLES:
        with transaction.atomic():
            status, body, changed, tables = _attempt(client, world, role, case)
            transaction.set_rollback(True)
        allowed = role in case.may
        if status >= 500:
            failures.append(f"{role}: {status}")
            continue
        if allowed:
            if status >= 400:
                failures.append(f"{role} may, but got {status}")
            if secret and secret not in body:
                failures.append(f"{role} may see {secret!r}, but it is not shown")
            if case.changed and not changed:
                failures.append(f"{role} may, but nothing changed")
        else:
            if secret and secret in body:
                failures.append(f"{role} must not see {secret!r} ({status})")
            if case.changed and changed:
                failures.append(f"{role} must not, but the change was made")
            if tables:
                failures.append(f"{role} was refused, but {tables} changed")
    assert not failures, "\n".join(failures)
