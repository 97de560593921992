"""Bar and line charts drawn on the server: laid out once as plain shapes, written as accessible SVG for the page
and as a reportlab drawing for the PDF, so that both show the same picture.

Colours pass WCAG AA against white (4.5:1, so they serve as text colours too) and never carry meaning alone: the
bars of each series have their own fill pattern (solid, hatched, cross-hatched), the lines their own dash and
marker, every chart has a legend, and each bar is labelled with its value. The page puts the numbers in a table
next to every chart.
"""

import math
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH = 680
TEXT = "#1f2328"
MUTED = "#57606a"
GRID = "#d0d7de"
# (colour, bar pattern, line dash, marker) per series, in order.
SERIES_STYLES = [
    ("#0b5d73", "solid", None, "circle"),
    ("#a14a00", "hatch", (6, 3), "square"),
    ("#5c3c92", "cross", (2, 3), "triangle"),
]
LABEL_CHARACTERS = 32


# --- What a chart shows ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Series:
    label: str
    values: list


@dataclass(frozen=True)
class Chart:
    """A chart of one or more series over the same categories; `key` makes its element ids unique on a page."""

    kind: str  # "bar" (horizontal bars) or "line"
    key: str
    title: str
    description: str
    categories: list[str]
    series: list[Series]

    @property
    def is_empty(self) -> bool:
        return not self.categories or not any(value for series in self.series for value in series.values if value)

    def drawing(self) -> "Drawing":
        if self.is_empty:
            return _empty_drawing()
        return _bar_drawing(self) if self.kind == "bar" else _line_drawing(self)

    def svg(self) -> str:
        return render_svg(self)


# --- Shapes, with the origin at the top left as in SVG ---------------------------------------------------------
@dataclass(frozen=True)
class Box:
    """A rectangle filled with a colour, or hatched in it (pattern "hatch" or "cross") on white."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str | None = None
    pattern: str = "solid"


@dataclass(frozen=True)
class Segment:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str
    width: float = 1
    dash: tuple | None = None


@dataclass(frozen=True)
class Path:
    points: list
    stroke: str
    width: float = 2.5
    dash: tuple | None = None


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    shape: str
    colour: str
    size: float = 4.5


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"  # start, middle, end
    size: float = 12
    bold: bool = False
    fill: str = TEXT


@dataclass
class Drawing:
    width: float
    height: float
    shapes: list = field(default_factory=list)


def format_value(value, decimals: int = 1) -> str:
    """A number as the active language writes it, with at most `decimals` decimals, rounded (number_format cuts)."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return number_format(round(value, decimals), decimal_pos=decimals, force_grouping=True)
    return number_format(int(value), force_grouping=True)


