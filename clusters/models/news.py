"""The cluster's news."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.models import DanishSlugMixin

from .base import ClusterChildMixin

NEWS_PER_PAGE = 12


class NewsIndexPage(DanishSlugMixin, ClusterChildMixin, Page):
    """The list of a cluster's news, newest first."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["clusters.ClusterPage"]
    subpage_types = ["clusters.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def route(self, request, path_components):
        """Find a news item in one query (Wagtail asks twice: page, then its type).

        A news index holds only news, so the child's type is known in advance.
        """
        if not path_components:
            return super().route(request, path_components)
        from clusters.selectors import below

        try:
            item = NewsPage.objects.filter(below(self, depth=1)).get(
                slug=path_components[0]
            )
        except NewsPage.DoesNotExist as error:
            raise Http404 from error
        item._cached_parent_obj = self
        return item.route(request, path_components[1:])

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from clusters.selectors import below, news_with_images

        context = super().get_context(request, *args, **kwargs)
        news = news_with_images().filter(below(self, depth=1))
        context["news"] = Paginator(news, NEWS_PER_PAGE).get_page(
            request.GET.get("side")
        )
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "clusters.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(DanishSlugMixin, ClusterChildMixin, Page):
    """One news item."""

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("A short summary shown in lists and feeds."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["clusters.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-date"]
