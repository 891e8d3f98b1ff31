"""Wagtail's choosers, with a malformed id a 404 instead of a 500.

The generic "chosen" views of Wagtail's choosers (snippets, documents, and any other
built on ``wagtail.admin.views.generic.chooser``) look the id up as given:
``<str:pk>`` in the address, ``?id=`` for several. A value that is no number raises
``ValueError`` there, which Wagtail catches nowhere, so ``/chosen/abc/`` was a 500.
Wagtail has no hook for the look-up, so both views are mended once, here.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError

from .ids import parse_id


def secure_wagtail_choosers() -> None:
    from wagtail.admin.views.generic.chooser import (
        ChosenMultipleViewMixin,
        ChosenViewMixin,
    )

    get_object = ChosenViewMixin.get_object
    if getattr(get_object, "takes_only_ids", False):
        return

    def get_object_or_none(self, pk):
        try:
            return get_object(self, pk)
        except (ValueError, ValidationError) as error:
            # What the view turns into a 404 already.
            raise ObjectDoesNotExist(pk) from error

    def get_only_ids(self, request, *args, **kwargs):
        pks = request.GET.getlist("id")
        model = self.model_class
        if model is not None and model._meta.pk.get_internal_type().endswith(
            "AutoField"
        ):
            pks = [number for number in map(parse_id, pks) if number is not None]
        return self.get_multiple_chosen_response(self.get_objects(pks))

    get_object_or_none.takes_only_ids = True
    ChosenViewMixin.get_object = get_object_or_none
    ChosenMultipleViewMixin.get = get_only_ids
