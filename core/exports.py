"""One rule for every spreadsheet the site offers: text never becomes a formula.

Residents and editors write the text that ends up in exports (survey answers, names,
page titles). A cell that starts like a formula (``=HYPERLINK(…)``, ``+``, ``-``,
``@``, or a tab or carriage return before one) is prefixed with an apostrophe, so
Excel and LibreOffice show it as the text it is (OWASP's advice on CSV injection).
Our own exports (``search.exports``) and Wagtail's (form submissions, reports,
listings) go through `neutralise`.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Return `value`, with text that would start a formula made plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def secure_wagtail_exports() -> None:
    """Make Wagtail's spreadsheet exports follow `neutralise`.

    Every CSV and XLSX export in Wagtail's admin (form submissions, reports, model
    listings) writes its cells through
    ``SpreadsheetExportMixin.preprocess_field_value``; it has no setting or hook for
    this, so the method is wrapped once, here.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(original(self, field, value, export_format))

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
