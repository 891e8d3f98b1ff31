"""The residents' own pages under /frivillig/."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from allauth.account.decorators import verified_email_required

from core.ids import parse_id
from skills import taxonomy

from . import calendars, privacy, selectors, services
from .consent import TEXTS
from .forms import (
    DeleteAccountForm,
    HoursForm,
    ProfileForm,
    SignupForm,
    SkillFormSet,
    TaskFilterForm,
)
from .models import (
    ACTIVE,
    Consent,
    ConsentPurpose,
    Signup,
    SignupStatus,
    Skill,
    VolunteerProfile,
    new_calendar_token,
)
from .signals import profile_changed
from .structured_data import job_posting, json_ld

# A resident's pages need a log-in and a verified e-mail address: someone who signed
# up with another person's address must not act in their name (by any log-in form).
resident_required = verified_email_required


def _profile_of(user) -> VolunteerProfile:
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None:
        display_name = user.first_name or user.email.split("@")[0]
        profile = VolunteerProfile(user=user, display_name=display_name)
    return profile


@resident_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The resident's profile: who, where, when, and what they can do."""
    instance = _profile_of(request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=instance)
        formset = SkillFormSet(request.POST, instance=instance, prefix="skills")
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                saved = form.save()
                formset.instance = saved
                services.save_skills(formset)
                profile_changed.send(sender=VolunteerProfile, profile=saved)
            messages.success(request, _("Your profile has been saved."))
            return redirect("volunteers:profile")
        messages.error(request, _("Please correct the errors below."))
    else:
        form = ProfileForm(instance=instance)
        formset = SkillFormSet(
            instance=instance if instance.pk else None, prefix="skills"
        )
    return render(
        request,
        "volunteers/profile.html",
        {
            "form": form,
            "formset": formset,
            "skill_names": Skill.objects.values_list(
                "name_en" if get_language() == "en" else "name_da", flat=True
            ),
            "suggest_url": reverse("volunteers:skill_suggestions"),
        },
    )


def _consent_states(user) -> list[dict]:
    active = {
        consent.purpose: consent
        for consent in Consent.objects.active().filter(user=user)
    }
    return [
        {"text": text, "consent": active.get(purpose)}
        for purpose, text in TEXTS.items()
    ]


@resident_required
@require_http_methods(["GET", "POST"])
def consents(request):
    """Give or withdraw a consent in one click."""
    if request.method == "POST":
        purpose = request.POST.get("purpose")
        action = request.POST.get("action")
        if purpose not in ConsentPurpose.values or action not in ("give", "withdraw"):
            messages.error(
                request, _("That was not a choice we know. Nothing was changed.")
            )
        elif action == "withdraw":
            services.withdraw_consent(request.user, purpose)
            messages.success(
                request,
                _("Your consent is withdrawn: “%(label)s”.")
                % {"label": TEXTS[purpose].label},
            )
        else:
            services.give_consent(request.user, purpose)
            messages.success(
                request,
                _("Thank you. Your consent is recorded: “%(label)s”.")
                % {"label": TEXTS[purpose].label},
            )
        return redirect("volunteers:consents")
    return render(
        request,
        "volunteers/consents.html",
        {"consents": _consent_states(request.user)},
    )


@require_GET
def skill_suggestions(request):
    """Skills for what a resident is typing, as JSON (the autocomplete's source)."""
    text = (request.GET.get("q") or "")[:80]
    return JsonResponse(
        {"results": taxonomy.suggest(text, language=get_language() or "da")}
    )


# Tasks ------------------------------------------------------------------------------

TASKS_PER_PAGE = 20


def _profile_or_none(request) -> VolunteerProfile | None:
    if not request.user.is_authenticated:
        return None
    return VolunteerProfile.objects.filter(user=request.user).first()


@require_GET
def task_list(request):
    """Open tasks in the resident's clusters (all clusters for visitors)."""
    from clusters.models import Village

    profile = _profile_or_none(request)
    villages = []
    if profile is not None:
        villages = list(
            Village.objects.filter(cluster__in=profile.clusters.all()).order_by("name")
        )
    form = TaskFilterForm(request.GET or None, villages=villages)
    filters = form.cleaned_data if form.is_valid() else {}
    tasks = selectors.tasks_for(
        profile,
        skill=filters.get("skill"),
        village_id=filters.get("village"),
        period=filters.get("period") or "",
    )
    page = Paginator(tasks, TASKS_PER_PAGE).get_page(request.GET.get("side"))
    for task in page:
        task.places_left = max(task.volunteers_needed - task.places_taken, 0)
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "volunteers/task_list.html",
        {
            "form": form,
            "tasks": page,
            "profile": profile,
            "query": query.urlencode(),
            "signed_up": set(
                Signup.objects.filter(volunteer=profile, status__in=ACTIVE).values_list(
                    "task_id", flat=True
                )
            )
            if profile
            else set(),
        },
    )


