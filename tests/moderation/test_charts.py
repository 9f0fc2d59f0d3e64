"""The server-drawn SVG charts: well-formed, accessible, escaped, and drawn to scale."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from mindwell.moderation.charts import Series, axis_ticks, bar_chart, line_chart, nice_step

SVG = "{http://www.w3.org/2000/svg}"
LABELS = ["1 May", "2 May", "3 May", "4 May"]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well-formed


def test_bar_chart_is_well_formed_and_labelled():
    root = parse(
        bar_chart(
            chart_id="c1",
            title="Flags per day",
            description="Flags raised each day: 6 in all.",
            labels=LABELS,
            series=Series("flags", (1, 0, 3, 2)),
            unit="flags",
        )
    )
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Flags per day"
    assert root.get("aria-describedby") == "c1-desc"
    assert root.find(f"{SVG}title").text == "Flags per day"
    assert root.find(f"{SVG}desc").text == "Flags raised each day: 6 in all."
    bars = root.findall(f"{SVG}g[@class='chart-bars']/{SVG}rect")
    # No bar for a zero; each bar says what it shows.
    assert [bar.find(f"{SVG}title").text for bar in bars] == [
        "1 May: 1 flags",
        "3 May: 3 flags",
        "4 May: 2 flags",
    ]
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[1] == pytest.approx(3 * heights[0], rel=0.02)
    assert heights[2] == pytest.approx(2 * heights[0], rel=0.02)


def test_text_is_escaped():
    nasty = 'A <script>alert("x")</script> & more'
    svg = bar_chart(
        chart_id='x"><script>',
        title=nasty,
        description=nasty,
        labels=["<b>day</b>"],
        series=Series("a & b", (1,)),
        unit="<u>",
    )
    assert "<script>" not in svg
    root = parse(svg)
    assert root.find(f"{SVG}title").text == nasty
    assert root.get("aria-label") == nasty
    texts = [node.text for node in root.iter(f"{SVG}text")]
    assert "<b>day</b>" in texts and "<u>" in texts


def test_line_chart_series_differ_by_more_than_colour_and_gaps_break_lines():
    root = parse(
        line_chart(
            chart_id="c2",
            title="Queue sizes",
            description="Waiting posts and open flags.",
            labels=LABELS,
            series=[Series("waiting", (1, 2, None, 4)), Series("flags", (0, 0, 1, 1))],
            unit="items",
        )
    )
    paths = root.findall(f"{SVG}g[@class='chart-series']/{SVG}path")
    assert len(paths) == 2
    waiting, flags = (path.get("d") for path in paths)
    assert waiting.count("M") == 2  # the missing day leaves a gap
    assert flags.count("M") == 1
    assert paths[0].get("stroke-dasharray") != paths[1].get("stroke-dasharray")
    groups = root.findall(f"{SVG}g[@class='chart-series']")
    assert groups[0].find(f"{SVG}circle") is not None
    assert groups[1].find(f"{SVG}rect") is not None  # squares for the second series
    tooltips = [node.text for node in groups[0].iter(f"{SVG}title")]
    assert tooltips == ["1 May: 1 (waiting)", "2 May: 2 (waiting)", "4 May: 4 (waiting)"]
    legend = [node.text for node in root.find(f"{SVG}g[@class='chart-legend']").iter(f"{SVG}text")]
    assert legend == ["waiting", "flags"]


def test_colours_come_from_css_classes_over_current_color():
    svg = line_chart(
        chart_id="c3",
        title="t",
        description="d",
        labels=LABELS,
        series=[Series("a", (1, 2, 3, 4))],
        unit="u",
    )
    root = parse(svg)
    assert root.get("fill") == "currentColor"
    assert "#" not in svg  # no fixed colours that could fail contrast in one theme
    assert root.find(f".//{SVG}path").get("class") == "chart-s1-line"


def test_an_empty_period_still_draws_axes():
    root = parse(
        bar_chart(
            chart_id="c4",
            title="Nothing yet",
            description="No flags.",
            labels=LABELS,
            series=Series("flags", (0, 0, 0, 0)),
            unit="flags",
        )
    )
    assert root.findall(f"{SVG}g[@class='chart-bars']/{SVG}rect") == []
    tick_labels = [t.text for t in root.find(f"{SVG}g[@class='chart-labels']").iter(f"{SVG}text")]
    assert tick_labels[:2] == ["0", "1"]


def test_many_days_get_a_readable_number_of_date_labels():
    labels = [f"day {i}" for i in range(90)]
    root = parse(
        bar_chart(
            chart_id="c5",
            title="t",
            description="d",
            labels=labels,
            series=Series("n", tuple(range(90))),
            unit="u",
        )
    )
    day_labels = [
        t.text
        for t in root.find(f"{SVG}g[@class='chart-labels']").iter(f"{SVG}text")
        if t.text.startswith("day")
    ]
    assert 5 <= len(day_labels) <= 8
    assert day_labels[0] == "day 0"


def test_mismatched_series_is_refused():
    with pytest.raises(ValueError, match="3 values for 4 labels"):
        bar_chart(
            chart_id="c",
            title="t",
            description="d",
            labels=LABELS,
            series=Series("n", (1, 2, 3)),
            unit="u",
        )


@pytest.mark.parametrize(
    ("maximum", "whole", "expected"),
    [
        (0, True, [0, 1]),
        (3, True, [0, 1, 2, 3]),
        (10, True, [0, 5, 10]),
        (13, True, [0, 5, 10, 15]),
        (100, True, [0, 25, 50, 75, 100]),
        (7.2, False, [0, 2, 4, 6, 8]),
        (0.8, False, [0, 0.2, 0.4, 0.6, 0.8]),
    ],
)
def test_axis_ticks(maximum, whole, expected):
    assert axis_ticks(maximum, whole=whole) == pytest.approx(expected)


def test_nice_step():
    assert [nice_step(v) for v in (0, 0.3, 1, 1.5, 2.2, 4, 7, 30)] == [1, 0.5, 1, 2, 2.5, 5, 10, 50]
    assert [nice_step(v, whole=True) for v in (0.3, 2.2, 22)] == [1, 5, 25]
