"""Retention: accounts nobody has used for a long time are warned, then deleted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import emails, privacy
from .models import VolunteerProfile


@dataclass
class PurgeResult:
    warned: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _residents():
    """Residents' profiles: staff, editors and administrators are never purged."""
    return VolunteerProfile.objects.select_related("user").filter(
        user__is_staff=False, user__is_superuser=False, user__groups__isnull=True
    )


def _last_seen():
    return Greatest(
        F("last_active_at"),
        Coalesce(F("user__last_login"), F("user__date_joined")),
    )


def purge_inactive(
    *, months: int | None = None, warning_days: int | None = None, dry_run=False
) -> PurgeResult:
    """Warn accounts inactive for `months`; delete those warned `warning_days` ago."""
    months = months or settings.VOLUNTEER_INACTIVE_MONTHS
    warning_days = warning_days or settings.VOLUNTEER_PURGE_WARNING_DAYS
    now = timezone.now()
    cutoff = now - dt.timedelta(days=round(months * 30.44))
    result = PurgeResult()
    inactive = (
        _residents().annotate(last_seen=_last_seen()).filter(last_seen__lt=cutoff)
    )

    due = inactive.filter(
        inactivity_warned_at__isnull=False,
        inactivity_warned_at__lte=now - dt.timedelta(days=warning_days),
        last_seen__lt=F("inactivity_warned_at"),
    )
    for profile in due:
        result.deleted.append(profile.user.email)
        if not dry_run:
            privacy.erase(profile.user)

    to_warn = inactive.filter(
        Q(inactivity_warned_at__isnull=True)
        | Q(inactivity_warned_at__lt=F("last_seen"))
    )
    for profile in to_warn:
        result.warned.append(profile.user.email)
        if dry_run:
            continue
        deletion_day = timezone.localdate() + dt.timedelta(days=warning_days)
        with translation.override(profile.language):
            subject = _("Your Klyngeportal account will be deleted")
        emails.send(
            profile.user,
            kind="inactivity_warning",
            subject=subject,
            template="volunteers/email/inactivity_warning.txt",
            context={"deletion_day": deletion_day, "months": months},
        )
        profile.inactivity_warned_at = now
        profile.save(update_fields=["inactivity_warned_at"])
    return result


LOGIN_RECORD_DAYS = 30


def purge_login_records(days: int = LOGIN_RECORD_DAYS) -> int:
    """Delete django-axes' log-in records (IP address, browser) older than `days`."""
    from axes.models import AccessAttempt, AccessFailureLog
    from axes.models import AccessLog as AxesAccessLog

    cutoff = timezone.now() - dt.timedelta(days=days)
    deleted = 0
    for model in (AccessAttempt, AxesAccessLog, AccessFailureLog):
        count, _ = model.objects.filter(attempt_time__lt=cutoff).delete()
        deleted += count
    return deleted
