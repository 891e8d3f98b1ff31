"""Funding pools (puljer) that action plans can apply to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..municipalities import MUNICIPALITIES


class FundingPool(index.Indexed, models.Model):
    """A municipal or national pool of money with a deadline."""

    class Owner(models.TextChoices):
        MUNICIPAL = "kommunal", _("Municipal")
        NATIONAL = "national", _("National")
        FOUNDATION = "fond", _("Foundation")
        EU = "eu", _("EU")

    name = models.CharField(_("name"), max_length=160)
    owner_type = models.CharField(
        _("kind"), max_length=20, choices=Owner.choices, default=Owner.MUNICIPAL
    )
    owner = models.CharField(
        _("owner"), max_length=160, help_text=_("Who grants the money.")
    )
    municipality = models.CharField(
        _("municipality"),
        max_length=40,
        choices=MUNICIPALITIES,
        blank=True,
        db_index=True,
        help_text=_(
            "For a municipality's own pool: only its staff see it in their overview. "
            "Leave empty for pools every municipality can apply to."
        ),
    )
    amount = models.DecimalField(
        _("amount (DKK)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    url = models.URLField(_("link"), blank=True)
    topics = models.CharField(
        _("topics"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, e.g. natur, fællesskab, kultur."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("owner_type"),
        FieldPanel("owner"),
        FieldPanel("municipality"),
        FieldPanel("amount"),
        FieldPanel("deadline"),
        FieldPanel("url"),
        FieldPanel("topics"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("owner"),
        index.SearchField("topics"),
        index.AutocompleteField("name"),
        index.FilterField("deadline"),
        index.FilterField("municipality"),
    ]

    class Meta:
        verbose_name = _("funding pool")
        verbose_name_plural = _("funding pools")
        ordering = ["deadline", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # A municipal pool belongs to one municipality: without it, every other
        # municipality's staff would see it among their deadlines.
        if self.owner_type == self.Owner.MUNICIPAL and not self.municipality:
            raise ValidationError(
                {"municipality": _("Choose the municipality whose pool this is.")}
            )