def short(text: str, length: int = LABEL_CHARACTERS) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def nice_ticks(maximum: float, count: int = 5) -> list[float]:
    """Round tick values from 0 to at least `maximum`: steps of 1, 2 or 5 times a power of ten."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1)
    top = math.ceil(maximum / step) * step
    return [step * index for index in range(int(round(top / step)) + 1)]


def hatch_lines(box: Box, spacing: float = 5) -> list[Segment]:
    """The diagonal lines of a hatched box (both diagonals for "cross"), cut at its edges: the PDF draws them."""
    lines = []
    for backwards in (False, True) if box.pattern == "cross" else (False,):
        offset = -box.height
        while offset < box.width:
            # The line x = x0 + offset + t, y = y0 + height - t (y0 + t backwards), for the t inside the box.
            t_start, t_end = max(0, -offset), min(box.height, box.width - offset)
            if t_start < t_end:
                x1, x2 = box.x + offset + t_start, box.x + offset + t_end
                if backwards:
                    y1, y2 = box.y + t_start, box.y + t_end
                else:
                    y1, y2 = box.y + box.height - t_start, box.y + box.height - t_end
                lines.append(Segment(x1, y1, x2, y2, box.fill, width=1.5))
            offset += spacing
    return lines


def _patterned_box(x, y, width, height, style_index) -> Box:
    colour, pattern, _dash, _marker = SERIES_STYLES[style_index % len(SERIES_STYLES)]
    return Box(x, y, width, height, colour, stroke=None if pattern == "solid" else colour, pattern=pattern)


def _legend(chart: Chart, top: float, *, lines: bool) -> tuple[list, float]:
    """A swatch and the name of each series in a row; returns the shapes and the height used."""
    shapes, x = [], 8
    for index, series in enumerate(chart.series):
        colour, _pattern, dash, marker = SERIES_STYLES[index % len(SERIES_STYLES)]
        if lines:
            shapes.append(Segment(x, top + 7, x + 24, top + 7, colour, width=2.5, dash=dash))
            shapes.append(Marker(x + 12, top + 7, marker, colour))
            x += 30
        else:
            shapes.append(_patterned_box(x, top, 14, 14, index))
            x += 20
        text = short(series.label, 40)
        shapes.append(Label(x, top + 12, text))
        x += 7 * len(text) + 24
    return shapes, 26


def _empty_drawing() -> Drawing:
    drawing = Drawing(WIDTH, 70)
    drawing.shapes.append(Box(1, 1, WIDTH - 2, 68, "#ffffff", stroke=GRID))
    drawing.shapes.append(Label(WIDTH / 2, 40, _("No figures for this period."), anchor="middle", fill=MUTED))
    return drawing


def _bar_drawing(chart: Chart) -> Drawing:
    """Horizontal bars, one group per category and one bar per series, each labelled with its value."""
    label_width, right_margin, bar, gap = 250, 56, 14, 12
    shapes, legend_height = _legend(chart, 6, lines=False)
    top = 6 + legend_height + 4
    group = bar * len(chart.series) + 2 * (len(chart.series) - 1)
    plot_height = len(chart.categories) * (group + gap)
    ticks = nice_ticks(max(value or 0 for series in chart.series for value in series.values))
    plot_width = WIDTH - label_width - right_margin

    def x_of(value):
        return label_width + plot_width * (value or 0) / ticks[-1]

    for tick in ticks:
        shapes.append(Segment(x_of(tick), top, x_of(tick), top + plot_height, GRID))
        shapes.append(
            Label(x_of(tick), top + plot_height + 16, format_value(tick), anchor="middle", size=11, fill=MUTED)
        )
    for row, category in enumerate(chart.categories):
        y = top + row * (group + gap) + gap / 2
        shapes.append(Label(label_width - 8, y + group / 2 + 4, short(category), anchor="end"))
        for index, series in enumerate(chart.series):
            value = series.values[row]
            bar_y = y + index * (bar + 2)
            if value:
                shapes.append(_patterned_box(label_width, bar_y, max(x_of(value) - label_width, 1), bar, index))
            shapes.append(Label(x_of(value) + 4, bar_y + bar - 3, format_value(value), size=11))
    shapes.append(Segment(label_width, top, label_width, top + plot_height, MUTED))
    return Drawing(WIDTH, top + plot_height + 24, shapes)


def _line_drawing(chart: Chart) -> Drawing:
    """One line per series over the categories (months), with markers; several lines are named at their ends."""
    named_ends = len(chart.series) > 1
    left, right, plot_height, padding = 56, 110 if named_ends else 24, 200, 12
    shapes, legend_height = _legend(chart, 6, lines=True)
    top = 6 + legend_height + 10
    ticks = nice_ticks(max(value or 0 for series in chart.series for value in series.values))
    plot_width = WIDTH - left - right
    count = len(chart.categories)
    step = (plot_width - 2 * padding) / max(count - 1, 1)

    def x_of(index):
        return left + (plot_width / 2 if count == 1 else padding + step * index)

    def y_of(value):
        return top + plot_height - plot_height * (value or 0) / ticks[-1]

    for tick in ticks:
        shapes.append(Segment(left, y_of(tick), left + plot_width, y_of(tick), GRID))
        shapes.append(Label(left - 6, y_of(tick) + 4, format_value(tick), anchor="end", size=11, fill=MUTED))
    every = max(1, math.ceil(56 / step)) if count > 1 else 1  # room for a label such as 12/2025
    for index, category in enumerate(chart.categories):
        if index % every == 0:
            shapes.append(Label(x_of(index), top + plot_height + 18, category, anchor="middle", size=11, fill=MUTED))
    shapes.append(Segment(left, top + plot_height, left + plot_width, top + plot_height, MUTED))
    end_labels = []
    for index, series in enumerate(chart.series):
        colour, _pattern, dash, marker = SERIES_STYLES[index % len(SERIES_STYLES)]
        points = [(x_of(i), y_of(value)) for i, value in enumerate(series.values)]
        if len(points) > 1:
            shapes.append(Path(points, colour, dash=dash))
        shapes += [Marker(x, y, marker, colour) for x, y in points]
        end_labels.append([points[-1][1] + 4, short(series.label, 14), colour])
    if named_ends:
        # Names at the ends of the lines, moved apart where the lines end close together.
        end_labels.sort(key=lambda item: item[0])
        for previous, current in zip(end_labels, end_labels[1:], strict=False):
            current[0] = max(current[0], previous[0] + 14)
        shapes += [Label(left + plot_width + 8, y, text, fill=colour, bold=True) for y, text, colour in end_labels]
    return Drawing(WIDTH, top + plot_height + 28, shapes)


# --- SVG ------------------------------------------------------------------------------------------------------
def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _pattern_id(key: str, box: Box) -> str:
    return f"chart-{key}-{box.pattern}-{box.fill.lstrip('#')}"


def _svg_pattern(key: str, box: Box) -> str:
    """A hatch of the box's colour on white, drawn once per chart and referred to by its bars."""
    lines = f'<line x1="0" y1="0" x2="0" y2="5" stroke="{box.fill}" stroke-width="1.5"/>'
    if box.pattern == "cross":
        lines += f'<line x1="0" y1="2.5" x2="5" y2="2.5" stroke="{box.fill}" stroke-width="1.5"/>'
    return (
        f'<pattern id="{_pattern_id(key, box)}" width="5" height="5" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="5" height="5" fill="#ffffff"/>{lines}</pattern>'
    )


