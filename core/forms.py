"""Form helpers shared by the apps."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsistentInlineFormSet(forms.BaseInlineFormSet):
    """An inline formset that must describe the rows as they are now.

    Django trusts the management form: a POST that says ``INITIAL_FORMS=0`` while the
    object has rows makes every row a new one, and saving fails on a unique
    constraint (a 500). A form opened in two tabs, or a tampered one, does the same.
    Here the posted existing rows must be exactly the object's rows, else the whole
    formset is one clear error and nothing is saved.
    """

    stale_message = _(
        "This list was changed since you opened the page (perhaps in another "
        "window). Nothing was saved. Reload the page and make your changes again."
    )

    def clean(self):
        super().clean()
        if not self.is_bound or self.instance.pk is None:
            return
        existing = set(self.get_queryset().values_list("pk", flat=True))
        posted = [form.instance.pk for form in self.initial_forms]
        if len(posted) != len(existing) or set(posted) != existing:
            raise forms.ValidationError(self.stale_message, code="stale")
