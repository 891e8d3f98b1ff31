"""Seed a Danish demo: clusters and their content, funding pools and accounts."""

from __future__ import annotations

import copy
import datetime as dt
import random
import secrets
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backends
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from tqdm import tqdm

from clusters import demo_data
from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    Facility,
    FundingPool,
    MeetingPlacePage,
    NewsIndexPage,
    NewsPage,
    SteeringGroupMember,
    SurveyFormField,
    SurveyPage,
    Task,
    Village,
)
from clusters.municipalities import staff_group_name
from clusters.registry import demo_extensions
from clusters.services import cluster_provision_editing
from core.text import danish_slugify
from home.models import HomePage, StandardPage

HAND_WRITTEN = len(demo_data.HAND_WRITTEN_CLUSTERS)
MAX_CLUSTERS = 9999  # generated slugs are "klynge-0004" … "klynge-9999"
NEWS_CHUNK = 500  # news items per transaction and per bulk search-index write


class Command(BaseCommand):
    help = (
        "Build a Danish demo site: three hand-written landsbyklynger (Mols i "
        "Udvikling, Landet mellem fjordene, Landet på Midtlyn) with villages, a "
        "steering group, news, meeting places, events, action plans with tasks and a "
        "survey; funding pools; and demo accounts (an administrator, an editor per "
        "cluster, municipal staff). Safe to run again: whatever exists (matched by "
        "slug, name or e-mail) is kept as it is, so nothing is duplicated. Passwords "
        "are random and printed only where SEED_DEMO_PRINT_PASSWORDS is true "
        "(development); elsewhere set them with `manage.py changepassword`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--clusters",
            type=int,
            default=HAND_WRITTEN,
            metavar="N",
            help=(
                f"Total number of clusters, the {HAND_WRITTEN} hand-written ones "
                f"included; the rest are generated (slugs klynge-0004, …). Values "
                f"below {HAND_WRITTEN} still build the hand-written clusters. "
                f"At most {MAX_CLUSTERS}. Default: {HAND_WRITTEN}."
            ),
        )
        parser.add_argument(
            "--news",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Generated news items to add, spread over all clusters, on top of "
                "the hand-written ones. Default: 0."
            ),
        )
        parser.add_argument(
            "--tasks",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Generated tasks to add, spread over all action plans, on top of "
                "the hand-written ones. Default: 0."
            ),
        )
        for extension in demo_extensions():
            extension.add_arguments(parser)
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give existing demo accounts new random passwords.",
        )
        parser.add_argument(
            "--no-progress",
            action="store_true",
            help="Hide the progress bars (they are hidden anyway when not on a TTY).",
        )

    def handle(self, *args, **options):
        for name in ("clusters", "news", "tasks"):
            if options[name] < 0:
                raise CommandError(
                    f"--{name} must be zero or more, not {options[name]}."
                )
        if options["clusters"] > MAX_CLUSTERS:
            raise CommandError(f"--clusters can be at most {MAX_CLUSTERS}.")
        for extension in demo_extensions():
            extension.validate(options)
        seeder = DemoSeeder(
            stdout=self.stdout,
            reset_passwords=options["reset_passwords"],
            progress=not options["no_progress"] and sys.stderr.isatty(),
        )
        seeder.run(
            cluster_count=max(options["clusters"], HAND_WRITTEN),
            news_count=options["news"],
            task_count=options["tasks"],
        )
        for extension in demo_extensions():
            made, accounts = extension.run(
                options=options, progress=seeder.progress, admin=seeder.admin
            )
            seeder.created.update(made)
            seeder.accounts.extend(accounts)
        seeder.report(
            show_passwords=getattr(settings, "SEED_DEMO_PRINT_PASSWORDS", False)
        )


@contextmanager
def deferred_indexing(model) -> Iterator[None]:
    """Skip the per-save search and reference indexing of `model` inside the block.

    Indexing one page at a time costs more than creating it; the caller indexes in
    bulk instead. Pages made this way reference nothing, so the reference index has
    nothing to record for them.
    """
    connected = post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if connected:
            post_save.connect(post_save_signal_handler, sender=model)


