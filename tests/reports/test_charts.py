"""The charts: accessible SVG, colours that pass contrast and never carry meaning alone, the same picture in the PDF."""

import re

import pytest
from django.utils import translation

from reports import charts
from reports.charts import Chart, Series
from reports.pdf import chart_drawing


def contrast(colour: str, background: str = "#ffffff") -> float:
    def luminance(value):
        channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted([luminance(colour), luminance(background)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def bars(**overrides):
    fields = {
        "kind": "bar",
        "key": "counties",
        "title": "Professionals by county",
        "description": "Bar chart of the professionals by county.",
        "categories": ["Helsinki", "Vantaa and Kerava"],
        "series": [Series("Enrolled", [12, 3]), Series("Attended", [10, 0]), Series("New", [4, 1])],
    }
    return Chart(**(fields | overrides))


def test_the_series_colours_and_the_text_pass_wcag_aa_on_white():
    for colour, *_style in charts.SERIES_STYLES:
        assert contrast(colour) >= 4.5  # usable as text too, beyond the 3:1 that graphics need
    assert contrast(charts.TEXT) >= 4.5
    assert contrast(charts.MUTED) >= 4.5


def test_no_two_series_look_alike_without_their_colour():
    styles = charts.SERIES_STYLES
    assert len({pattern for _colour, pattern, _dash, _marker in styles}) == len(styles)
    assert len({dash for _colour, _pattern, dash, _marker in styles}) == len(styles)
    assert len({marker for _colour, _pattern, _dash, marker in styles}) == len(styles)


def test_the_svg_is_an_image_named_by_its_title_and_described():
    svg = bars().svg()
    assert re.match(r'<svg [^>]*role="img"[^>]*aria-labelledby="chart-counties-title chart-counties-desc"', svg)
    assert '<title id="chart-counties-title">Professionals by county</title>' in svg
    assert '<desc id="chart-counties-desc">Bar chart of the professionals by county.</desc>' in svg


def test_bars_carry_their_values_and_the_legend_names_the_series():
    svg = bars().svg()
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for label in ("Enrolled", "Attended", "New", "Helsinki", "12", "10", "4", "3", "0", "1"):
        assert label in texts
    patterns = re.findall(r'<pattern id="([^"]+)"', svg)
    assert patterns == ["chart-counties-hatch-a14a00", "chart-counties-cross-5c3c92"]
    # Each pattern fills the legend's swatch and the series' bars (no bar for a zero).
    assert [svg.count(f'fill="url(#{pattern})"') for pattern in patterns] == [1 + 1, 1 + 2]


def test_text_in_a_chart_is_escaped():
    svg = bars(title="<script>", categories=["<b>1</b>", "&"]).svg()
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "&amp;" in svg


def test_a_chart_without_figures_says_so():
    with translation.override("en"):
        svg = bars(series=[Series("Enrolled", [0, 0])]).svg()
        assert "No figures for this period." in svg
        assert "<rect" in svg
        assert "No figures for this period." in Chart("line", "empty", "T", "D", [], []).svg()


def test_line_charts_mark_each_point_and_name_several_lines_at_their_ends():
    months = [f"{month}/2025" for month in range(1, 13)]
    series = [Series("Finnish", list(range(12))), Series("Swedish", [5] * 12), Series("English", [5] * 12)]
    lines = Chart("line", "languages", "Subscribers", "Lines", months, series)
    svg = lines.svg()
    assert svg.count("<polyline") == 3
    assert svg.count("<circle") == 12 + 1  # the points and the legend's marker
    assert svg.count("<polygon") == 12 + 1
    end_names = re.findall(r'<text[^>]*font-weight="bold"[^>]*>([^<]*)</text>', svg)
    assert sorted(end_names) == ["English", "Finnish", "Swedish"]
    ends = [float(y) for y in re.findall(r'<text x="[\d.]+" y="([\d.]+)"[^>]*font-weight="bold"', svg)]
    assert all(abs(a - b) >= 14 for i, a in enumerate(ends) for b in ends[i + 1 :])  # equal ends moved apart


@pytest.mark.parametrize(
    "maximum, ticks", [(0, [0, 1]), (3, [0, 1, 2, 3]), (8, [0, 2, 4, 6, 8]), (47, range(0, 51, 10))]
)
def test_axis_ticks_are_round_numbers(maximum, ticks):
    assert charts.nice_ticks(maximum) == list(ticks)


def test_the_pdf_draws_the_same_shapes():
    from reportlab.graphics import renderPDF

    for chart in (bars(), Chart("line", "l", "T", "D", ["1/2025", "2/2025"], [Series("Members", [3, 4])])):
        drawing = chart_drawing(chart)
        assert len(drawing.contents[0].contents) == len(chart.drawing().shapes)
        assert renderPDF.drawToString(drawing).startswith(b"%PDF")
