"""Filters of the municipal resource search.

The GET parameters are Danish (they are part of the addresses staff bookmark and
share, like `?kommune=`); choices of clusters and villages are limited to the
clusters the staff member may see, so an id from another municipality is a form
error, never a result.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from clusters.models import ClusterPage, Facility, MeetingPlaceKind
from clusters.municipalities import MUNICIPALITY_NAMES
from volunteers.models import Skill, SkillCategory

from .resources import MANY_CLUSTERS, Scope, default_event_range, villages_of
from .site import TYPES


class ClusterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class VillageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.cluster.title})"


class ScopedForm(forms.Form):
    """A filter form that knows the clusters it may show."""

    klynge = ClusterChoiceField(
        label=_("Cluster"),
        queryset=ClusterPage.objects.none(),
        required=False,
        empty_label=_("All clusters"),
    )

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.scope = scope
        self.fields["klynge"].queryset = ClusterPage.objects.filter(
            pk__in=scope.ids
        ).order_by("title", "pk")

    def narrowed_scope(self) -> Scope:
        return self.scope.narrowed(self.cleaned_data.get("klynge"))


class MeetingPlaceFilterForm(ScopedForm):
    type = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Any kind")), *MeetingPlaceKind.choices],
        required=False,
    )
    facilitet = forms.ModelMultipleChoiceField(
        label=_("Facilities (all of them)"),
        queryset=Facility.objects.order_by("name_da"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    kapacitet = forms.IntegerField(
        label=_("Room for at least (people)"),
        min_value=0,
        max_value=100000,
        required=False,
    )
    landsby = VillageChoiceField(
        label=_("Village"),
        queryset=ClusterPage.objects.none(),
        required=False,
        empty_label=_("All villages"),
    )

    field_order = ["type", "facilitet", "kapacitet", "klynge", "landsby"]

    def __init__(self, data=None, *, scope: Scope, **kwargs):
        super().__init__(data, scope=scope, **kwargs)
        villages = villages_of(scope)
        if len(scope.clusters) > MANY_CLUSTERS:
            # A national list of villages (thousands) is no choice anyone can read:
            # the villages of the chosen cluster only.
            chosen = str(self.data.get("klynge") or "")
            villages = villages.filter(
                cluster_id=int(chosen)
                if chosen.isdigit() and int(chosen) in scope.ids
                else None
            )
            self.fields["landsby"].help_text = _("Choose a cluster first.")
        self.fields["landsby"].queryset = villages

    def clean(self):
        cleaned = super().clean()
        cluster, village = cleaned.get("klynge"), cleaned.get("landsby")
        if cluster and village and village.cluster_id != cluster.pk:
            self.add_error(
                "landsby", _("This village does not belong to the chosen cluster.")
            )
        return cleaned


class SkillFilterForm(ScopedForm):
    PER_VILLAGE = "landsby"
    PER_CLUSTER = "klynge"
    BY_CATEGORY = "kategori"
    BY_SKILL = "faerdighed"

    kategori = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("All categories")), *SkillCategory.choices],
        required=False,
    )
    faerdighed = forms.ModelChoiceField(
        label=_("Skill"),
        queryset=Skill.objects.order_by("name_da"),
        to_field_name="slug",
        required=False,
        empty_label=_("All skills"),
    )

    field_order = ["kategori", "faerdighed", "klynge"]

    def clean(self):
        cleaned = super().clean()
        skill, category = cleaned.get("faerdighed"), cleaned.get("kategori")
        if skill and category and skill.category != category:
            self.add_error(
                "faerdighed", _("This skill does not belong to the chosen category.")
            )
        return cleaned


class SkillCountForm(SkillFilterForm):
    opdel = forms.ChoiceField(
        label=_("Count by"),
        choices=[
            (SkillFilterForm.BY_CATEGORY, _("Category")),
            (SkillFilterForm.BY_SKILL, _("Skill")),
        ],
        required=False,
    )
    pr = forms.ChoiceField(
        label=_("Per"),
        choices=[
            (SkillFilterForm.PER_VILLAGE, _("Village")),
            (SkillFilterForm.PER_CLUSTER, _("Cluster")),
        ],
        required=False,
    )

    field_order = ["kategori", "faerdighed", "klynge", "opdel", "pr"]


class ContactFilterForm(SkillFilterForm):
    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("faerdighed") and not cleaned.get("kategori"):
            raise forms.ValidationError(
                _("Choose a skill or a category to see who can be contacted."),
                code="required",
            )
        return cleaned


class GapFilterForm(ScopedForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EventFilterForm(ScopedForm):
    # A long range is fine, a silly one is a typo: ten years at most.
    MAX_DAYS = 3653

    # Dates far outside any calendar anyone plans by are input errors (and would
    # overflow the date arithmetic further on).
    fra = forms.DateField(
        label=_("From"),
        widget=DateInput(),
        required=False,
        validators=[
            MinValueValidator(dt.date(1900, 1, 1)),
            MaxValueValidator(dt.date(2999, 12, 31)),
        ],
    )
    til = forms.DateField(
        label=_("To"),
        widget=DateInput(),
        required=False,
        validators=[
            MinValueValidator(dt.date(1900, 1, 1)),
            MaxValueValidator(dt.date(2999, 12, 31)),
        ],
    )

    field_order = ["fra", "til", "klynge"]

    def clean(self):
        cleaned = super().clean()
        default_start, default_end = default_event_range()
        start = cleaned.get("fra")
        end = cleaned.get("til")
        if "fra" in self.errors or "til" in self.errors:
            return cleaned
        start = start or default_start
        end = end or (start + (default_end - default_start))
        if end < start:
            self.add_error("til", _("The end date is before the start date."))
        elif (end - start).days > self.MAX_DAYS:
            self.add_error("til", _("Choose a period of at most ten years."))
        cleaned["fra"], cleaned["til"] = start, end
        return cleaned


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
        if self.is_bound and self.data.get("klynge"):
            # A cluster left over from another municipality (the choice of
            # municipality changed): search the municipality rather than fail.
            known = {str(c.pk) for c in self.clusters}
            if self.data["klynge"] not in known:
                self.data = self.data.copy()
                self.data["klynge"] = ""
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
