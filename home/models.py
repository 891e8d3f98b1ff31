"""The landing page and plain information pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import DanishSlugMixin


class HomePage(DanishSlugMixin, Page):
    """The front page: every cluster on a map, and the latest from all of them."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["clusters.ClusterPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from clusters.selectors import HomePageContent

        context = super().get_context(request, *args, **kwargs)
        context["content"] = HomePageContent()
        return context


class StandardPage(DanishSlugMixin, Page):
    """A plain page of text: about, privacy, the accessibility statement, a vision."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "clusters.ClusterPage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
