"""Meeting places (mødesteder) and their facilities."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.models import DanishSlugMixin

from ..forms import ClusterChildPageForm
from .base import ClusterChildMixin
from .cluster import LATITUDE_VALIDATORS, LONGITUDE_VALIDATORS


class MeetingPlaceKind(models.TextChoices):
    COMMUNITY_HALL = "forsamlingshus", _("Village hall")
    SPORTS_HALL = "hal", _("Sports hall")
    SCHOOL = "skole", _("School")
    CHURCH = "kirke", _("Church")
    LIBRARY = "bibliotek", _("Library")
    OUTDOORS = "friluft", _("Outdoor area")
    HARBOUR = "havn", _("Harbour")
    SHOP = "koebmand", _("Village shop")
    CLUBHOUSE = "klubhus", _("Clubhouse")
    OTHER = "andet", _("Other")


class Facility(models.Model):
    """Something a meeting place offers, such as a kitchen or step-free access."""

    slug = models.SlugField(_("key"), max_length=40, unique=True)
    name_da = models.CharField(_("Danish name"), max_length=60)
    name_en = models.CharField(_("English name"), max_length=60)

    panels = [FieldPanel("name_da"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name_da"]

    def __str__(self):
        from django.utils.translation import get_language

        return (
            self.name_en if (get_language() or "da").startswith("en") else self.name_da
        )


class MeetingPlacePage(DanishSlugMixin, ClusterChildMixin, Page):
    """A place where the cluster's residents meet: a hall, a school, a shelter."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingPlaceKind.choices, db_index=True
    )
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    village = models.ForeignKey(
        "clusters.Village",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_places",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=LATITUDE_VALIDATORS
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=LONGITUDE_VALIDATORS
    )
    facilities = ParentalManyToManyField(
        Facility,
        verbose_name=_("facilities"),
        blank=True,
        related_name="meeting_places",
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("How many people can be seated or gathered."),
    )
    booking_contact = models.CharField(_("booking contact"), max_length=120, blank=True)
    booking_email = models.EmailField(_("booking e-mail"), blank=True)
    booking_phone = models.CharField(_("booking phone"), max_length=20, blank=True)
    opening_hours = models.TextField(_("opening hours"), max_length=500, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("village"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldPanel("facilities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("opening_hours"),
            ],
            heading=_("Facilities"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("booking_contact"),
                FieldPanel("booking_email"),
                FieldPanel("booking_phone"),
            ],
            heading=_("Booking"),
        ),
        InlinePanel("gallery_images", label=_("Image"), heading=_("Images")),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("kind"),
        index.FilterField("capacity"),
        index.RelatedFields("village", [index.SearchField("name")]),
        index.RelatedFields("facilities", [index.SearchField("name_da")]),
    ]

    base_form_class = ClusterChildPageForm
    parent_page_types = ["clusters.ClusterPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class MeetingPlaceGalleryImage(Orderable):
    page = ParentalKey(
        MeetingPlacePage, on_delete=models.CASCADE, related_name="gallery_images"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the picture shows for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
