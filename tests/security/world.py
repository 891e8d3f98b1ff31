"""One seeded world for the permission matrix and the bad-input sweep.

Two clusters in two municipalities, each with its editor and municipal staff; an
administrator; residents of every kind (the one whose data we guard, another, one
deactivated, one unverified, one far away); a live action plan, a draft and one
behind a view restriction; sign-ups, a synonym proposal, and a public and a private
document. Every value that must not leak is a `secret` string that no other page
contains by accident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from allauth.account.models import EmailAddress

from clusters.models import ClusterAdministration, SurveyFormField
from matching.models import Feedback, Match, SynonymProposal
from tests import factories as f
from volunteers.models import AccessLog, Consent, ConsentPurpose, SignupStatus, Skill

PASSWORD = "correct horse battery staple"  # the factories' password

ROLES = (
    "anonymous",
    "resident",
    "other_resident",
    "editor",
    "other_editor",
    "staff",
    "other_staff",
    "admin",
)
EVERYONE = frozenset(ROLES)
LOGGED_IN = EVERYONE - {"anonymous"}


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)  # stored name -> content

    def __getitem__(self, key):
        return self.objects[key]

    def restore_files(self) -> None:
        """Put the documents' files back: each test gets a fresh media storage."""
        from django.core.files.storage import default_storage

        for name, content in self.files.items():
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(content))


def _resident(village, name: str, email: str, phrase: str, *, contact=True, **kw):
    user = f.ResidentFactory(email=email, first_name=name)
    profile = f.VolunteerProfileFactory(
        user=user, display_name=name, village=village, **kw
    )
    f.VolunteerSkillFactory(
        profile=profile, phrase=phrase, skill=Skill.objects.get(slug="toemrer")
    )
    profile.clusters.add(village.cluster)
    if contact:
        Consent.objects.create(
            user=user, purpose=ConsentPurpose.CONTACT, text_version="test"
        )
    return profile


