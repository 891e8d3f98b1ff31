"""The cluster (landsbyklynge): its villages, steering group and editors."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import DanishSlugMixin
from core.panels import PermissionFieldPanel

from ..municipalities import MUNICIPALITIES, MUNICIPALITY_NAMES

# Denmark, generously: catches swapped or mistyped coordinates.
LATITUDE_VALIDATORS = [MinValueValidator(54.4), MaxValueValidator(57.9)]
LONGITUDE_VALIDATORS = [MinValueValidator(7.9), MaxValueValidator(15.3)]


class Phase(models.TextChoices):
    ESTABLISHMENT = "etablering", _("Establishment")
    MAPPING = "kortlaegning", _("Mapping")
    VISION = "vision", _("Vision")
    ACTION_PLANS = "handleplaner", _("Action plans")
    IMPLEMENTATION = "implementering", _("Implementation")


PHASE_DESCRIPTIONS = {
    Phase.ESTABLISHMENT: _("The steering group is formed."),
    Phase.MAPPING: _("Meeting places, activities and potentials are mapped."),
    Phase.VISION: _("Focus areas are prioritised in a shared vision."),
    Phase.ACTION_PLANS: _("Concrete action plans are written."),
    Phase.IMPLEMENTATION: _("The cluster organises its future work."),
}


class ClusterPage(DanishSlugMixin, RoutablePageMixin, Page):
    """A village cluster's home: the root of everything the cluster publishes."""

    municipality = models.CharField(
        _("municipality"),
        max_length=40,
        choices=MUNICIPALITIES,
        db_index=True,
        help_text=_("The municipality the villages belong to."),
    )
    phase = models.CharField(
        _("phase"),
        max_length=20,
        choices=Phase.choices,
        default=Phase.ESTABLISHMENT,
        db_index=True,
        help_text=_("Where the cluster is in its development; shown on its page."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown at the top and in listings."),
    )
    description = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("Who you are, what you are working on and how to join."),
    )
    vision = RichTextField(
        _("vision"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("The shared vision and the focus areas that have been agreed."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    municipal_contact = models.CharField(
        _("municipal contact person"), max_length=120, blank=True
    )
    municipal_contact_email = models.EmailField(
        _("municipal contact e-mail"), blank=True
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Where residents can write to the steering group."),
    )
    # Centre of the villages, kept up to date on save; used for maps and neighbours.
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                # The municipality decides which staff see the cluster's residents:
                # administrators set it, editors see it read-only.
                PermissionFieldPanel(
                    "municipality", permission="clusters.set_cluster_municipality"
                ),
                FieldPanel("phase"),
            ],
            heading=_("Municipality and phase"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("description"),
    ]
    villages_panels = [
        InlinePanel("villages", label=_("Villages"), min_num=1, heading=_("Villages")),
    ]
    organisation_panels = [
        InlinePanel("steering_group", label=_("Member"), heading=_("Steering group")),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("municipal_contact"),
                FieldPanel("municipal_contact_email"),
            ],
            heading=_("Contact"),
        ),
    ]
    vision_panels = [FieldPanel("vision")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(villages_panels, heading=_("Villages")),
            ObjectList(organisation_panels, heading=_("Organisation")),
            ObjectList(vision_panels, heading=_("Vision")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("vision"),
        index.FilterField("municipality"),
        index.FilterField("phase"),
        index.RelatedFields("villages", [index.SearchField("name")]),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "clusters.NewsIndexPage",
        "clusters.MeetingPlacePage",
        "clusters.EventPage",
        "clusters.ActionPlanPage",
        "clusters.SurveyPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        permissions = [
            ("set_cluster_municipality", _("Can set the municipality of a cluster")),
        ]

    @property
    def municipality_name(self) -> str:
        return MUNICIPALITY_NAMES.get(self.municipality, self.municipality)

    @property
    def phase_steps(self) -> list[dict]:
        """Return the five phases with whether each is done, current or ahead."""
        values = list(Phase.values)
        current = values.index(self.phase) if self.phase in values else 0
        return [
            {
                "value": value,
                "label": Phase(value).label,
                "description": PHASE_DESCRIPTIONS[Phase(value)],
                "state": "done"
                if i < current
                else "current"
                if i == current
                else "todo",
                "number": i + 1,
            }
            for i, value in enumerate(values)
        ]

    def update_centre(self) -> None:
        """Set the cluster's position to the centre of its villages."""
        points = [
            (v.latitude, v.longitude)
            for v in self.villages.all()
            if v.latitude is not None and v.longitude is not None
        ]
        if points:
            self.latitude = sum(p[0] for p in points) / len(points)
            self.longitude = sum(p[1] for p in points) / len(points)
        else:
            self.latitude = self.longitude = None

    def save(self, *args, **kwargs):
        self.update_centre()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import ClusterPageContent

        context = super().get_context(request, *args, **kwargs)
        context["content"] = ClusterPageContent(cluster=self)
        return context

    # Feeds, listings and map data, routed under the cluster's own URL.
    @path("nyheder/rss/", name="news_rss")
    def news_rss(self, request):
        from ..feeds import ClusterNewsFeed

        return ClusterNewsFeed()(request, cluster=self)

    @path("nyheder/atom/", name="news_atom")
    def news_atom(self, request):
        from ..feeds import ClusterNewsAtomFeed

        return ClusterNewsAtomFeed()(request, cluster=self)

    @path("kalender/", name="events_ical")
    def events_ical(self, request):
        from ..feeds import cluster_events_ical

        return cluster_events_ical(request, cluster=self)

    @path("moedesteder/geojson/", name="meeting_places_geojson")
    def meeting_places_geojson(self, request):
        from ..feeds import meeting_places_geojson_response

        return meeting_places_geojson_response(cluster=self)

    def get_sitemap_urls(self, request=None):
        # The feeds are not pages; list the cluster page only.
        return Page.get_sitemap_urls(self, request)

    def feed_links(self) -> list[dict]:
        return [
            {
                "url": self.url + "nyheder/rss/",
                "type": "application/rss+xml",
                "title": _("News from %(name)s (RSS)") % {"name": self.title},
            },
            {
                "url": self.url + "nyheder/atom/",
                "type": "application/atom+xml",
                "title": _("News from %(name)s (Atom)") % {"name": self.title},
            },
            {
                "url": self.url + "kalender/",
                "type": "text/calendar",
                "title": _("Events in %(name)s (calendar)") % {"name": self.title},
            },
        ]


class Village(Orderable):
    """A village (landsby) that belongs to a cluster."""

    cluster = ParentalKey(
        ClusterPage, on_delete=models.CASCADE, related_name="villages"
    )
    name = models.CharField(_("name"), max_length=80)
    postcode = models.CharField(
        _("postcode"),
        max_length=4,
        blank=True,
        help_text=_("Four digits, e.g. 8420."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=LATITUDE_VALIDATORS,
        help_text=_("Decimal degrees, e.g. 56.2145."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=LONGITUDE_VALIDATORS,
        help_text=_("Decimal degrees, e.g. 10.4876."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("postcode"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.postcode and not (self.postcode.isdigit() and len(self.postcode) == 4):
            raise ValidationError({"postcode": _("A Danish postcode has four digits.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))


class SteeringGroupMember(Orderable):
    """A member of the cluster's steering group (styregruppe)."""

    cluster = ParentalKey(
        ClusterPage, on_delete=models.CASCADE, related_name="steering_group"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=80, blank=True, help_text=_("E.g. chair, treasurer.")
    )
    village = models.CharField(_("village"), max_length=80, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("village")]

    class Meta(Orderable.Meta):
        verbose_name = _("steering group member")
        verbose_name_plural = _("steering group members")

    def __str__(self):
        return self.name


class ClusterAdministration(models.Model):
    """The editors' group and media collection of one cluster.

    Kept outside the page so that publishing an old revision never loses them.
    """

    cluster = models.OneToOneField(
        ClusterPage, on_delete=models.CASCADE, related_name="administration"
    )
    editors_group = models.OneToOneField(
        "auth.Group", on_delete=models.PROTECT, related_name="cluster_administration"
    )
    # Public: images and documents for the cluster's published pages.
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )
    # Inside it, private to the editors' group: the steering group's own files
    # (minutes, budgets, applications), served only to its members.
    private_collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("cluster administration")
        verbose_name_plural = _("cluster administrations")

    def __str__(self):
        return str(self.editors_group)


__all__ = [
    "ClusterAdministration",
    "ClusterPage",
    "Phase",
    "SteeringGroupMember",
    "Village",
]
