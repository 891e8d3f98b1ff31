"""The weekly e-mail of new tasks that fit a resident.

Never to a resident without consent or who turned it off, never the same task twice,
in the resident's language, as HTML and text, with one-click unsubscribe.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from volunteers.models import ConsentPurpose, SentEmail, VolunteerProfile

from .models import DigestEntry
from .reasons import explain
from .services import tasks_for_resident

MAX_TASKS = 5
UNSUBSCRIBE_SALT = "matching.digest.unsubscribe"
# Long past the next digests: a link in an old e-mail stops working on its own.
UNSUBSCRIBE_MAX_AGE = dt.timedelta(days=90)


@dataclass
class Digest:
    profile: VolunteerProfile
    items: list  # (task, match)

    @property
    def subject(self) -> str:
        with translation.override(self.profile.language):
            return _("New tasks that fit you on Klyngeportal")


def unsubscribe_token(profile: VolunteerProfile) -> str:
    """The signed, dated part of the resident's unsubscribe links."""
    return signing.dumps([profile.pk, profile.email_links_key], salt=UNSUBSCRIBE_SALT)


def profile_for_token(token: str) -> VolunteerProfile | None:
    """The resident an unsubscribe link is for, while it is valid.

    A link is valid for `UNSUBSCRIBE_MAX_AGE` after it was sent, and until the
    resident turns the digest on again (which gives them a new key).
    """
    try:
        pk, key = signing.loads(
            token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE
        )
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return VolunteerProfile.objects.filter(pk=pk, email_links_key=key).first()


def unsubscribe(profile: VolunteerProfile) -> None:
    """Turn the digest off (RFC 8058's one click)."""
    profile.notify_new_tasks = False
    profile.save(update_fields=["notify_new_tasks"])


def digests() -> list[Digest]:
    """What would go out now: one digest per resident with new fitting tasks."""
    profiles = (
        VolunteerProfile.objects.reachable()
        .consenting(ConsentPurpose.MATCHING)
        .filter(notify_new_tasks=True)
        .select_related("user")
    )
    # What each resident was already told about, in one query for all of them.
    sent_to: dict[int, set[int]] = defaultdict(set)
    for volunteer_id, task_id in DigestEntry.objects.filter(
        volunteer__in=profiles
    ).values_list("volunteer_id", "task_id"):
        sent_to[volunteer_id].add(task_id)
    result = []
    for profile in profiles:
        sent = sent_to[profile.pk]
        items = [
            (task, match)
            for task, match in tasks_for_resident(profile, top_k=MAX_TASKS * 3)
            if task.pk not in sent
        ][:MAX_TASKS]
        if items:
            result.append(Digest(profile=profile, items=items))
    return result


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(digest: Digest) -> tuple[str, str, str, dict]:
    """Subject, text, HTML and headers of a digest, in the resident's language."""
    profile = digest.profile
    with translation.override(profile.language):
        context = {
            "profile": profile,
            "items": [
                {
                    "task": task,
                    "url": _absolute(reverse("volunteers:task_detail", args=[task.pk])),
                    "why": [text for text in map(explain, match.reasons) if text],
                }
                for task, match in digest.items
            ],
            "unsubscribe_url": _absolute(
                reverse("matching_unsubscribe", args=[unsubscribe_token(profile)])
            ),
            "for_you_url": _absolute(reverse("matching_for_you")),
        }
        text = render_to_string("matching/email/digest.txt", context)
        html = render_to_string("matching/email/digest.html", context)
        subject = digest.subject
    headers = {
        "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    return subject, text, html, headers


def send(digest: Digest) -> None:
    """Send one digest and remember its tasks."""
    profile = digest.profile
    subject, text, html, headers = render(digest)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [profile.user.email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    with transaction.atomic():
        DigestEntry.objects.bulk_create(
            [DigestEntry(volunteer=profile, task=task) for task, _m in digest.items],
            ignore_conflicts=True,
        )
        SentEmail.objects.create(user=profile.user, kind="digest", subject=subject)
        message.send()


def send_all() -> int:
    count = 0
    for digest in digests():
        send(digest)
        count += 1
    return count