def build() -> World:
    world = World()
    mols = f.ClusterPageFactory(title="Mols i Udvikling", slug="mols")
    fyn = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        slug="midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    knebel = mols.villages.get(name="Knebel")
    lyndelse = fyn.villages.get()

    plan = f.ActionPlanPageFactory(parent=mols, title="Grønne stier", slug="stier")
    task = f.TaskFactory(
        page=plan,
        title="Byg plantekasser",
        skills="tømrer",
        volunteers_needed=3,
        deadline=timezone.localdate() + dt.timedelta(days=30),
    )
    free_task = f.TaskFactory(
        page=plan, title="Mal bænkene", skills="tømrer", volunteers_needed=2
    )
    draft = f.ActionPlanPageFactory(
        parent=mols, title="Kladdeplan Xylofon", slug="kladde", live=False
    )
    draft_task = f.TaskFactory(
        page=draft, title="Hemmelig kladdeopgave Zebra", skills="tømrer"
    )
    closed = f.ActionPlanPageFactory(parent=mols, title="Lukket plan", slug="lukket")
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    closed_task = f.TaskFactory(
        page=closed, title="Lukket opgave Kvasar", skills="tømrer"
    )
    fyn_plan = f.ActionPlanPageFactory(parent=fyn, title="Fynske haver")
    fyn_task = f.TaskFactory(page=fyn_plan, title="Budget for haven Fyrtårn")
    place = f.MeetingPlacePageFactory(
        parent=mols, title="Knebel Forsamlingshus Orkidé", village=knebel
    )
    event = f.EventPageFactory(
        parent=mols, title="Fællesspisning Pelikan", meeting_place=place
    )
    news_index = f.NewsIndexPageFactory(parent=mols, slug="nyheder")
    for n in range(12):  # more than a page of news
        f.NewsPageFactory(parent=news_index, title=f"Nyt fra Mols {n}")
    survey = f.SurveyPageFactory(parent=mols, slug="kortlaegning")
    for label, kind, choices in (
        ("Hvilket mødested bruger du?", "singleline", ""),
        ("Hvad mangler i landsbyen?", "multiline", ""),
        ("Hvor mange er I i husstanden?", "number", ""),
        ("Hvornår flyttede du hertil?", "date", ""),
        ("Hvor ofte kommer du i forsamlingshuset?", "dropdown", "Ofte\nSjældent"),
        ("Hvad bruger du det til?", "checkboxes", "Fest\nMøder\nSport"),
    ):
        SurveyFormField.objects.create(
            page=survey, label=label, field_type=kind, choices=choices, required=False
        )
    fyn_place = f.MeetingPlacePageFactory(
        parent=fyn, title="Lyndelse Hal Tukan", village=lyndelse
    )

    resident = _resident(
        knebel, "Birthe Hemmeligsen", "birthe.hemmelig@example.dk", "tømrer"
    )
    other = _resident(knebel, "Karl Andersen", "karl.anden@example.dk", "tømrer")
    deactivated = _resident(
        knebel, "Dorte Deaktiveret", "dorte.deaktiveret@example.dk", "tømrer"
    )
    deactivated.user.is_active = False
    deactivated.user.save(update_fields=["is_active"])
    unverified = _resident(
        knebel, "Uffe Ubekræftet", "uffe.ubekraeftet@example.dk", "tømrer"
    )
    EmailAddress.objects.filter(user=unverified.user).update(verified=False)
    faraway = _resident(lyndelse, "Frida Fjernsen", "frida.fjern@example.dk", "tømrer")
    signup = f.SignupFactory(
        volunteer=resident, task=task, status=SignupStatus.INTERESTED
    )
    Feedback.objects.create(task=fyn_task, volunteer=resident, kind="dismissed")

    def editor_of(cluster, email):
        user = f.UserFactory(email=email)
        group = ClusterAdministration.objects.get(cluster=cluster).editors_group
        user.groups.add(group)
        return user

    admin = f.UserFactory(email="admin@example.dk", is_staff=True, is_superuser=True)
    world.users = {
        "anonymous": None,
        "resident": resident.user,
        "other_resident": other.user,
        "editor": editor_of(mols, "redaktoer@mols.dk"),
        "other_editor": editor_of(fyn, "redaktoer@midtlyn.dk"),
        "staff": f.MunicipalStaffFactory(
            email="medarbejder@syddjurs.dk", municipality="syddjurs"
        ),
        "other_staff": f.MunicipalStaffFactory(
            email="medarbejder@faaborg-midtfyn.dk", municipality="faaborg-midtfyn"
        ),
        "admin": admin,
    }
    # Every account has a verified address, so that a resident's page shows each
    # person their own data, never a "verify your e-mail" detour.
    for user in world.users.values():
        if user is not None:
            EmailAddress.objects.get_or_create(
                user=user,
                email=user.email,
                defaults={"verified": True, "primary": True},
            )
            # Wagtail's own profile too (else made on the first admin request).
            UserProfile.get_for_user(user)

    administration = ClusterAdministration.objects.get(cluster=mols)
    documents = get_document_model()
    public_doc = documents.objects.create(
        title="Program for sommerfesten",
        file=ContentFile(b"%PDF-1.4 offentligt program", name="program.pdf"),
        collection=administration.collection,
    )
    private_doc = documents.objects.create(
        title="Referat fra styregruppen",
        file=ContentFile(b"%PDF-1.4 fortroligt referat Gnu", name="referat.pdf"),
        collection=administration.private_collection,
    )
    AccessLog.objects.create(
        subject=resident.user,
        actor=world.users["editor"],
        actor_label="Redaktør Rasmus Revisor",
        action="view_signups",
        reason="Tilmeldinger til klyngens opgaver",
    )
    world.files = {
        doc.file.name: doc.file.open("rb").read() for doc in (public_doc, private_doc)
    }
    proposal = SynonymProposal.objects.create(
        phrase="trælænkemager", skill=Skill.objects.get(slug="toemrer")
    )
    from matching.services import store_matches_for_task

    store_matches_for_task(task.pk)
    world.objects = {
        "mols": mols,
        "fyn": fyn,
        "plan": plan,
        "task": task,
        "free_task": free_task,
        "draft": draft,
        "draft_task": draft_task,
        "closed": closed,
        "closed_task": closed_task,
        "fyn_task": fyn_task,
        "place": place,
        "event": event,
        "news_index": news_index,
        "survey": survey,
        "fyn_place": fyn_place,
        "resident": resident,
        "other": other,
        "deactivated": deactivated,
        "unverified": unverified,
        "faraway": faraway,
        "signup": signup,
        "public_doc": public_doc,
        "private_doc": private_doc,
        "proposal": proposal,
        "matches": Match.objects.filter(task=task).count(),
    }
    return world


# What a request wrote ---------------------------------------------------------------

# Rows that change on any request, whoever makes it: sessions, log-in records, search
# term counts, Wagtail's editing sessions. Any other row written counts.
VOLATILE_TABLES = (
    "django_session",
    "axes_",
    "wagtailsearch_",
    "wagtailsearchpromotions_query",
    "wagtailadmin_editingsession",
)
_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?([\w]+)"?',
    re.IGNORECASE,
)


@contextmanager
def writes() -> Iterator[Counter]:
    """Count the rows written per table while the block runs.

    Every statement goes through Django's execute wrapper: an INSERT, or an UPDATE
    or DELETE that touched a row, is counted under its table, on any database.
    """
    counts: Counter = Counter()

    def record(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = _WRITE.match(sql)
        if match and not match.group(1).startswith(VOLATILE_TABLES):
            # An UPDATE or DELETE that matched nothing wrote nothing. An INSERT
            # always counts (with RETURNING, SQLite knows its row count only once
            # the rows are read).
            insert = sql.lstrip()[:6].upper() == "INSERT"
            rowcount = getattr(context["cursor"], "rowcount", -1)
            if insert or rowcount != 0:
                counts[match.group(1)] += max(rowcount, 1)
        return result

    with connection.execute_wrapper(record):
        yield counts
