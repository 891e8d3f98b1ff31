"""Everything Klyngeportal holds about a person: export it, and erase it for real.

``USER_RELATIONS`` names every database column that points at a person and says how
erasure treats it; ``EXPORTED_FIELDS`` names every field of the residents' own
models that the export writes out. ``tests/volunteers/test_privacy.py`` fails when a
column or field is added anywhere without being listed here.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from .models import (
    HOLDING_PLACE,
    AccessLog,
    AnonymousSignup,
    Consent,
    SentEmail,
    Signup,
    VolunteerProfile,
    VolunteerSkill,
)

# What an access log shows for someone whose own account has since been deleted.
DELETED_ACTOR = "Slettet bruger"

# "app_label.Model.field" -> what erasure does with it.
#   "cascade": the row is about the person and is deleted with them;
#   "set_null": the row is someone else's (a page, an image) and forgets the person;
#   "erase": privacy.erase() removes or clears it itself before the user goes.
USER_RELATIONS = {
    "account.EmailAddress.user": "cascade",
    "admin.LogEntry.user": "cascade",
    "volunteers.VolunteerProfile.user": "cascade",
    "volunteers.Consent.user": "cascade",
    "volunteers.AccessLog.subject": "cascade",
    "volunteers.AccessLog.actor": "set_null",
    "volunteers.SentEmail.user": "cascade",
    "wagtailusers.UserProfile.user": "cascade",
    "wagtailadmin.EditingSession.user": "cascade",
    "wagtailadmin.FormState.user": "cascade",
    "wagtailcore.APIToken.user": "cascade",
    "wagtailcore.Comment.user": "cascade",
    "wagtailcore.Comment.resolved_by": "set_null",
    "wagtailcore.CommentReply.user": "cascade",
    "wagtailcore.PageSubscription.user": "cascade",
    "wagtailcore.Page.owner": "set_null",
    "wagtailcore.Page.locked_by": "set_null",
    "wagtailcore.Revision.user": "set_null",
    "wagtailcore.UploadedFile.uploaded_by_user": "set_null",
    "wagtailcore.WorkflowState.requested_by": "set_null",
    "wagtailcore.TaskState.finished_by": "set_null",
    "wagtaildocs.Document.uploaded_by_user": "set_null",
    "wagtailimages.Image.uploaded_by_user": "set_null",
    # Wagtail keeps its audit log without a database constraint (DO_NOTHING).
    "wagtailcore.PageLogEntry.user": "erase",
    "wagtailcore.ModelLogEntry.user": "erase",
    "matching.Feedback.by": "set_null",
    "accounts.User.groups": "cascade",
    "accounts.User.user_permissions": "cascade",
}

# Columns that point at a resident's profile (deleted with the user by cascade);
# sign-ups are first kept as anonymous counts.
PROFILE_RELATIONS = {
    "volunteers.VolunteerSkill.profile": "cascade",
    "matching.Match.volunteer": "cascade",
    "matching.Feedback.volunteer": "cascade",
    "matching.DigestEntry.volunteer": "cascade",
    "volunteers.Signup.volunteer": "anonymise",
}

# Rows that name a person by e-mail address rather than by key.
BY_EMAIL = {
    "axes.AccessAttempt.username": "erase",
    "axes.AccessLog.username": "erase",
    "axes.AccessFailureLog.username": "erase",
}

# Fields of the residents' own models, as the export writes them.
EXPORTED_FIELDS = {
    "accounts.User": [
        "email",
        "first_name",
        "last_name",
        "date_joined",
        "last_login",
    ],
    "volunteers.VolunteerProfile": [
        "display_name",
        "village",
        "postcode",
        "clusters",
        "weekdays",
        "evenings",
        "weekends",
        "seasons",
        "hours_per_month",
        "in_association",
        "notify_new_tasks",
        "notify_signup_updates",
        "language",
        "calendar_token",
        "email_links_key",
        "created_at",
        "updated_at",
        "last_active_at",
        "inactivity_warned_at",
        "age_confirmed_at",
    ],
    "volunteers.VolunteerSkill": ["phrase", "skill", "level"],
    "volunteers.Consent": ["purpose", "text_version", "given_at", "withdrawn_at"],
    "volunteers.Signup": [
        "task",
        "status",
        "message",
        "hours",
        "created_at",
        "status_changed_at",
    ],
    "volunteers.AccessLog": ["actor_label", "action", "reason", "at"],
    "volunteers.SentEmail": ["kind", "subject", "sent_at"],
}


def _value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    return str(value)


def export(user) -> dict:
    """Return everything held about `user`, as JSON-ready data."""
    from allauth.account.models import EmailAddress

    profile = VolunteerProfile.objects.filter(user=user).first()
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            f: _value(getattr(user, f)) for f in EXPORTED_FIELDS["accounts.User"]
        },
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user)
        ],
        "profile": None,
        "skills": [],
        "consents": [
            {f: _value(getattr(c, f)) for f in EXPORTED_FIELDS["volunteers.Consent"]}
            for c in Consent.objects.filter(user=user)
        ],
        "signups": [],
        "emails_sent": [
            {f: _value(getattr(m, f)) for f in EXPORTED_FIELDS["volunteers.SentEmail"]}
            for m in SentEmail.objects.filter(user=user)
        ],
        "access_to_your_data": [
            {f: _value(getattr(a, f)) for f in EXPORTED_FIELDS["volunteers.AccessLog"]}
            for a in AccessLog.objects.filter(subject=user)
        ],
        "matches": _matches(profile),
        "login_attempts": _login_attempts(user.email),
    }
    if profile is not None:
        fields = EXPORTED_FIELDS["volunteers.VolunteerProfile"]
        record = {}
        for name in fields:
            if name == "clusters":
                record[name] = [c.title for c in profile.clusters.all()]
            elif name == "village":
                record[name] = profile.village.name if profile.village_id else None
            else:
                record[name] = _value(getattr(profile, name))
        data["profile"] = record
        data["skills"] = [
            {
                "phrase": s.phrase,
                "skill": s.skill.name_da if s.skill_id else None,
                "level": s.level,
            }
            for s in VolunteerSkill.objects.filter(profile=profile).select_related(
                "skill"
            )
        ]
        data["signups"] = [
            {
                "task": s.task.title,
                "action_plan": s.task.page.title,
                "status": s.status,
                "message": s.message,
                "hours": _value(s.hours),
                "created_at": _value(s.created_at),
                "status_changed_at": _value(s.status_changed_at),
            }
            for s in Signup.objects.filter(volunteer=profile).select_related(
                "task", "task__page"
            )
        ]
    return data


def _matches(profile) -> list[dict]:
    """The tasks the engine found for the resident, with its reasons and feedback."""
    if profile is None:
        return []
    found = [
        {
            "task": m.task.title,
            "score": m.score,
            "reasons": m.reasons,
            "computed_at": _value(m.computed_at),
        }
        for m in profile.matches.select_related("task")
    ]
    found += [
        {"task": fb.task.title, "feedback": fb.kind, "at": _value(fb.at)}
        for fb in profile.match_feedback.select_related("task")
    ]
    found += [
        {"task": entry.task.title, "sent_in_digest": _value(entry.sent_at)}
        for entry in profile.digest_entries.select_related("task")
    ]
    return found


def _login_attempts(email: str) -> list[dict]:
    """django-axes' records of log-ins with this address (IP, browser, time)."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as AxesAccessLog

    records = []
    for model, label in (
        (AxesAccessLog, "log-in"),
        (AccessFailureLog, "failed log-in"),
        (AccessAttempt, "failed attempts"),
    ):
        for row in model.objects.filter(username__iexact=email):
            records.append(
                {
                    "kind": label,
                    "ip_address": row.ip_address,
                    "browser": row.user_agent,
                    "at": _value(getattr(row, "attempt_time", None)),
                }
            )
    return records


