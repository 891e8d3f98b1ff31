"""Demo residents for `manage.py seed_demo`: varied, realistic, some signed up.

Registered as a seed_demo extension (see clusters.registry), so the clusters app
knows nothing of residents. Generated residents get no usable password; one demo
resident does, printed with the other demo accounts in development.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from .models import (
    Consent,
    ConsentPurpose,
    Season,
    SkillLevel,
    VolunteerProfile,
    VolunteerSkill,
)

DEFAULT_VOLUNTEERS = 300
MAX_VOLUNTEERS = 200_000
SEED = 20261126
EMAIL = "beboer{n:05d}@demo.klyngeportal.dk"
DEMO_RESIDENT = {
    "email": "beboer@klyngeportal.dk",
    "first_name": "Birthe",
    "last_name": "Frivillig",
}

FIRST_NAMES = [
    "Anne",
    "Birgit",
    "Bo",
    "Camilla",
    "Dorte",
    "Erik",
    "Finn",
    "Gitte",
    "Hanne",
    "Henrik",
    "Ida",
    "Jens",
    "Jette",
    "Karen",
    "Kasper",
    "Lars",
    "Lene",
    "Mads",
    "Maja",
    "Mette",
    "Niels",
    "Ole",
    "Pia",
    "Rasmus",
    "Signe",
    "Søren",
    "Tove",
    "Ulla",
    "Vibeke",
    "Åse",
    "Ærbo",
    "Øjvind",
    "Freja",
    "Emil",
    "Noah",
    "Clara",
]
NEWCOMER_NAMES = ["Anna", "Tom", "Sarah", "Lukas", "Marta", "Ahmed", "Olena", "Piotr"]

# What people with different backgrounds write, typos and English included.
PERSONAS = {
    "håndværker": [
        "tømrer",
        "tømre",
        "tømrerarbejde",
        "snedker",
        "bygge plantekasser",
        "murer",
        "VVS",
        "maler",
        "elektriker",
        "smed",
        "tagdækning",
        "fliselægning",
    ],
    "kommunikation": [
        "Facebook",
        "facebok",
        "SoMe",
        "sociale medier",
        "hjemmeside",
        "WordPress",
        "fotografering",
        "nyhedsbrev",
        "grafisk design",
        "Canva",
        "skrive tekster",
    ],
    "økonomi": [
        "regnskab",
        "bogholder",
        "bogføring",
        "budget",
        "regnskap",
        "Excel",
        "e-conomic",
        "kasserer",
        "fondsansøgninger",
        "fundraising",
        "revision",
    ],
    "natur": [
        "græsslåning",
        "havearbejde",
        "beskæring",
        "naturpleje",
        "rydning af krat",
        "biavl",
        "plante træer",
        "stier",
    ],
    "mad": [
        "madlavning",
        "bage",
        "fællesspisning",
        "kagebagning",
        "lave mad til mange",
    ],
    "kørsel": ["kørsel", "kørekort til trailer", "kører gerne", "bus"],
    "undervisning": ["lektiehjælp", "undervisning", "dansk for udlændinge", "lærer"],
    "andet": [
        "førstehjælp",
        "musik",
        "guitar",
        "teater",
        "lyd og lys",
        "IT-support",
        "hjælpe med computer",
        "mødeleder",
        "referat",
        "jura",
        "vedtægter",
    ],
}
ENGLISH = [
    "carpenter",
    "carpentry",
    "social media",
    "accounting",
    "bookkeeping",
    "gardening",
    "cooking",
    "driving",
    "teaching",
    "photography",
    "first aid",
]


class VolunteerDemo:
    def add_arguments(self, parser):
        parser.add_argument(
            "--volunteers",
            type=int,
            default=DEFAULT_VOLUNTEERS,
            metavar="N",
            help=(
                "Generated residents with skills, availability and some sign-ups, "
                "plus one demo resident who can log in. "
                f"Default: {DEFAULT_VOLUNTEERS}."
            ),
        )

    def validate(self, options):
        count = options.get("volunteers", DEFAULT_VOLUNTEERS)
        if count < 0:
            raise CommandError(f"--volunteers must be zero or more, not {count}.")
        if count > MAX_VOLUNTEERS:
            raise CommandError(f"--volunteers can be at most {MAX_VOLUNTEERS}.")

    def run(self, *, options, progress, admin):
        count = options.get("volunteers", DEFAULT_VOLUNTEERS)
        made: Counter[str] = Counter()
        accounts = [self._demo_resident(made, options)]
        self._generate(count, made)
        # Skills made in bulk get their stored reading here, as a saved one would.
        from .services import skills_reread

        skills_reread()
        if made["VolunteerProfile"]:
            self._sign_up_some(min(max(count // 5, 1), 2000), made)
        return made, accounts

    # ---------------------------------------------------------------------------------

    def _villages(self):
        from clusters.models import ClusterPage, Village

        live = ClusterPage.objects.live().values("pk")
        return list(Village.objects.filter(cluster__in=live).order_by("pk"))

    def _demo_resident(self, made, options):
        user_model = get_user_model()
        user = user_model.objects.filter(email=DEMO_RESIDENT["email"]).first()
        password = None
        if user is None or options.get("reset_passwords"):
            password = secrets.token_urlsafe(12)
        with transaction.atomic():
            if user is None:
                user = user_model.objects.create_user(
                    password=password, **DEMO_RESIDENT
                )
                EmailAddress.objects.create(
                    user=user, email=user.email, verified=True, primary=True
                )
                made["User"] += 1
            elif password:
                user.set_password(password)
                user.save(update_fields=["password"])
            if not VolunteerProfile.objects.filter(user=user).exists():
                villages = self._villages()
                village = villages[0] if villages else None
                profile = VolunteerProfile.objects.create(
                    user=user,
                    display_name="Birthe",
                    village=village,
                    postcode=village.postcode if village else "",
                    evenings=True,
                    weekends=True,
                    seasons=[Season.SPRING, Season.SUMMER],
                    hours_per_month=6,
                    in_association=False,
                )
                if village:
                    profile.clusters.add(village.cluster_id)
                for order, (phrase, level) in enumerate(
                    [("tømrer", SkillLevel.TEACH), ("regnskab", SkillLevel.LEARN)]
                ):
                    VolunteerSkill.objects.create(
                        profile=profile,
                        phrase=phrase,
                        skill=_link(phrase),
                        level=level,
                        sort_order=order,
                    )
                # Birthe agreed to matching and to editors contacting her, so the
                # demo shows both sides: her suggestions and her as a candidate.
                Consent.objects.bulk_create(
                    Consent(user=user, purpose=purpose, text_version=_version(purpose))
                    for purpose in (ConsentPurpose.MATCHING, ConsentPurpose.CONTACT)
                )
                made["VolunteerProfile"] += 1
        return ("Resident", user.email, password)

    def _generate(self, count, made):
        villages = self._villages()
        if not villages or not count:
            return
        user_model = get_user_model()
        emails = [EMAIL.format(n=n) for n in range(1, count + 1)]
        existing = set(
            user_model.objects.filter(email__in=emails).values_list("email", flat=True)
        )
        todo = [(n, e) for n, e in enumerate(emails, start=1) if e not in existing]
        self._verify_addresses(user_model.objects.filter(email__in=existing))
        unusable = make_password(None)
        now = timezone.now()
        for start in range(0, len(todo), 1000):
            batch = todo[start : start + 1000]
            with transaction.atomic():
                people = [self._person(n, villages) for n, _email in batch]
                users = user_model.objects.bulk_create(
                    user_model(
                        email=email,
                        first_name=person["first_name"],
                        last_name="",
                        password=unusable,
                        date_joined=now,
                    )
                    for (n, email), person in zip(batch, people, strict=True)
                )
                # Verified, as after allauth's sign-up: only reachable residents
                # are matched, counted and shown.
                EmailAddress.objects.bulk_create(
                    EmailAddress(
                        user=user, email=user.email, verified=True, primary=True
                    )
                    for user in users
                )
                profiles = VolunteerProfile.objects.bulk_create(
                    VolunteerProfile(
                        user=user,
                        display_name=person["first_name"],
                        village=person["village"],
                        postcode=person["village"].postcode,
                        weekdays=person["weekdays"],
                        evenings=person["evenings"],
                        weekends=person["weekends"],
                        seasons=person["seasons"],
                        hours_per_month=person["hours"],
                        in_association=person["in_association"],
                        language=person["language"],
                    )
                    for user, person in zip(users, people, strict=True)
                )
                through = VolunteerProfile.clusters.through
                through.objects.bulk_create(
                    through(
                        volunteerprofile_id=profile.pk,
                        clusterpage_id=person["village"].cluster_id,
                    )
                    for profile, person in zip(profiles, people, strict=True)
                )
                VolunteerSkill.objects.bulk_create(
                    VolunteerSkill(
                        profile=profile,
                        phrase=phrase,
                        skill=_link(phrase),
                        level=level,
                        sort_order=order,
                    )
                    for profile, person in zip(profiles, people, strict=True)
                    for order, (phrase, level) in enumerate(person["skills"])
                )
                Consent.objects.bulk_create(
                    Consent(user=user, purpose=purpose, text_version=_version(purpose))
                    for user, person in zip(users, people, strict=True)
                    for purpose in person["consents"]
                )
            made["User"] += len(users)
            made["VolunteerProfile"] += len(profiles)

    @staticmethod
    def _verify_addresses(users) -> None:
        """Give residents seeded before addresses were verified a verified one."""
        unverified = list(
            users.exclude(
                pk__in=EmailAddress.objects.filter(verified=True).values("user_id")
            ).values_list("pk", "email")
        )
        for start in range(0, len(unverified), 1000):
            EmailAddress.objects.bulk_create(
                (
                    EmailAddress(user_id=pk, email=email, verified=True, primary=True)
                    for pk, email in unverified[start : start + 1000]
                ),
                ignore_conflicts=True,
            )

    def _person(self, n, villages):
        rng = random.Random(SEED + n)
        newcomer = rng.random() < 0.15
        english = newcomer and rng.random() < 0.6
        personas = rng.sample(sorted(PERSONAS), k=rng.choice([1, 1, 2]))
        phrases = []
        for persona in personas:
            phrases.extend(
                rng.sample(PERSONAS[persona], k=min(2, len(PERSONAS[persona])))
            )
        if english:
            phrases = rng.sample(ENGLISH, k=2) + phrases[:1]
        phrases = list(dict.fromkeys(phrases))[: rng.randint(1, 4)]
        skills = [
            (
                phrase,
                rng.choices(
                    [SkillLevel.TEACH, SkillLevel.DO, SkillLevel.LEARN], [2, 6, 2]
                )[0],
            )
            for phrase in phrases
        ]
        consents = [ConsentPurpose.MATCHING] if rng.random() < 0.9 else []
        if consents and rng.random() < 0.4:
            consents.append(ConsentPurpose.CONTACT)
        return {
            "first_name": rng.choice(NEWCOMER_NAMES if newcomer else FIRST_NAMES),
            "village": rng.choice(villages),
            "weekdays": rng.random() < 0.3,
            "evenings": rng.random() < 0.6,
            "weekends": rng.random() < 0.6,
            "seasons": sorted(rng.sample(Season.values, k=rng.randint(1, 4))),
            "hours": rng.choice([2, 4, 4, 6, 8, 10, 16]),
            "in_association": rng.choice([True, False, False, None]),
            "language": "en" if english else "da",
            "skills": skills,
            "consents": consents,
        }

    def _sign_up_some(self, count, made):
        """Sign some generated residents up to open tasks in their own cluster."""
        from clusters.models import Task, TaskStatus

        from . import services

        rng = random.Random(SEED)
        profiles = list(
            VolunteerProfile.objects.filter(
                user__email__endswith="@demo.klyngeportal.dk",
                user__consents__purpose=ConsentPurpose.MATCHING,
                user__consents__withdrawn_at__isnull=True,
            )
            .select_related("village", "village__cluster")
            .order_by("pk")[: count * 3]
        )
        rng.shuffle(profiles)
        for profile in profiles[:count]:
            if profile.village is None:
                continue
            tasks = Task.objects.filter(
                status=TaskStatus.OPEN,
                page__live=True,
                page__path__startswith=profile.village.cluster.path,
            ).order_by("pk")
            # Leave a place free on every task, so a newcomer to the demo can join.
            tasks = [
                t for t in tasks if services.places_taken(t) < t.volunteers_needed - 1
            ]
            if not tasks:
                continue
            task = rng.choice(tasks)
            if profile.signups.filter(task=task).exists():
                continue
            services.sign_up(profile, task)
            made["Signup"] += 1


_links: dict = {}


def _link(phrase):
    from skills import taxonomy

    if phrase not in _links:
        _links[phrase] = taxonomy.link(phrase)
    return _links[phrase]


def _version(purpose) -> str:
    from .consent import TEXTS

    return TEXTS[purpose].version
