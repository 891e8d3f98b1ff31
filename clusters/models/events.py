"""Events (arrangementer) in the cluster."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import DanishSlugMixin

from ..forms import ClusterChildPageForm
from .base import ClusterChildMixin


class EventPage(DanishSlugMixin, ClusterChildMixin, Page):
    """Something happening at a time and a place."""

    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    intro = models.TextField(_("introduction"), max_length=500, blank=True)
    meeting_place = models.ForeignKey(
        "clusters.MeetingPlacePage",
        verbose_name=_("meeting place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    location = models.CharField(
        _("other location"),
        max_length=200,
        blank=True,
        help_text=_("Where, if not at one of the cluster's meeting places."),
    )
    description = StreamField(
        BodyStreamBlock(), verbose_name=_("description"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Time")),
        MultiFieldPanel(
            [FieldPanel("meeting_place"), FieldPanel("location")], heading=_("Place")
        ),
        FieldPanel("intro"),
        FieldPanel("description"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]

    base_form_class = ClusterChildPageForm
    parent_page_types = ["clusters.ClusterPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})

    @property
    def place_name(self) -> str:
        if self.meeting_place_id:
            return self.meeting_place.title
        return self.location
