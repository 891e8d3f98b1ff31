"""The admin's date pickers, as editors need them."""

from django.db import models

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput


class _KeepsWhatWasTyped:
    """Wagtail's picker replaces a date it cannot read with today's when the field
    loses focus ("31-02-2026" silently became today): here what was typed stays, and
    the form says on saving that it is not a date. A value is never replaced."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(_KeepsWhatWasTyped, AdminDateInput):
    pass


class DateTimeInput(_KeepsWhatWasTyped, AdminDateTimeInput):
    pass


def register() -> None:
    """Every date and date-time field of the admin's model forms uses them."""
    register_form_field_override(models.DateField, override={"widget": DateInput})
    register_form_field_override(
        models.DateTimeField, override={"widget": DateTimeInput}
    )