def erase(user) -> None:
    """Delete `user` and everything about them; sign-ups survive only as counts.

    A real deletion: afterwards no row refers to the person.
    """
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as AxesAccessLog

    from .services import withdraw

    email = user.email
    with transaction.atomic():
        profile = VolunteerProfile.objects.filter(user=user).first()
        written = set()
        if profile is not None:
            written = set(
                VolunteerSkill.objects.filter(profile=profile)
                .exclude(reading=None)
                .values_list("reading__key", flat=True)
            )
            AnonymousSignup.objects.bulk_create(
                AnonymousSignup(task_id=s.task_id, status=s.status, hours=s.hours)
                for s in Signup.objects.filter(volunteer=profile)
            )
            # Places they held go to the next in line, as if they had withdrawn.
            holding = Signup.objects.filter(
                volunteer=profile, status__in=HOLDING_PLACE
            ).select_related("task")
            for signup in list(holding):
                withdraw(profile, signup.task)
        AccessLog.objects.filter(actor=user).update(
            actor=None, actor_label=DELETED_ACTOR
        )
        PageLogEntry.objects.filter(user_id=user.pk).update(user=None)
        ModelLogEntry.objects.filter(user_id=user.pk).update(user=None)
        for model in (AccessAttempt, AxesAccessLog, AccessFailureLog):
            model.objects.filter(username__iexact=email).delete()
        _delete_sessions(user)
        get_user_model().objects.filter(pk=user.pk).delete()
        _forget_words(written)


def _forget_words(keys: set[str]) -> None:
    """The erased resident's own words leave no trace: the stored readings of
    phrases that no other resident and no task writes, and the proposals of them
    to administrators."""
    from clusters.models import Task
    from clusters.services import split_phrases
    from skills.readings import forget, key_of

    if not keys:
        return
    keys -= set(
        VolunteerSkill.objects.filter(reading__key__in=keys).values_list(
            "reading__key", flat=True
        )
    )
    for skills in Task.objects.exclude(skills="").values_list("skills", flat=True):
        if keys:
            keys -= {key_of(phrase) for phrase in split_phrases(skills)}
    forget(keys)


def _delete_sessions(user) -> None:
    """Delete the person's sessions (database sessions hold their id)."""
    key = str(user.pk)
    for session in Session.objects.iterator():
        if session.get_decoded().get("_auth_user_id") == key:
            session.delete()
