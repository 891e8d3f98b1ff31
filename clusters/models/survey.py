"""The cluster's mapping survey (kortlægning), built as a Wagtail form page."""

from decimal import Decimal

from django import forms as django_forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from core.models import DanishSlugMixin

from .base import ClusterChildMixin


class SurveyFormBuilder(FormBuilder):
    """Wagtail's form builder, with every answer bounded.

    Wagtail leaves long answers and numbers unbounded: an answer of a million
    characters, or a number of a hundred digits, would be stored as given.
    """

    MAX_ANSWER_LENGTH = 5000
    MAX_NUMBER = Decimal("999999999")

    def create_multiline_field(self, field, options):
        options["max_length"] = self.MAX_ANSWER_LENGTH
        return super().create_multiline_field(field, options)

    def create_number_field(self, field, options):
        return django_forms.DecimalField(
            max_digits=12,
            decimal_places=2,
            min_value=-self.MAX_NUMBER,
            max_value=self.MAX_NUMBER,
            **options,
        )


class SurveyFormField(AbstractFormField):
    page = ParentalKey(
        "clusters.SurveyPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class SurveyPage(DanishSlugMixin, ClusterChildMixin, AbstractEmailForm):
    """A questionnaire residents fill in; submissions export to CSV in the admin."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Question")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail on each answer"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]

    form_builder = SurveyFormBuilder

    parent_page_types = ["clusters.ClusterPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