@require_GET
def task_detail(request, task_id: int):
    task = selectors.public_task_or_404(task_id)
    profile = _profile_or_none(request)
    signup = (
        Signup.objects.filter(volunteer=profile, task=task).first() if profile else None
    )
    context = _task_context(task, signup=signup, form=SignupForm())
    cluster = task.page.cluster
    context["job_posting"] = json_ld(
        job_posting(
            task,
            url=request.build_absolute_uri(request.path),
            cluster_url=cluster.get_full_url(request) if cluster else None,
        )
    )
    return render(request, "volunteers/task_detail.html", context)


def _task_context(task, *, signup, form) -> dict:
    from skills.views import recognised

    return {
        "task": task,
        "signup": signup,
        "form": form,
        "places_left": max(task.volunteers_needed - task.places_taken, 0),
        "recognised": recognised(task.skills, language=get_language() or "da"),
    }


@resident_required
@require_POST
def task_signup(request, task_id: int):
    task = selectors.public_task_or_404(task_id)
    form = SignupForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return render(
            request,
            "volunteers/task_detail.html",
            _task_context(task, signup=None, form=form),
            status=400,
        )
    profile = _profile_of(request.user)
    if not profile.pk:
        messages.info(request, _("Tell us a little about yourself first."))
        return redirect("volunteers:profile")
    try:
        signup = services.sign_up(profile, task, message=form.cleaned_data["message"])
    except services.SignupError as error:
        messages.error(request, str(error))
    else:
        if signup.status == SignupStatus.WAITING:
            messages.success(
                request,
                _(
                    "The task is full, so you are on the waiting list. We will write "
                    "to you if a place becomes free."
                ),
            )
        else:
            messages.success(
                request, _("You are signed up. The coordinators will be in touch.")
            )
    return redirect("volunteers:task_detail", task_id=task.pk)


@resident_required
@require_POST
def task_withdraw(request, task_id: int):
    task = selectors.public_task_or_404(task_id)
    profile = _profile_of(request.user)
    if not profile.pk:
        messages.error(request, _("You are not signed up to this task."))
        return redirect("volunteers:task_detail", task_id=task.pk)
    try:
        services.withdraw(profile, task)
    except services.SignupError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have withdrawn from the task."))
    return redirect("volunteers:task_detail", task_id=task.pk)


@resident_required
@require_http_methods(["GET", "POST"])
def my_signups(request):
    """The resident's own sign-ups, and hours on tasks that are done."""
    profile = _profile_of(request.user)
    if request.method == "POST" and profile.pk:
        form = HoursForm(request.POST)
        if form.is_valid():
            try:
                services.log_hours(
                    profile,
                    parse_id(request.POST.get("signup")) or 0,
                    form.cleaned_data["hours"],
                )
            except services.SignupError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Thank you — your hours are logged."))
        else:
            messages.error(
                request, _("Write the hours as a number between 0 and 1000.")
            )
        return redirect("volunteers:my_signups")
    signups = (
        selectors.signups_of(profile) if profile.pk else {"current": [], "past": []}
    )
    calendar_url = (
        request.build_absolute_uri(
            reverse("volunteers:calendar", args=[profile.calendar_token])
        )
        if profile.pk
        else ""
    )
    return render(
        request,
        "volunteers/my_signups.html",
        {**signups, "hours_form": HoursForm(), "calendar_url": calendar_url},
    )


@require_GET
def calendar(request, token: str):
    """The resident's tasks as iCalendar, behind a secret, revocable address."""
    profile = VolunteerProfile.objects.filter(calendar_token=token).first()
    if profile is None:
        raise Http404(_("This calendar address is no longer valid."))
    body = calendars.signups_ical(profile, request)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="klyngeportal.ics"'
    return response


@resident_required
@require_POST
def calendar_reset(request):
    profile = _profile_of(request.user)
    if profile.pk:
        profile.calendar_token = new_calendar_token()
        profile.save(update_fields=["calendar_token"])
        messages.success(
            request,
            _("Your calendar has a new address; the old one no longer works."),
        )
    return redirect("volunteers:my_signups")


# Data rights ------------------------------------------------------------------------


@resident_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """Download everything held about me, or delete my account for good."""
    delete_form = DeleteAccountForm(user=request.user)
    if request.method == "POST" and request.POST.get("action") == "export":
        data = privacy.export(request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = (
            f'attachment; filename="klyngeportal-mine-data-{stamp}.json"'
        )
        return response
    if request.method == "POST" and request.POST.get("action") == "delete":
        delete_form = DeleteAccountForm(request.POST, user=request.user)
        if delete_form.is_valid():
            user = request.user
            logout(request)
            privacy.erase(user)
            messages.success(
                request, _("Your account and all your data have been deleted.")
            )
            return redirect("/en/" if get_language() == "en" else "/")
    return render(request, "volunteers/my_data.html", {"delete_form": delete_form})


@require_GET
def privacy_page(request):
    """What is stored, why, for how long and who sees it, in plain words."""
    return render(
        request,
        "volunteers/privacy.html",
        {
            "inactive_months": settings.VOLUNTEER_INACTIVE_MONTHS,
            "warning_days": settings.VOLUNTEER_PURGE_WARNING_DAYS,
        },
    )
