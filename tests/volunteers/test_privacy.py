"""Data rights: every personal field is exported, and deletion leaves nothing behind."""

import json

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

import pytest
from axes.models import AccessAttempt

from tests import factories as f
from volunteers import privacy
from volunteers.models import (
    AccessLog,
    AnonymousSignup,
    ConsentPurpose,
    SentEmail,
    Signup,
    SignupStatus,
    VolunteerProfile,
)

pytestmark = pytest.mark.django_db

# Fields of the residents' own models that hold nothing about the person.
NOT_PERSONAL = {
    "volunteers.VolunteerProfile": {"id", "user", "skills", "signups"},
    # `reading`: the shared reading of the phrase (the phrase itself is exported).
    "volunteers.VolunteerSkill": {"id", "profile", "sort_order", "reading"},
    "volunteers.Consent": {"id", "user"},
    "volunteers.Signup": {"id", "volunteer"},
    "volunteers.AccessLog": {"id", "subject", "actor"},
    "volunteers.SentEmail": {"id", "user"},
}


def _user_relations():
    """Every column in the project that points at a person."""
    user_model = get_user_model()
    found = set()
    for model in apps.get_models(include_auto_created=False):
        for field in model._meta.get_fields():
            if not getattr(field, "concrete", False) or not field.is_relation:
                continue
            if field.related_model is user_model:
                found.add(f"{field.model._meta.label}.{field.name}")
            elif model is user_model and isinstance(field, models.ManyToManyField):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_column_pointing_at_a_person_is_in_the_inventory():
    """A new link to users fails here until export and erasure cover it."""
    missing = _user_relations() - set(privacy.USER_RELATIONS)
    assert not missing, f"add to volunteers.privacy.USER_RELATIONS: {sorted(missing)}"


def test_every_column_pointing_at_a_profile_is_in_the_inventory():
    """Matches, messages, anything new about a resident must be exported and erased."""
    found = {
        f"{field.model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and field.is_relation
        and field.related_model is VolunteerProfile
    }
    missing = found - set(privacy.PROFILE_RELATIONS)
    assert not missing, (
        f"add to volunteers.privacy.PROFILE_RELATIONS: {sorted(missing)}"
    )


def test_every_field_of_the_residents_models_is_exported_or_declared_not_personal():
    for label, not_personal in NOT_PERSONAL.items():
        model = apps.get_model(label)
        names = {
            field.name
            for field in model._meta.get_fields()
            if getattr(field, "concrete", False) or field.many_to_many
        }
        uncovered = names - set(privacy.EXPORTED_FIELDS[label]) - not_personal
        assert not uncovered, f"{label}: export or declare {sorted(uncovered)}"
    volunteer_models = {
        m._meta.label
        for m in apps.get_app_config("volunteers").get_models()
        if m._meta.label not in ("volunteers.Skill", "volunteers.AnonymousSignup")
    }
    assert volunteer_models == set(NOT_PERSONAL)


@pytest.fixture
def resident_with_everything(client):
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    task = f.TaskFactory(page=plan, title="Byg plantekasser")
    profile = f.VolunteerProfileFactory(display_name="Birthe", postcode="8420")
    profile.clusters.add(cluster)
    f.VolunteerSkillFactory(profile=profile, phrase="tømrer", level="teach")
    f.SignupFactory(volunteer=profile, task=task, message="Jeg har en sav", hours=3)
    SentEmail.objects.create(
        user=profile.user, kind="moved_up", subject="Du har fået en plads"
    )
    editor = f.UserFactory(email="redaktoer@mols.dk")
    AccessLog.objects.create(
        subject=profile.user,
        actor=editor,
        actor_label="Redaktør, Mols i Udvikling",
        action="view_contact",
        reason="Kontakt om plantekasser",
    )
    AccessAttempt.objects.create(
        username=profile.user.email, ip_address="127.0.0.1", failures_since_start=2
    )
    client.force_login(profile.user)
    return profile, task, editor