class DemoSeeder:
    """Build the demo through the Wagtail page tree, keeping whatever already exists."""

    def __init__(self, *, stdout, reset_passwords: bool, progress: bool):
        self.stdout = stdout
        self.reset_passwords = reset_passwords
        self.progress = progress
        self.today = timezone.localdate()
        self.created: Counter[str] = Counter()
        # (role, e-mail, password set in this run or None)
        self.accounts: list[tuple[str, str, str | None]] = []
        self.admin = None

    # Orchestration --------------------------------------------------------------------

    def run(self, *, cluster_count: int, news_count: int, task_count: int) -> None:
        """Build everything; each cluster in its own transaction."""
        home = HomePage.objects.filter(depth=2).first()
        if home is None:
            raise CommandError("No home page found; run `manage.py migrate` first.")
        with transaction.atomic():
            self.admin = self.ensure_user(
                role="Administrator", superuser=True, **demo_data.ADMIN_ACCOUNT
            )
            self.facilities = {f.slug: f for f in Facility.objects.all()}
            self.pools = self.ensure_funding_pools()
            self.ensure_site_pages(home)

        specs = self.cluster_specs(cluster_count)
        clusters = []
        for spec in self.bar(specs, desc="clusters", unit="cluster"):
            with transaction.atomic():
                clusters.append((spec, self.ensure_cluster(home, spec)))

        with transaction.atomic():
            self.ensure_cluster_accounts(clusters)
        if news_count:
            self.generate_news(clusters, news_count)
        if task_count:
            self.generate_tasks(clusters, task_count)
        if self.created:
            self.update_statistics()

    def update_statistics(self) -> None:
        """Refresh the query planner's statistics after a bulk load.

        PostgreSQL's autovacuum would get there eventually; SQLite never does, and
        without statistics it scans the whole page table to find a cluster's children.
        """
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def cluster_specs(self, count: int) -> list[demo_data.Spec]:
        """Return the hand-written specs followed by generated ones, up to `count`."""
        specs = list(demo_data.HAND_WRITTEN_CLUSTERS)
        # Generated in sequence from one seed, so a bigger run extends a smaller one.
        rng = random.Random(demo_data.SEED)
        used_titles = {spec["title"] for spec in specs}
        for number in range(HAND_WRITTEN + 1, count + 1):
            specs.append(demo_data.generated_cluster_spec(number, rng, used_titles))
        return specs

    def bar(self, iterable=None, **kwargs):
        """Return a tqdm progress bar on stderr, disabled when not wanted."""
        return tqdm(iterable, file=sys.stderr, disable=not self.progress, **kwargs)

    # Helpers --------------------------------------------------------------------------

    def publish(self, page: Page) -> None:
        """Save a revision of `page` and publish it, as an editor would."""
        page.save_revision(user=self.admin).publish(user=self.admin)

    def add(self, parent: Page, page: Page) -> Page:
        """Add `page` under `parent` through the tree API and publish it."""
        page.owner = self.admin
        parent.add_child(instance=page)
        self.publish(page)
        self.created[type(page).__name__] += 1
        return page

    @staticmethod
    def child(parent: Page, model, slug: str):
        """Return the child of `parent` of this type with this slug, or None."""
        return model.objects.child_of(parent).filter(slug=slug).first()

    def moment(self, days: int, hour: int = 9, minute: int = 0) -> dt.datetime:
        """Return an aware local datetime `days` from today."""
        day = self.today + dt.timedelta(days=days)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    @staticmethod
    def stream(blocks: list[dict], pages: dict[str, Page] | None = None) -> list[dict]:
        """Return StreamField data with call-to-action page slugs resolved to ids.

        Without `pages`, blocks that point at a page are left out: they are added once
        the page exists.
        """
        result = []
        for block in copy.deepcopy(blocks):
            value = block["value"]
            slug = value.pop("page_slug", None) if isinstance(value, dict) else None
            if slug:
                page = (pages or {}).get(slug)
                if page is None:
                    continue
                block["value"]["page"] = page.pk
            result.append(block)
        return result

    # Site-wide -----------------------------------------------------------------------

    def ensure_funding_pools(self) -> dict[str, FundingPool]:
        """Create the demo funding pools that do not exist yet (matched by name)."""
        pools = {}
        for spec in demo_data.FUNDING_POOLS:
            pool = FundingPool.objects.filter(name=spec["name"]).first()
            if pool is None:
                pool = FundingPool.objects.create(
                    name=spec["name"],
                    owner_type=spec["owner_type"],
                    owner=spec["owner"],
                    municipality=spec.get("municipality", ""),
                    amount=spec["amount"],
                    deadline=self.today + dt.timedelta(days=spec["deadline_days"]),
                    url=spec["url"],
                    topics=spec["topics"],
                )
                self.created["FundingPool"] += 1
            pools[spec["name"]] = pool
        return pools

    def ensure_site_pages(self, home: HomePage) -> None:
        """Give the home page its demo title and intro, and add the about page."""
        spec = demo_data.HOME_PAGE
        if home.title != spec["title"] or home.intro != spec["intro"]:
            home.title = spec["title"]
            home.intro = spec["intro"]
            if not home.body:
                home.body = self.stream(spec["body"])
            self.publish(home)
            self.created["HomePage (updated)"] += 1

        about = demo_data.ABOUT_PAGE
        if not self.child(home, StandardPage, about["slug"]):
            self.add(
                home,
                StandardPage(
                    title=about["title"],
                    slug=about["slug"],
                    intro=about["intro"],
                    body=self.stream(about["body"]),
                ),
            )

    # One cluster ---------------------------------------------------------------------

    def ensure_cluster(self, home: HomePage, spec: demo_data.Spec) -> ClusterPage:
        """Create the cluster and each of its pages that does not exist yet."""
        cluster = self.child(home, ClusterPage, spec["slug"])
        is_new = cluster is None
        if is_new:
            cluster = ClusterPage(
                title=spec["title"],
                slug=spec["slug"],
                municipality=spec["municipality"],
                phase=spec["phase"],
                intro=spec["intro"],
                description=self.stream(spec["description"]),
                vision=spec["vision"],
                contact_email=spec["contact_email"],
                municipal_contact=spec["municipal_contact"],
                municipal_contact_email=spec["municipal_contact_email"],
            )
            # Inline rows go in before add_child, as save() computes the centre from
            # them; modelcluster leaves sort_order unset, so number them as the admin
            # would.
            cluster.villages = [
                Village(
                    name=name,
                    postcode=postcode,
                    latitude=lat,
                    longitude=lng,
                    sort_order=i,
                )
                for i, (name, postcode, lat, lng) in enumerate(spec["villages"])
            ]
            cluster.steering_group = [
                SteeringGroupMember(name=name, role=role, village=village, sort_order=i)
                for i, (name, role, village) in enumerate(spec["steering_group"])
            ]
            self.add(home, cluster)
        villages = {v.name: v for v in Village.objects.filter(cluster=cluster)}

        self.ensure_news_index(cluster, spec)
        places = {
            place_spec["slug"]: self.ensure_meeting_place(cluster, place_spec, villages)
            for place_spec in spec["meeting_places"]
        }
        for event_spec in spec["events"]:
            self.ensure_event(cluster, event_spec, places)
        for plan_spec in spec["action_plans"]:
            self.ensure_action_plan(cluster, plan_spec, villages, places)
        if spec.get("survey"):
            self.ensure_survey(cluster, spec["survey"])

        full_description = self.stream(spec["description"], self.pages_in(cluster))
        if is_new and len(full_description) != len(cluster.description):
            # The calls to action point at pages that exist only now.
            cluster = ClusterPage.objects.get(pk=cluster.pk)
            cluster.description = full_description
            self.publish(cluster)
        return cluster

    @staticmethod
    def pages_in(cluster: ClusterPage) -> dict[str, Page]:
        """Return the cluster's child pages by slug."""
        return {page.slug: page for page in Page.objects.child_of(cluster)}

    def ensure_news_index(self, cluster: ClusterPage, spec: demo_data.Spec) -> None:
        """Add the news index and the hand-written news items that are missing."""
        index = self.child(cluster, NewsIndexPage, "nyheder")
        if index is None:
            index = self.add(
                cluster,
                NewsIndexPage(
                    title="Nyheder",
                    slug="nyheder",
                    intro=f"Det sker i {spec['title']}.",
                ),
            )
        for news_spec in spec["news"]:
            slug = danish_slugify(news_spec["title"])
            if self.child(index, NewsPage, slug):
                continue
            date = self.today - dt.timedelta(days=news_spec["days_ago"])
            page = NewsPage(
                title=news_spec["title"],
                slug=slug,
                date=date,
                intro=news_spec["intro"],
                body=self.stream(news_spec["body"]),
                first_published_at=self.moment(-news_spec["days_ago"]),
            )
            page.tags.add(*news_spec["tags"])
            self.add(index, page)

    def ensure_meeting_place(
        self, cluster: ClusterPage, spec: demo_data.Spec, villages: dict[str, Village]
    ) -> MeetingPlacePage:
        """Return the meeting place with the spec's slug, adding it if missing."""
        place = self.child(cluster, MeetingPlacePage, spec["slug"])
        if place is not None:
            return place
        latitude, longitude = spec["coordinates"]
        facilities = spec["facilities"]
        if isinstance(facilities, str):
            facilities = facilities.split()
        place = MeetingPlacePage(
            title=spec["title"],
            slug=spec["slug"],
            kind=spec["kind"],
            intro=spec["intro"],
            village=villages.get(spec["village"]),
            address=spec["address"],
            latitude=latitude,
            longitude=longitude,
            capacity=spec["capacity"],
            booking_contact=spec["booking_contact"],
            booking_email=spec["booking_email"],
            booking_phone=spec["booking_phone"],
            opening_hours=spec["opening_hours"],
        )
        place.facilities = [
            self.facilities[s] for s in facilities if s in self.facilities
        ]
        return self.add(cluster, place)

    def ensure_event(
        self,
        cluster: ClusterPage,
        spec: demo_data.Spec,
        places: dict[str, MeetingPlacePage],
    ) -> None:
        """Add the event unless the cluster has one with its slug."""
        slug = danish_slugify(spec["title"])
        if self.child(cluster, EventPage, slug):
            return
        start = self.moment(spec["days_ahead"], *spec["start"])
        self.add(
            cluster,
            EventPage(
                title=spec["title"],
                slug=slug,
                start=start,
                end=start + dt.timedelta(hours=spec["hours"]),
                meeting_place=places.get(spec["meeting_place"]),
                intro=spec["intro"],
            ),
        )

    def ensure_action_plan(
        self,
        cluster: ClusterPage,
        spec: demo_data.Spec,
        villages: dict[str, Village],
        places: dict[str, MeetingPlacePage],
    ) -> None:
        """Add the action plan with its tasks unless it exists."""
        if self.child(cluster, ActionPlanPage, spec["slug"]):
            return
        plan = ActionPlanPage(
            title=spec["title"],
            slug=spec["slug"],
            focus_area=spec["focus_area"],
            goal=spec["goal"],
            status=spec["status"],
            body=self.stream(spec["body"]),
            budget=spec["budget"],
            funding=spec["funding"],
        )
        plan.funding_pools = [self.pools[name] for name in spec["funding_pools"]]
        plan.tasks = [
            self.build_task(task_spec, villages, places, sort_order=i)
            for i, task_spec in enumerate(spec["tasks"])
        ]
        self.add(cluster, plan)
        self.created["Task"] += len(spec["tasks"])

    def build_task(
        self,
        spec: demo_data.Spec,
        villages: dict[str, Village],
        places: dict[str, MeetingPlacePage] | None = None,
        *,
        sort_order: int,
    ) -> Task:
        """Return an unsaved task for the spec."""
        starts = spec.get("starts_in_days")
        deadline = spec.get("deadline_days")
        return Task(
            title=spec["title"],
            description=spec["description"],
            skills=spec["skills"],
            volunteers_needed=spec["volunteers_needed"],
            estimated_hours=Decimal(str(spec["estimated_hours"])),
            starts_on=self.today + dt.timedelta(days=starts) if starts else None,
            deadline=self.today + dt.timedelta(days=deadline) if deadline else None,
            village=villages.get(spec.get("village", "")),
            meeting_place=(places or {}).get(spec.get("meeting_place", "")),
            status=spec.get("status", "open"),
            good_first_task=spec.get("good_first_task", False),
            sort_order=sort_order,
        )

    def ensure_survey(self, cluster: ClusterPage, spec: demo_data.Spec) -> None:
        """Add the mapping survey with its questions unless it exists."""
        if self.child(cluster, SurveyPage, spec["slug"]):
            return
        survey = SurveyPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            thank_you_text=spec["thank_you_text"],
            subject=f"Nyt svar: {spec['title']}",
        )
        survey.form_fields = [
            SurveyFormField(
                # Wagtail would escape æ, ø and å in the column names; spell them out.
                clean_name=danish_slugify(field["label"]).replace("-", "_"),
                label=field["label"],
                field_type=field["field_type"],
                required=field["required"],
                choices="\n".join(field.get("choices", [])),
                help_text=field.get("help_text", ""),
                sort_order=i,
            )
            for i, field in enumerate(spec["fields"])
        ]
        self.add(cluster, survey)

    # Accounts ------------------------------------------------------------------------

    def ensure_user(
        self,
        *,
        role: str,
        email: str,
        first_name: str,
        last_name: str,
        superuser: bool = False,
    ):
        """Return the user with this e-mail, creating it with a random password."""
        user_model = get_user_model()
        user = user_model.objects.filter(email__iexact=email).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            create = (
                user_model.objects.create_superuser
                if superuser
                else user_model.objects.create_user
            )
            user = create(
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
            )
            self.created["User"] += 1
        elif self.reset_passwords:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            user.save(update_fields=["password"])
        self.accounts.append((role, user.email, password))
        return user

    def ensure_cluster_accounts(
        self, clusters: list[tuple[demo_data.Spec, ClusterPage]]
    ) -> None:
        """Add an editor to each hand-written cluster and the municipal staff."""
        for spec, cluster in clusters:
            editor = spec.get("editor")
            if not editor:
                continue
            group = cluster_provision_editing(cluster=cluster).editors_group
            user = self.ensure_user(role=f"Editor, {cluster.title}", **editor)
            user.groups.add(group)

        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        for account in demo_data.MUNICIPAL_ACCOUNTS:
            name = staff_group_name(account["municipality"])
            group, created = Group.objects.get_or_create(name=name)
            if created:
                self.created["Group"] += 1
            group.permissions.add(access_admin)
            user = self.ensure_user(
                role=name,
                email=account["email"],
                first_name=account["first_name"],
                last_name=account["last_name"],
            )
            user.groups.add(group)

    # Scale ---------------------------------------------------------------------------

    def generate_news(
        self, clusters: list[tuple[demo_data.Spec, ClusterPage]], count: int
    ) -> None:
        """Add `count` generated news items round-robin over the clusters.

        Item i always gets the same cluster, text and slug (ending in i + 1), so a
        re-run skips what exists. Items are published without a revision (an editor's
        first edit makes one) and indexed for search in bulk.
        """
        cluster_path_length = Page.steplen * 3
        indexes = {
            index.path[:cluster_path_length]: index
            for index in NewsIndexPage.objects.filter(depth=4)
        }
        existing = set(NewsPage.objects.values_list("slug", flat=True))
        pending: list[tuple[NewsIndexPage, NewsPage]] = []
        with (
            self.bar(total=count, desc="news", unit="item") as progress,
            deferred_indexing(NewsPage),
        ):
            for i in range(count):
                spec, cluster = clusters[i % len(clusters)]
                rng = random.Random(f"{demo_data.SEED}:news:{i}")
                villages = [name for name, *_ in spec["villages"]]
                item = demo_data.news_spec(rng, spec["title"], villages)
                slug = f"{danish_slugify(item['title'])[:80]}-{i + 1}"
                if slug not in existing:
                    pending.append((indexes[cluster.path], self.build_news(item, slug)))
                    if len(pending) == NEWS_CHUNK:
                        self.save_news(pending)
                        pending = []
                progress.update()
            if pending:
                self.save_news(pending)

    def build_news(self, spec: demo_data.Spec, slug: str) -> NewsPage:
        """Return an unsaved, live news page dated `days_ago`."""
        published = self.moment(-spec["days_ago"])
        page = NewsPage(
            title=spec["title"],
            slug=slug,
            date=published.date(),
            intro=spec["intro"],
            body=spec["body"],
            owner=self.admin,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
        )
        page.tags.add(*spec["tags"])
        return page

    def save_news(self, pending: list[tuple[NewsIndexPage, NewsPage]]) -> None:
        """Add the pages under their news indexes and index them, in one transaction."""
        with transaction.atomic():
            for index, page in pending:
                index.add_child(instance=page)
            pages = [page for _index, page in pending]
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(NewsPage, pages)
        self.created["NewsPage"] += len(pending)

    def generate_tasks(
        self, clusters: list[tuple[demo_data.Spec, ClusterPage]], count: int
    ) -> None:
        """Add `count` generated tasks round-robin over all action plans.

        Task i always goes to the same plan with the same title (numbered when the
        plan already has one like it), so a re-run skips what exists. Each plan that
        gets tasks is published again, so its latest revision holds them all.
        """
        plans = []  # (cluster spec, cluster, plan page, titles the plan is given)
        for spec, cluster in clusters:
            pages = {p.slug: p for p in ActionPlanPage.objects.child_of(cluster)}
            for plan_spec in spec["action_plans"]:
                if plan_spec["slug"] in pages:
                    titles = {task["title"] for task in plan_spec["tasks"]}
                    plans.append((spec, cluster, pages[plan_spec["slug"]], titles))
        if not plans:
            raise CommandError("There are no demo action plans to add tasks to.")

        wanted: dict[int, list[demo_data.Spec]] = defaultdict(list)
        for i in range(count):
            spec, _cluster, page, titles = plans[i % len(plans)]
            rng = random.Random(f"{demo_data.SEED}:task:{i}")
            villages = [name for name, *_ in spec["villages"]]
            task = demo_data.task_spec(
                rng.choice(demo_data.TASK_TEMPLATES), rng, villages
            )
            task["title"] = numbered(task["title"], titles)
            titles.add(task["title"])
            wanted[page.pk].append(task)

        existing = set(
            Task.objects.filter(page__in=list(wanted)).values_list("page_id", "title")
        )
        with self.bar(total=count, desc="tasks", unit="task") as progress:
            for _spec, cluster, page, _titles in plans:
                specs = wanted.get(page.pk, [])
                missing = [s for s in specs if (page.pk, s["title"]) not in existing]
                if missing:
                    with transaction.atomic():
                        self.add_tasks(cluster, page, missing)
                progress.update(len(specs))

    def add_tasks(
        self, cluster: ClusterPage, plan: ActionPlanPage, specs: list[demo_data.Spec]
    ) -> None:
        """Add tasks to a published plan and publish it again with them."""
        villages = {v.name: v for v in Village.objects.filter(cluster=cluster)}
        last = Task.objects.filter(page=plan).order_by("-sort_order").first()
        start = (last.sort_order or 0) + 1 if last else 0
        tasks = [
            self.build_task(spec, villages, sort_order=start + offset)
            for offset, spec in enumerate(specs)
        ]
        for task in tasks:
            task.page = plan
        Task.objects.bulk_create(tasks)
        # A fresh instance reads the tasks back with their ids, so the revision keeps
        # them (and anything that later points at them) when the plan is republished.
        self.publish(ActionPlanPage.objects.get(pk=plan.pk))
        self.created["Task"] += len(tasks)

    # Output --------------------------------------------------------------------------

    def report(self, *, show_passwords: bool) -> None:
        """Write what was created and the demo accounts."""
        if self.created:
            made = ", ".join(f"{n} {name}" for name, n in sorted(self.created.items()))
            self.stdout.write(f"Created: {made}.")
        else:
            self.stdout.write("Nothing to create: the demo is already in place.")
        self.stdout.write(
            "Demo accounts (staff log in at /admin/, residents at /konto/login/, "
            "with the e-mail address):"
        )
        for role, email, password in self.accounts:
            if not show_passwords:
                self.stdout.write(f"  {email:<36} {role}")
            elif password:
                self.stdout.write(f"  {email:<36} {password:<18} {role}")
            else:
                self.stdout.write(f"  {email:<36} {'(unchanged)':<18} {role}")
        if not show_passwords:
            self.stdout.write(
                "Passwords are not shown (SEED_DEMO_PRINT_PASSWORDS is off). Set one "
                "with: python manage.py changepassword <e-mail>"
            )
        elif any(password is None for _role, _email, password in self.accounts):
            self.stdout.write(
                "Existing passwords were kept; run with --reset-passwords for new ones."
            )


def numbered(title: str, taken: set[str]) -> str:
    """Return `title`, or "title (2)", "title (3)", … if it is already taken."""
    if title not in taken:
        return title
    n = 2
    while f"{title} ({n})" in taken:
        n += 1
    return f"{title} ({n})"
