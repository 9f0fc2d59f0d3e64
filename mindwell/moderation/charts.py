"""Bar and line charts drawn on the server as SVG strings, so the dashboard needs no chart
service and no JavaScript.

Every chart carries a <title> and a <desc>, role="img" and an aria-label; a page shows the
same numbers in a data table for screen readers. Colours come from CSS classes
(`chart-s1`…`chart-s3`, set in mindwell.css for light and dark themes) over a
`currentColor` fallback, and line series also differ by dash and marker shape, so no series
is told apart by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 24, 64
FONT_SIZE = 12
# More date labels than this would overlap on a 640-unit axis.
MAX_X_LABELS = 8
DASHES = ("", "7 4", "2 3")
MARKERS = ("circle", "square", "triangle")


@dataclass(frozen=True)
class Series:
    """One named row of values, one per label. None means "no value" (a gap in a line)."""

    name: str
    values: tuple[float | None, ...]


def _text(value: object) -> str:
    return escape(str(value), quote=True)


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def nice_step(span: float, *, whole: bool = False) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `span`; for
    counts (`whole`) only whole numbers qualify."""
    if whole:
        span = max(1.0, span)
    if span <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(span))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= span - 1e-9 and not (whole and not float(step).is_integer()):
            return float(step)
    return float(10 * power)  # pragma: no cover - the loop always returns


def axis_ticks(maximum: float, *, whole: bool = True) -> list[float]:
    """About four evenly spaced ticks from 0 up to at least `maximum`. Counts (`whole`)
    never get fractional ticks."""
    step = nice_step(maximum / 4, whole=whole)
    top = step * max(1, math.ceil(maximum / step - 1e-9))
    count = round(top / step)
    return [step * i for i in range(count + 1)]


@dataclass(frozen=True)
class _Frame:
    """The plotting area and the value scale shared by both chart kinds."""

    labels: Sequence[str]
    top_value: float

    @property
    def plot_width(self) -> float:
        return WIDTH - LEFT - RIGHT

    @property
    def plot_height(self) -> float:
        return HEIGHT - TOP - BOTTOM

    @property
    def band(self) -> float:
        return self.plot_width / max(1, len(self.labels))

    def x_center(self, index: int) -> float:
        return LEFT + (index + 0.5) * self.band

    def y(self, value: float) -> float:
        return TOP + self.plot_height * (1 - value / self.top_value)


def _open(*, chart_id: str, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{_text(title)}" aria-describedby="{_text(chart_id)}-desc" '
        f'font-size="{FONT_SIZE}" fill="currentColor">',
        f'<title id="{_text(chart_id)}-title">{_text(title)}</title>',
        f'<desc id="{_text(chart_id)}-desc">{_text(description)}</desc>',
    ]


def _axes(frame: _Frame, ticks: list[float], unit: str) -> list[str]:
    parts = ['<g class="chart-axes" stroke="currentColor">']
    for tick in ticks:
        y = frame.y(tick)
        opacity = "1" if tick == 0 else "0.2"
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke-opacity="{opacity}"/>'
        )
    parts.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + frame.plot_height}"/>')
    parts.append("</g>")
    parts.append('<g class="chart-labels" stroke="none">')
    for tick in ticks:
        parts.append(
            f'<text x="{LEFT - 6}" y="{frame.y(tick) + 4:.1f}" text-anchor="end">'
            f"{_number(tick)}</text>"
        )
    parts.append(f'<text x="{LEFT}" y="{TOP - 8}" text-anchor="start">{_text(unit)}</text>')
    every = max(1, math.ceil(len(frame.labels) / MAX_X_LABELS))
    baseline = TOP + frame.plot_height
    for index, label in enumerate(frame.labels):
        if index % every:
            continue
        parts.append(
            f'<text x="{frame.x_center(index):.1f}" y="{baseline + 16}" '
            f'text-anchor="middle">{_text(label)}</text>'
        )
    parts.append("</g>")
    return parts


