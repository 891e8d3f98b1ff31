"""Chart geometry: bars and columns in proportion, inside the drawing, axes readable."""

import pytest

from search.charts import Series, bar_chart, column_chart, nice_ceiling, ticks

STATUSES = [Series("open", "Open"), Series("filled", "Filled"), Series("done", "Done")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 1), (1, 1), (2, 2), (3, 5), (5, 5), (7, 10), (11, 20), (21, 50), (501, 1000)],
)
def test_nice_ceiling_rounds_up_to_1_2_or_5(value, expected):
    assert nice_ceiling(value) == expected


@pytest.mark.parametrize(
    ("maximum", "expected"),
    [
        (1, [0, 1]),
        (2, [0, 1, 2]),
        (5, [0, 1, 2, 3, 4, 5]),
        (10, [0, 2, 4, 6, 8, 10]),
        (20, [0, 5, 10, 15, 20]),
        (500, [0, 100, 200, 300, 400, 500]),
    ],
)
def test_ticks_are_whole_and_evenly_spaced(maximum, expected):
    assert ticks(maximum) == expected


def test_bars_are_in_proportion_to_their_values():
    chart = bar_chart(["Mols", "Fjordene"], STATUSES, [[4, 2, 0], [1, 0, 3]], width=640)
    plot = chart["plot"]
    assert chart["maximum"] == 5
    mols, fjord = chart["groups"]
    assert [bar["value"] for bar in mols["bars"]] == [4, 2, 0]
    assert [bar["series"]["key"] for bar in mols["bars"]] == ["open", "filled", "done"]
    # 4 of 5 on the axis is 80 % of the plot's width.
    assert mols["bars"][0]["width"] == pytest.approx(plot["width"] * 0.8, abs=0.1)
    assert mols["bars"][1]["width"] == pytest.approx(plot["width"] * 0.4, abs=0.1)
    assert mols["bars"][2]["width"] == 0
    assert all(bar["x"] == plot["x"] for bar in mols["bars"] + fjord["bars"])
    # Groups go down the page without overlapping, inside the drawing.
    last_of_mols = mols["bars"][-1]
    assert fjord["bars"][0]["y"] > last_of_mols["y"] + last_of_mols["height"]
    bottom = fjord["bars"][-1]["y"] + fjord["bars"][-1]["height"]
    assert bottom <= plot["bottom"] < chart["height"]
    # Every value label fits right of its bar, inside the drawing.
    for bar in mols["bars"] + fjord["bars"]:
        assert bar["x"] + bar["width"] < bar["value_x"] < chart["width"]


def test_bar_chart_axis_ticks_span_the_plot():
    chart = bar_chart(["A"], [Series("supply", "Offered")], [[13]])
    assert [tick["value"] for tick in chart["ticks"]] == [0, 5, 10, 15, 20]
    assert chart["ticks"][0]["x"] == chart["plot"]["x"]
    assert chart["ticks"][-1]["x"] == chart["plot"]["x"] + chart["plot"]["width"]


def test_an_empty_bar_chart_still_has_an_axis():
    chart = bar_chart(["A"], STATUSES, [[0, 0, 0]])
    assert chart["maximum"] == 1
    assert all(bar["width"] == 0 for bar in chart["groups"][0]["bars"])


def test_bar_chart_refuses_values_that_do_not_fit_the_series():
    with pytest.raises(ValueError, match="series"):
        bar_chart(["A"], STATUSES, [[1, 2]])
    with pytest.raises(ValueError, match="category"):
        bar_chart(["A", "B"], STATUSES, [[1, 2, 3]])
    with pytest.raises(ValueError, match="negative"):
        bar_chart(["A"], STATUSES, [[1, -2, 3]])


def test_columns_rise_from_the_same_baseline_in_proportion():
    chart = column_chart([("jan", "2025", 2), ("feb", "", 5), ("mar", "", 0)])
    plot = chart["plot"]
    jan, feb, mar = chart["columns"]
    assert chart["maximum"] == 5
    for column in (jan, feb, mar):
        assert column["y"] + column["height"] == pytest.approx(plot["bottom"], abs=0.1)
    assert feb["height"] == pytest.approx(plot["height"], abs=0.1)
    assert jan["height"] == pytest.approx(plot["height"] * 0.4, abs=0.1)
    assert mar["height"] == 0
    assert jan["x"] < feb["x"] < mar["x"]
    assert mar["x"] + mar["width"] <= plot["x"] + plot["width"]
    assert feb["value_y"] < feb["y"]  # the value is written above the column
    assert [c["label"] for c in chart["columns"]] == ["jan", "feb", "mar"]
    assert chart["ticks"][-1]["y"] == plot["y"]
    assert chart["ticks"][0]["y"] == plot["bottom"]
