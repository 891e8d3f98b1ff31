"""Lists of the resource search as files: CSV for Danish Excel, and XLSX.

CSV is UTF-8 with a byte order mark and `;` between fields: Danish Excel reads a
file without the mark as Windows-1252 (æ, ø and å break) and uses the comma as its
decimal separator, so it splits on `;`. Cells that would start a formula are
prefixed with an apostrophe (CSV injection: residents and editors write the text),
by the site's one rule for that, `core.exports.neutralise`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from django.utils import timezone

import tablib

from core.exports import neutralise

FORMATS = ("csv", "xlsx")
CSV_DELIMITER = ";"
BOM = "\ufeff"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    return "" if value is None else neutralise(value)


def _dataset(title: str, headers: Sequence[str], rows: Iterable[Sequence]):
    dataset = tablib.Dataset(headers=[str(h) for h in headers], title=title[:31])
    for row in rows:
        dataset.append([_cell(value) for value in row])
    return dataset


def _download(response: HttpResponse, name: str, fmt: str) -> HttpResponse:
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def export_response(
    fmt: str,
    *,
    name: str,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
) -> HttpResponse:
    """A download of `rows` as `fmt` ("csv" or "xlsx"), named `name-<date>.<fmt>`."""
    dataset = _dataset(title, headers, rows)
    if fmt == "xlsx":
        response = HttpResponse(dataset.export("xlsx"), content_type=XLSX_TYPE)
    else:
        text = BOM + dataset.export("csv", delimiter=CSV_DELIMITER)
        response = HttpResponse(
            text.encode("utf-8"), content_type="text/csv; charset=utf-8"
        )
    return _download(response, name, fmt)


def export_workbook(name: str, sheets: Sequence[tuple[str, Sequence[str], Iterable]]):
    """Several tables as the sheets of one Excel workbook, named `name-<date>.xlsx`."""
    book = tablib.Databook()
    for title, headers, rows in sheets:
        book.add_sheet(_dataset(title, headers, rows))
    response = HttpResponse(book.export("xlsx"), content_type=XLSX_TYPE)
    return _download(response, name, "xlsx")
