from django import forms
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterPage
from clusters.municipalities import MUNICIPALITY_NAMES

from .site import TYPES


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    kommune = forms.ChoiceField(label=_("Municipality"), required=False)
    klynge = forms.TypedChoiceField(
        label=_("Cluster"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types"))] + [
            (key, label) for key, (_model, label) in TYPES.items()
        ]
        live = ClusterPage.objects.live().public()
        used = sorted(
            set(live.values_list("municipality", flat=True)),
            key=lambda key: MUNICIPALITY_NAMES.get(key, key),
        )
        self.fields["kommune"].choices = [("", _("All municipalities"))] + [
            (key, MUNICIPALITY_NAMES.get(key, key)) for key in used
        ]
        # Clusters only within a chosen municipality: a list one can read.
        municipality = self.data.get("kommune") if self.is_bound else ""
        self.clusters = (
            list(live.filter(municipality=municipality).order_by("title"))
            if municipality in used
            else []
        )
        self.fields["klynge"].choices = [("", _("All clusters"))] + [
            (c.pk, c.title) for c in self.clusters
        ]
        if not self.clusters:
            self.fields["klynge"].widget = forms.HiddenInput()

    def chosen_clusters(self) -> list[ClusterPage] | None:
        """The clusters to search within, or None for all of them."""
        data = self.cleaned_data
        if data.get("klynge"):
            return [c for c in self.clusters if c.pk == data["klynge"]]
        if data.get("kommune"):
            return self.clusters
        return None