def test_export_holds_everything_about_me(client, resident_with_everything):
    profile, _task, _editor = resident_with_everything
    response = client.post("/frivillig/data/", {"action": "export"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == profile.user.email
    assert data["profile"]["display_name"] == "Birthe"
    assert data["profile"]["clusters"] == ["Mols i Udvikling"]
    assert data["skills"] == [
        {"phrase": "tømrer", "skill": "Tømrerarbejde", "level": "teach"}
    ]
    assert [c["purpose"] for c in data["consents"]] == [ConsentPurpose.MATCHING]
    (signup,) = data["signups"]
    assert (
        signup["task"] == "Byg plantekasser" and signup["message"] == "Jeg har en sav"
    )
    assert data["emails_sent"][0]["subject"] == "Du har fået en plads"
    assert data["access_to_your_data"][0]["reason"] == "Kontakt om plantekasser"


def test_deleting_the_account_leaves_no_row_that_refers_to_the_person(
    client, resident_with_everything
):
    profile, task, editor = resident_with_everything
    user = profile.user
    response = client.post(
        "/frivillig/data/",
        {
            "action": "delete",
            "password": "correct horse battery staple",
            "confirm": "on",
        },
        follow=True,
    )
    assert "Din konto og alle dine data er slettet." in response.content.decode()
    user_model = get_user_model()
    assert not user_model.objects.filter(pk=user.pk).exists()
    # No column anywhere still holds their id.
    for relation in privacy.USER_RELATIONS:
        label, name = relation.rsplit(".", 1)
        model = apps.get_model(label)
        field = model._meta.get_field(name)
        if field.many_to_many:
            continue
        assert not model._base_manager.filter(
            **{f"{field.attname}": user.pk}
        ).exists(), relation
    assert not AccessAttempt.objects.filter(username=user.email).exists()
    assert not Signup.objects.exists()
    # The task keeps an anonymous count of the sign-up, and the editor stays.
    (anonymous,) = AnonymousSignup.objects.filter(task=task)
    assert anonymous.status == SignupStatus.INTERESTED and anonymous.hours == 3
    assert user_model.objects.filter(pk=editor.pk).exists()
    # Logged out.
    assert client.get("/frivillig/profil/").status_code == 302


def test_deletion_needs_the_password_and_the_confirmation(
    client, resident_with_everything
):
    profile, _task, _editor = resident_with_everything
    response = client.post(
        "/frivillig/data/", {"action": "delete", "password": "forkert", "confirm": "on"}
    )
    assert "Det er ikke din adgangskode." in response.content.decode()
    response = client.post(
        "/frivillig/data/",
        {"action": "delete", "password": "correct horse battery staple"},
    )
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=profile.user_id).exists()


def test_an_erased_residents_own_words_leave_no_trace(client):
    """Readings and proposals of words only they wrote go with them; words that
    another resident or a task also writes stay."""
    from skills.models import PhraseReading, ProposalSource, SynonymProposal
    from skills.readings import reading_for

    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    f.TaskFactory(page=plan, skills="tømrer, Jens' gamle traktor")
    profile = f.VolunteerProfileFactory()
    other = f.VolunteerProfileFactory()
    for phrase in ("Hjælper min nabo Grethe på Bakkevej 3", "tømrer", "origami"):
        f.VolunteerSkillFactory(
            profile=profile, phrase=phrase, reading=reading_for(phrase)
        )
    f.VolunteerSkillFactory(
        profile=other, phrase="origami", reading=reading_for("origami")
    )
    reading_for("Jens' gamle traktor")
    private = "hjælper min nabo grethe på bakkevej 3"
    SynonymProposal.objects.create(phrase=private, source=ProposalSource.UNRECOGNISED)
    privacy.erase(profile.user)
    keys = set(PhraseReading.objects.values_list("key", flat=True))
    assert private not in keys
    assert {"tømrer", "origami", "jens gamle traktor"} <= keys
    assert not SynonymProposal.objects.filter(phrase=private).exists()