def _marker(shape: str, x: float, y: float, css: str, tooltip: str) -> str:
    inner = f"<title>{_text(tooltip)}</title>"
    if shape == "square":
        return (
            f'<rect class="{css}" x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7">'
            f"{inner}</rect>"
        )
    if shape == "triangle":
        points = f"{x:.1f},{y - 4.5:.1f} {x + 4.5:.1f},{y + 3.5:.1f} {x - 4.5:.1f},{y + 3.5:.1f}"
        return f'<polygon class="{css}" points="{points}">{inner}</polygon>'
    return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="3.5">{inner}</circle>'


def _legend(series: Sequence[Series], *, lines: bool) -> list[str]:
    parts = ['<g class="chart-legend">']
    x, y = float(LEFT), HEIGHT - 14
    for index, one in enumerate(series):
        css = f"chart-s{index % 3 + 1}"
        if lines:
            dash = DASHES[index % 3]
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<line class="{css}-line" x1="{x:.1f}" y1="{y - 4}" x2="{x + 24:.1f}" '
                f'y2="{y - 4}" stroke="currentColor" stroke-width="2"{dash_attr}/>'
            )
            parts.append(_marker(MARKERS[index % 3], x + 12, y - 4, css, one.name))
        else:
            parts.append(f'<rect class="{css}" x="{x:.1f}" y="{y - 10}" width="12" height="12"/>')
        parts.append(f'<text x="{x + 30:.1f}" y="{y}">{_text(one.name)}</text>')
        x += 40 + 7 * len(one.name)
    parts.append("</g>")
    return parts


def _check(labels: Sequence[str], series: Sequence[Series]) -> None:
    for one in series:
        if len(one.values) != len(labels):
            raise ValueError(
                f"Series {one.name!r} has {len(one.values)} values for {len(labels)} labels."
            )


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Series,
    unit: str,
) -> str:
    """One series as vertical bars, one bar per label; each bar has a tooltip."""
    _check(labels, [series])
    values = [value or 0 for value in series.values]
    ticks = axis_ticks(max(values, default=0))
    frame = _Frame(labels=labels, top_value=ticks[-1])
    parts = _open(chart_id=chart_id, title=title, description=description)
    parts += _axes(frame, ticks, unit)
    parts.append('<g class="chart-bars">')
    width = frame.band * 0.7
    for index, value in enumerate(values):
        if value <= 0:
            continue
        top = frame.y(value)
        parts.append(
            f'<rect class="chart-s1" x="{frame.x_center(index) - width / 2:.1f}" '
            f'y="{top:.1f}" width="{width:.1f}" height="{frame.y(0) - top:.1f}">'
            f"<title>{_text(labels[index])}: {_number(value)} {_text(series.name)}</title></rect>"
        )
    parts.append("</g>")
    parts += _legend([series], lines=False)
    parts.append("</svg>")
    return "\n".join(parts)


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[Series],
    unit: str,
    whole: bool = True,
) -> str:
    """Up to three series as lines with markers; a None value leaves a gap in its line."""
    _check(labels, series)
    present = [value for one in series for value in one.values if value is not None]
    ticks = axis_ticks(max(present, default=0), whole=whole)
    frame = _Frame(labels=labels, top_value=ticks[-1])
    parts = _open(chart_id=chart_id, title=title, description=description)
    parts += _axes(frame, ticks, unit)
    for index, one in enumerate(series):
        css = f"chart-s{index % 3 + 1}"
        path: list[str] = []
        pen_down = False
        markers: list[str] = []
        for position, value in enumerate(one.values):
            if value is None:
                pen_down = False
                continue
            x, y = frame.x_center(position), frame.y(value)
            path.append(f"{'L' if pen_down else 'M'}{x:.1f} {y:.1f}")
            pen_down = True
            tooltip = f"{labels[position]}: {_number(value)} ({one.name})"
            markers.append(_marker(MARKERS[index % 3], x, y, css, tooltip))
        dash = DASHES[index % 3]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<g class="chart-series" data-series="{_text(one.name)}">')
        if path:
            parts.append(
                f'<path class="{css}-line" d="{" ".join(path)}" fill="none" '
                f'stroke="currentColor" stroke-width="2"{dash_attr}/>'
            )
        parts += markers
        parts.append("</g>")
    parts += _legend(series, lines=True)
    parts.append("</svg>")
    return "\n".join(parts)
