"""The residents' own pages under /frivillig/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import services, taxonomy
from .consent import TEXTS
from .forms import ProfileForm, SkillFormSet
from .models import Consent, ConsentPurpose, Skill, VolunteerProfile


def _profile_of(user) -> VolunteerProfile:
    profile = VolunteerProfile.objects.filter(user=user).first()
    if profile is None:
        display_name = user.first_name or user.email.split("@")[0]
        profile = VolunteerProfile(user=user, display_name=display_name)
    return profile


@login_required
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


@login_required
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
