"""Cluster editors' view of sign-ups in the Wagtail admin: confirm, decline, write."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import emails, services
from .editors import can_see_signups, signups_for
from .models import AccessLog, Consent, ConsentPurpose, SignupStatus
from .text import clean_text

SIGNUPS_PER_PAGE = 50
# An editor may relay this many messages an hour.
MESSAGES_PER_HOUR = 20


def _require_editor(request):
    if not can_see_signups(request.user):
        raise PermissionDenied


def _log_access(request, signups, *, action: str, reason: str) -> None:
    """Record that the editor saw these residents' data (once a day per resident)."""
    today = timezone.localdate()
    seen = set(
        AccessLog.objects.filter(
            actor=request.user, action=action, at__date=today
        ).values_list("subject_id", flat=True)
    )
    label = request.user.get_full_name() or request.user.email
    new = {s.volunteer.user_id for s in signups} - seen
    AccessLog.objects.bulk_create(
        AccessLog(
            subject_id=user_id,
            actor=request.user,
            actor_label=label,
            action=action,
            reason=reason,
        )
        for user_id in new
    )


def signup_list(request):
    _require_editor(request)
    status = request.GET.get("status") or ""
    # Newest first, so that what just came in is on the first page.
    signups = signups_for(request.user).order_by("-created_at", "-pk")
    if status in SignupStatus.values:
        signups = signups.filter(status=status)
    page = Paginator(
        signups.prefetch_related("volunteer__skills"), SIGNUPS_PER_PAGE
    ).get_page(request.GET.get("p"))
    signups = list(page)
    contact_ok = set(
        Consent.objects.active()
        .filter(
            purpose=ConsentPurpose.CONTACT,
            user_id__in=[s.volunteer.user_id for s in signups],
        )
        .values_list("user_id", flat=True)
    )
    for signup in signups:
        signup.show_email = signup.volunteer.user_id in contact_ok
        signup.skill_phrases = [s.phrase for s in signup.volunteer.skills.all()]
    _log_access(
        request,
        signups,
        action="view_signups",
        reason=_("Sign-ups to the cluster's tasks, seen by an editor"),
    )
    return TemplateResponse(
        request,
        "volunteers/admin/signup_list.html",
        {
            "signups": signups,
            "page": page,
            "status": status,
            "statuses": SignupStatus.choices,
            "header_title": _("Sign-ups"),
        },
    )


@require_POST
def signup_decide(request, signup_id: int, decision: str):
    _require_editor(request)
    signup = get_object_or_404(signups_for(request.user), pk=signup_id)
    if decision == "confirm":
        try:
            services.confirm_signup(signup)
        except services.SignupError as error:
            messages.error(request, str(error))
            return redirect("volunteers_admin:signups")
        messages.success(
            request,
            _("%(name)s is confirmed, and has been told.")
            % {"name": signup.volunteer.display_name},
        )
    else:
        services.decline_signup(signup)
        messages.success(
            request,
            _("%(name)s is declined, and has been told.")
            % {"name": signup.volunteer.display_name},
        )
    return redirect("volunteers_admin:signups")


class RelayMessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=120)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_subject(self):
        return clean_text(self.cleaned_data["subject"])

    def clean_body(self):
        return self.cleaned_data["body"].strip()


def signup_message(request, signup_id: int):
    """Write to a resident through the platform; their address stays hidden."""
    _require_editor(request)
    signup = get_object_or_404(signups_for(request.user), pk=signup_id)
    form = RelayMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = f"volunteers:relay:{request.user.pk}:{timezone.now():%Y%m%d%H}"
        sent = cache.get_or_set(key, 0, 3600)
        if sent >= MESSAGES_PER_HOUR:
            form.add_error(
                None,
                _(
                    "You have sent %(count)d messages this hour, the most we allow. "
                    "Please try again later."
                )
                % {"count": MESSAGES_PER_HOUR},
            )
        else:
            with transaction.atomic():
                sent = emails.relay(
                    signup,
                    sender=request.user,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            if not sent:
                messages.error(
                    request,
                    _(
                        "%(name)s has withdrawn their consent, so Klyngeportal no "
                        "longer writes to them."
                    )
                    % {"name": signup.volunteer.display_name},
                )
                return redirect("volunteers_admin:signups")
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, 3600)
            messages.success(
                request,
                _("Your message to %(name)s is sent.")
                % {"name": signup.volunteer.display_name},
            )
            return redirect("volunteers_admin:signups")
    return TemplateResponse(
        request,
        "volunteers/admin/signup_message.html",
        {"signup": signup, "form": form, "header_title": _("Write to a volunteer")},
    )


ACCESS_LOG_PER_PAGE = 50


# Dates outside these would overflow the day arithmetic (a form error, never a 500).
SENSIBLE_DATES = [
    MinValueValidator(dt.date(1900, 1, 1)),
    MaxValueValidator(dt.date(2999, 12, 31)),
]


class AccessLogFilterForm(forms.Form):
    """Filters of the administrators' audit log: who looked, what, and when."""

    actor = forms.CharField(
        label=gettext_lazy("Looked up by (name or e-mail)"),
        required=False,
        max_length=120,
    )
    action = forms.ChoiceField(label=gettext_lazy("Action"), required=False)
    since = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=SENSIBLE_DATES,
    )
    until = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=SENSIBLE_DATES,
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            ("", gettext_lazy("All")),
            *((a, AccessLog.ACTION_LABELS.get(a, a)) for a in actions),
        ]


def access_log(request):
    """Every logged look-up of residents' personal data, for administrators only."""
    if not request.user.is_superuser:
        raise PermissionDenied
    actions = list(AccessLog.ACTION_LABELS)
    form = AccessLogFilterForm(request.GET, actions=actions)
    entries = AccessLog.objects.select_related("subject").order_by("-at", "-pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["actor"]:
            entries = entries.filter(
                Q(actor_label__icontains=data["actor"])
                | Q(actor__email__icontains=data["actor"])
            )
        if data["action"]:
            entries = entries.filter(action=data["action"])
        # Whole local days, as a range on the indexed time (not a date cast).
        tz = timezone.get_current_timezone()
        if data["since"]:
            entries = entries.filter(
                at__gte=dt.datetime.combine(data["since"], dt.time.min, tzinfo=tz)
            )
        if data["until"]:
            entries = entries.filter(
                at__lt=dt.datetime.combine(
                    data["until"] + dt.timedelta(days=1), dt.time.min, tzinfo=tz
                )
            )
    else:
        entries = entries.none()
    query = request.GET.copy()
    query.pop("p", None)
    page = Paginator(entries, ACCESS_LOG_PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "volunteers/admin/access_log.html",
        {
            "form": form,
            "entries": list(page),
            "page": page,
            "query": query.urlencode(),
            "header_title": _("Access to personal data"),
        },
    )