def _svg_shape(shape, key: str) -> str:
    if isinstance(shape, Box):
        stroke = f' stroke="{shape.stroke}" stroke-width="1.5"' if shape.stroke else ""
        fill = shape.fill if shape.pattern == "solid" else f"url(#{_pattern_id(key, shape)})"
        return (
            f'<rect x="{_number(shape.x)}" y="{_number(shape.y)}" width="{_number(shape.width)}" '
            f'height="{_number(shape.height)}" fill="{fill}"{stroke}/>'
        )
    if isinstance(shape, Segment):
        dash = f' stroke-dasharray="{shape.dash[0]} {shape.dash[1]}"' if shape.dash else ""
        return (
            f'<line x1="{_number(shape.x1)}" y1="{_number(shape.y1)}" x2="{_number(shape.x2)}" '
            f'y2="{_number(shape.y2)}" stroke="{shape.stroke}" stroke-width="{shape.width}"{dash}/>'
        )
    if isinstance(shape, Path):
        points = " ".join(f"{_number(x)},{_number(y)}" for x, y in shape.points)
        dash = f' stroke-dasharray="{shape.dash[0]} {shape.dash[1]}"' if shape.dash else ""
        return f'<polyline points="{points}" fill="none" stroke="{shape.stroke}" stroke-width="{shape.width}"{dash}/>'
    if isinstance(shape, Marker):
        x, y, size = shape.x, shape.y, shape.size
        if shape.shape == "circle":
            return f'<circle cx="{_number(x)}" cy="{_number(y)}" r="{size}" fill="{shape.colour}"/>'
        if shape.shape == "square":
            return (
                f'<rect x="{_number(x - size)}" y="{_number(y - size)}" width="{2 * size}" height="{2 * size}" '
                f'fill="{shape.colour}"/>'
            )
        points = (
            f"{_number(x)},{_number(y - size - 1)} {_number(x - size - 1)},{_number(y + size)} "
            f"{_number(x + size + 1)},{_number(y + size)}"
        )
        return f'<polygon points="{points}" fill="{shape.colour}"/>'
    weight = ' font-weight="bold"' if shape.bold else ""
    return (
        f'<text x="{_number(shape.x)}" y="{_number(shape.y)}" text-anchor="{shape.anchor}" '
        f'font-size="{shape.size}" fill="{shape.fill}"{weight}>{escape(shape.text)}</text>'
    )


def _svg_defs(key: str, drawing: Drawing) -> list[str]:
    patterns = {}
    for shape in drawing.shapes:
        if isinstance(shape, Box) and shape.pattern != "solid":
            patterns.setdefault(_pattern_id(key, shape), _svg_pattern(key, shape))
    return [f"<defs>{''.join(patterns.values())}</defs>"] if patterns else []


def render_svg(chart: Chart) -> str:
    """The chart as inline SVG: role="img", named by its <title> and described by its <desc> (aria-labelledby)."""
    drawing = chart.drawing()
    title_id, desc_id = f"chart-{chart.key}-title", f"chart-{chart.key}-desc"
    description = chart.description if not chart.is_empty else _("No figures for this period.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 {WIDTH} '
        f'{_number(drawing.height)}" role="img" aria-labelledby="{title_id} {desc_id}" font-family="sans-serif">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        *(_svg_defs(chart.key, drawing)),
        *(_svg_shape(shape, chart.key) for shape in drawing.shapes),
        "</svg>",
    ]
    return mark_safe("".join(parts))
