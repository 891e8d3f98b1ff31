"""Chart geometry for server-rendered SVG: plain numbers in, coordinates out.

No Django and no drawing here: the functions compute where every bar, label and grid
line goes, and a template writes the SVG. Keeping the arithmetic in Python keeps it
testable and the templates simple. Every chart is drawn in its own coordinate system
(``viewBox``), so it scales with the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Room for a value written after the longest bar, and around the plot.
VALUE_ROOM = 44
MARGIN = 8
AXIS_ROOM = 22


@dataclass(frozen=True)
class Series:
    """One kind of bar in a chart: its key (for styling) and its legend text."""

    key: str
    label: str


def nice_ceiling(value: float) -> int:
    """Round up to 1, 2 or 5 times a power of ten (at least 1), for a readable axis."""
    if value <= 1:
        return 1
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return int(candidate)
    return int(10 ** (exponent + 1))  # pragma: no cover - the loop always returns


def ticks(maximum: int) -> list[int]:
    """Whole-number axis ticks from 0 to `maximum` (a `nice_ceiling`), 2 to 6 of them.

    A maximum of 1 or 5 times a power of ten is cut in fifths, 2 times one in fourths
    (20 → 0, 5, 10, 15, 20), never in fractions of one.
    """
    if maximum <= 0:
        return [0]
    leading = maximum // 10 ** math.floor(math.log10(maximum))
    parts = 4 if leading == 2 else 5
    step = maximum // parts if maximum % parts == 0 else 1
    if maximum // step > 5:
        step = maximum
    return list(range(0, maximum + 1, step))


def _r(value: float) -> float:
    return round(value, 1)


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    values: Sequence[Sequence[int]],
    *,
    width: int = 640,
    label_width: int = 200,
    bar_height: int = 16,
    bar_gap: int = 2,
    group_gap: int = 14,
) -> dict:
    """Lay out horizontal bars: one group per category, one bar per series in it.

    Parameters
    ----------
    categories
        The group labels, top to bottom (clusters, skill categories).
    series
        The kinds of bars in each group, in drawing order (e.g. open, filled, done).
    values
        ``values[i][j]`` is the value of series ``j`` in category ``i``.
    width, label_width
        The width of the drawing and of the room for the category labels on the left.
    bar_height, bar_gap, group_gap
        The thickness of a bar and the space between bars and between groups.

    Returns
    -------
    dict
        ``width``, ``height``, ``plot`` (``x``, ``y``, ``width``, ``height``),
        ``maximum`` (the axis end), ``ticks`` (``value``, ``x``), ``series``
        (``key``, ``label``, ``index``) and ``groups``: for each category its
        ``label``, ``label_y`` and ``bars`` (``x``, ``y``, ``width``, ``height``,
        ``value``, ``series``, ``value_x``, ``value_y``).
    """
    if len(values) != len(categories):
        raise ValueError("One row of values per category.")
    if any(len(row) != len(series) for row in values):
        raise ValueError("One value per series in every row.")
    if any(v < 0 for row in values for v in row):
        raise ValueError("Bar values cannot be negative.")
    largest = max((v for row in values for v in row), default=0)
    axis = ticks(nice_ceiling(largest)) if largest else [0, 1]
    maximum = axis[-1]
    plot_x = label_width
    plot_width = width - label_width - VALUE_ROOM
    group_height = len(series) * bar_height + (len(series) - 1) * bar_gap
    plot_y = MARGIN
    groups = []
    y = plot_y
    for label, row in zip(categories, values, strict=True):
        bars = []
        for index, (one, value) in enumerate(zip(series, row, strict=True)):
            bar_y = y + index * (bar_height + bar_gap)
            bar_width = plot_width * value / maximum
            bars.append(
                {
                    "x": plot_x,
                    "y": _r(bar_y),
                    "width": _r(bar_width),
                    "height": bar_height,
                    "value": value,
                    "series": {"key": one.key, "label": one.label, "index": index},
                    "value_x": _r(plot_x + bar_width + 4),
                    "value_y": _r(bar_y + bar_height * 0.75),
                }
            )
        groups.append(
            {"label": label, "label_y": _r(y + group_height / 2 + 4), "bars": bars}
        )
        y += group_height + group_gap
    plot_height = max(y - group_gap - plot_y, 0)
    return {
        "width": width,
        "height": _r(plot_y + plot_height + AXIS_ROOM),
        "plot": {
            "x": plot_x,
            "y": plot_y,
            "width": plot_width,
            "height": _r(plot_height),
            "bottom": _r(plot_y + plot_height),
        },
        "maximum": maximum,
        "ticks": [
            {"value": tick, "x": _r(plot_x + plot_width * tick / maximum)}
            for tick in axis
        ],
        "tick_label_y": _r(plot_y + plot_height + 16),
        "series": [
            {"key": one.key, "label": one.label, "index": index}
            for index, one in enumerate(series)
        ],
        "groups": groups,
    }


def column_chart(
    points: Sequence[tuple[str, str, int]],
    *,
    width: int = 640,
    height: int = 240,
    axis_width: int = 36,
    gap_ratio: float = 0.3,
) -> dict:
    """Lay out vertical columns, left to right, with labels below and values above.

    Parameters
    ----------
    points
        ``(label, sublabel, value)`` per column, e.g. ``("mar", "2025", 4)``; the
        sublabel (a year) is written under the label and may be empty.
    width, height
        The size of the drawing.
    axis_width
        Room on the left for the axis values.
    gap_ratio
        The share of each column's slot left empty between columns.

    Returns
    -------
    dict
        ``width``, ``height``, ``plot`` (``x``, ``y``, ``width``, ``height``,
        ``bottom``), ``maximum``, ``ticks`` (``value``, ``y``) and ``columns``
        (``x``, ``y``, ``width``, ``height``, ``value``, ``label``, ``sublabel``,
        ``centre``, ``value_y``).
    """
    if any(value < 0 for _label, _sub, value in points):
        raise ValueError("Column values cannot be negative.")
    largest = max((value for _label, _sub, value in points), default=0)
    axis = ticks(nice_ceiling(largest)) if largest else [0, 1]
    maximum = axis[-1]
    plot_x = axis_width
    plot_y = 20  # room for the value above the tallest column
    plot_width = width - axis_width - MARGIN
    plot_height = height - plot_y - 2 * AXIS_ROOM
    bottom = plot_y + plot_height
    slot = plot_width / len(points) if points else plot_width
    column_width = slot * (1 - gap_ratio)
    columns = []
    for index, (label, sublabel, value) in enumerate(points):
        column_height = plot_height * value / maximum
        x = plot_x + index * slot + (slot - column_width) / 2
        columns.append(
            {
                "x": _r(x),
                "y": _r(bottom - column_height),
                "width": _r(column_width),
                "height": _r(column_height),
                "value": value,
                "label": label,
                "sublabel": sublabel,
                "centre": _r(x + column_width / 2),
                "value_y": _r(bottom - column_height - 5),
            }
        )
    return {
        "width": width,
        "height": height,
        "plot": {
            "x": plot_x,
            "y": plot_y,
            "width": _r(plot_width),
            "height": _r(plot_height),
            "bottom": _r(bottom),
        },
        "label_y": _r(bottom + 16),
        "sublabel_y": _r(bottom + 32),
        "maximum": maximum,
        "ticks": [
            {"value": tick, "y": _r(bottom - plot_height * tick / maximum)}
            for tick in axis
        ],
        "columns": columns,
    }
