"""Horizontal bar charts as inline SVG, computed on the server: no script, no external file.

Each chart carries a <title> and <desc> for screen readers; the report page shows the same
numbers as a table next to it.
"""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
GAP = 8
VALUE_SPACE = 48


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 6

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    description: str
    label_heading: str
    bars: list[Bar]
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def bar_chart(key: str, title: str, description: str, label_heading: str, rows) -> BarChart:
    """``rows`` are (label, value) pairs; bars scale to the largest value. ``label_heading``
    heads the labels' column of the table shown with the chart."""
    rows = list(rows)
    largest = max((value for _, value in rows), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_SPACE
    bars = [
        Bar(str(label), value, index * (BAR_HEIGHT + GAP), round(room * value / largest, 1))
        for index, (label, value) in enumerate(rows)
    ]
    height = max(len(bars), 1) * (BAR_HEIGHT + GAP)
    return BarChart(key, title, description, label_heading, bars, height)
