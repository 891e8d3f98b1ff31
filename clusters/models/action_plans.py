"""Action plans (handleplaner) and the concrete tasks volunteers sign up for."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import DanishSlugMixin
from skills.widgets import SkillPhrasesWidget

from ..forms import ActionPlanPageForm
from ..registry import task_removal_blockers
from .base import ClusterChildMixin


class ActionPlanStatus(models.TextChoices):
    IDEA = "ide", _("Idea")
    PLANNED = "planlagt", _("Planned")
    IN_PROGRESS = "i_gang", _("In progress")
    COMPLETED = "afsluttet", _("Completed")


# The seasons of a resident's availability, by month (winter is December–February).
SEASON_OF_MONTH = {
    **dict.fromkeys((12, 1, 2), "winter"),
    **dict.fromkeys((3, 4, 5), "spring"),
    **dict.fromkeys((6, 7, 8), "summer"),
    **dict.fromkeys((9, 10, 11), "autumn"),
}


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    DONE = "done", _("Done")


class ActionPlanPage(DanishSlugMixin, ClusterChildMixin, Page):
    """One focus area's plan: goal, budget, funding and the tasks to get there."""

    focus_area = models.CharField(
        _("focus area"),
        max_length=120,
        help_text=_("The focus area from the vision, e.g. “Natur og friluftsliv”."),
    )
    goal = models.TextField(
        _("goal"),
        max_length=1000,
        help_text=_("What will be different when it is done?"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ActionPlanStatus.choices,
        default=ActionPlanStatus.PLANNED,
        db_index=True,
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("background"), blank=True)
    budget = models.DecimalField(
        _("budget (DKK)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    funding = models.TextField(
        _("funding"),
        max_length=1000,
        blank=True,
        help_text=_("Where the money comes from, and what is applied for."),
    )
    funding_pools = ParentalManyToManyField(
        "clusters.FundingPool",
        verbose_name=_("funding pools"),
        blank=True,
        related_name="action_plans",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("focus_area"),
        FieldPanel("goal"),
        FieldPanel("status"),
        FieldPanel("body"),
    ]
    task_panels = [InlinePanel("tasks", label=_("Task"), heading=_("Tasks"))]
    funding_panels = [
        FieldPanel("budget"),
        FieldPanel("funding"),
        FieldPanel("funding_pools"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Plan")),
            ObjectList(task_panels, heading=_("Tasks")),
            ObjectList(funding_panels, heading=_("Budget and funding")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("focus_area"),
        index.SearchField("goal"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.RelatedFields(
            "tasks",
            [
                index.SearchField("title"),
                index.SearchField("description"),
                index.SearchField("skills"),
            ],
        ),
    ]

    base_form_class = ActionPlanPageForm
    parent_page_types = ["clusters.ClusterPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def with_content_json(self, content):
        """Load a revision, keeping tasks that must not be removed.

        Publishing an old revision would otherwise delete tasks added since, together
        with whatever points at them (sign-ups); such tasks stay, unchanged.
        """
        obj = super().with_content_json(content)
        if not self.pk:
            return obj
        kept_ids = {task.pk for task in obj.tasks.all() if task.pk}
        current = {task.pk: task for task in Task.objects.filter(page=self)}
        missing = [pk for pk in current if pk not in kept_ids]
        blocked = task_removal_blockers(missing)
        if blocked:
            obj.tasks = [*obj.tasks.all(), *(current[pk] for pk in blocked)]
        return obj

    def get_sitemap_urls(self, request=None):
        """The plan, and the page of each of its tasks that is not done yet, so that
        a search engine finds a task (they carry schema.org JobPosting data)."""
        from urllib.parse import urlsplit

        from django.urls import reverse

        urls = super().get_sitemap_urls(request)
        if not urls:
            return urls
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(urls[0]["location"]))
        for task in Task.objects.filter(page=self).exclude(status=TaskStatus.DONE):
            urls.append(
                {
                    "location": origin
                    + reverse("volunteers:task_detail", args=[task.pk]),
                    "lastmod": urls[0].get("lastmod"),
                }
            )
        return urls

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tasks"] = self.tasks.select_related("village", "meeting_place")
        context["funding_pool_list"] = self.funding_pools.all()
        return context


class Task(Orderable):
    """A concrete piece of work a volunteer can sign up for.

    Identity (the primary key) survives edits and republishing of the action plan, so
    sign-ups stay attached; removal is refused while anything depends on the task.
    """

    page = ParentalKey(ActionPlanPage, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    skills = models.TextField(
        _("skills needed"),
        max_length=1000,
        blank=True,
        help_text=_(
            "One per line or separated by commas, in everyday words, "
            "e.g. “tømrer”, “regnskab”, “sociale medier”."
        ),
    )
    volunteers_needed = models.PositiveSmallIntegerField(
        _("volunteers needed"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    estimated_hours = models.DecimalField(
        _("estimated hours per volunteer"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    starts_on = models.DateField(_("from"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    # When in the week the work happens; none ticked means whenever suits.
    weekdays = models.BooleanField(_("weekdays (daytime)"), default=False)
    evenings = models.BooleanField(_("evenings"), default=False)
    weekends = models.BooleanField(_("weekends"), default=False)
    village = models.ForeignKey(
        "clusters.Village",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    meeting_place = models.ForeignKey(
        "clusters.MeetingPlacePage",
        verbose_name=_("meeting place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TaskStatus.choices,
        default=TaskStatus.OPEN,
        db_index=True,
    )
    good_first_task = models.BooleanField(
        _("good first task"),
        default=False,
        help_text=_("Suitable for someone who has never volunteered before."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("skills", widget=SkillPhrasesWidget),
        FieldRowPanel([FieldPanel("volunteers_needed"), FieldPanel("estimated_hours")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("deadline")]),
        FieldRowPanel(
            [FieldPanel("weekdays"), FieldPanel("evenings"), FieldPanel("weekends")],
            heading=_("When in the week"),
            help_text=_("Leave all unticked if the volunteers choose when."),
        ),
        MultiFieldPanel(
            [FieldPanel("village"), FieldPanel("meeting_place")], heading=_("Where")
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("good_first_task")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_on and self.deadline and self.deadline < self.starts_on:
            raise ValidationError(
                {"deadline": _("The deadline is before the start date.")}
            )

    @property
    def week_slots(self) -> frozenset[str]:
        """When in the week the task happens: "weekdays", "evenings", "weekends"."""
        return frozenset(
            slot
            for slot, on in (
                ("weekdays", self.weekdays),
                ("evenings", self.evenings),
                ("weekends", self.weekends),
            )
            if on
        )

    @property
    def seasons(self) -> frozenset[str]:
        """The seasons the task's dates fall in; none when it has no dates."""
        if not self.starts_on and not self.deadline:
            return frozenset()
        first = self.starts_on or self.deadline
        last = self.deadline or self.starts_on
        months, month = set(), (first.year, first.month)
        while month <= (last.year, last.month) and len(months) < 12:
            months.add(month[1])
            month = (month[0] + month[1] // 12, month[1] % 12 + 1)
        return frozenset(SEASON_OF_MONTH[m] for m in months)

    @property
    def skill_phrases(self) -> list[str]:
        """Return the required skills as a list of phrases."""
        from ..services import split_phrases

        return split_phrases(self.skills)
