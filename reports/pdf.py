"""The annual report as PDF (reportlab): the report's key figures, its charts drawn from the same shapes as on the
page, and the tables behind them, in the language active when it is built."""

from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from reportlab.graphics import shapes as rl
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import charts
from .report import Report

MARGIN = 2 * cm
FRAME_WIDTH = A4[0] - 2 * MARGIN - 12  # the frame's own padding: 6 points on each side
CHART_HEIGHT = (A4[1] - 2 * MARGIN) * 0.8  # a chart of many rows shrinks to fit a page with its title
BRAND = colors.HexColor("#0b5d73")
STYLES = getSampleStyleSheet()
CELL = STYLES["BodyText"].clone("cell", fontSize=8, leading=10)
HEADER_CELL = CELL.clone("header-cell", fontName="Helvetica-Bold", fontSize=7, leading=9)
HEADER_NUMBER = HEADER_CELL.clone("header-number", alignment=TA_RIGHT)
TABLE_STYLE = [
    ("LINEBELOW", (0, 0), (-1, 0), 1, BRAND),
    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(charts.GRID)),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("FONT", (0, 1), (-1, -1), "Helvetica", 8, 10),
]
NOTE = STYLES["BodyText"].clone("note", fontSize=8, leading=10, textColor=colors.HexColor(charts.MUTED))


def _paragraph(text, style=CELL) -> Paragraph:
    return Paragraph(escape(str(text)), style)


def _reportlab_shape(shape, height):
    """One chart shape in reportlab's coordinates (origin at the bottom left)."""
    if isinstance(shape, charts.Box) and shape.pattern != "solid":
        white = charts.Box(shape.x, shape.y, shape.width, shape.height, "#ffffff", stroke=shape.stroke)
        # All the hatch lines of a bar in one path: a shape each would make a long report slow to draw.
        hatch = rl.Path(strokeColor=colors.HexColor(shape.fill), strokeWidth=1.5, fillColor=None)
        for line in charts.hatch_lines(shape):
            hatch.moveTo(line.x1, height - line.y1)
            hatch.lineTo(line.x2, height - line.y2)
        return rl.Group(_reportlab_shape(white, height), hatch)
    if isinstance(shape, charts.Box):
        return rl.Rect(
            shape.x,
            height - shape.y - shape.height,
            shape.width,
            shape.height,
            fillColor=colors.HexColor(shape.fill),
            strokeWidth=1.5 if shape.stroke else 0,
            strokeColor=colors.HexColor(shape.stroke) if shape.stroke else None,
        )
    if isinstance(shape, charts.Segment):
        return rl.Line(
            shape.x1,
            height - shape.y1,
            shape.x2,
            height - shape.y2,
            strokeColor=colors.HexColor(shape.stroke),
            strokeWidth=shape.width,
            strokeDashArray=list(shape.dash) if shape.dash else None,
        )
    if isinstance(shape, charts.Path):
        points = [coordinate for x, y in shape.points for coordinate in (x, height - y)]
        return rl.PolyLine(
            points,
            strokeColor=colors.HexColor(shape.stroke),
            strokeWidth=shape.width,
            strokeDashArray=list(shape.dash) if shape.dash else None,
        )
    if isinstance(shape, charts.Marker):
        x, y, size, fill = shape.x, height - shape.y, shape.size, colors.HexColor(shape.colour)
        if shape.shape == "circle":
            return rl.Circle(x, y, size, fillColor=fill, strokeWidth=0)
        if shape.shape == "square":
            return rl.Rect(x - size, y - size, 2 * size, 2 * size, fillColor=fill, strokeWidth=0)
        return rl.Polygon(
            [x, y + size + 1, x - size - 1, y - size, x + size + 1, y - size], fillColor=fill, strokeWidth=0
        )
    return rl.String(
        shape.x,
        height - shape.y,
        shape.text,
        textAnchor=shape.anchor,
        fontSize=shape.size,
        fontName="Helvetica-Bold" if shape.bold else "Helvetica",
        fillColor=colors.HexColor(shape.fill),
    )


def chart_drawing(chart: charts.Chart) -> rl.Drawing:
    """The chart scaled to the width of the page's text, or smaller to fit on a page."""
    drawing = chart.drawing()
    scale = min(FRAME_WIDTH / drawing.width, CHART_HEIGHT / drawing.height)
    group = rl.Group(*(_reportlab_shape(shape, drawing.height) for shape in drawing.shapes))
    group.scale(scale, scale)
    result = rl.Drawing(drawing.width * scale, drawing.height * scale)
    result.add(group)
    return result


def _table(columns, rows, widths=None) -> Table:
    """A table of (text, is a number) cells under its headings. Numbers are plain strings set to the right (a
    paragraph per cell would make a long report slow to lay out); text wraps in paragraphs."""
    numeric = [index > 0 and bool(rows) and all(row[index][1] for row in rows) for index in range(len(columns))]
    data = [[_paragraph(column, HEADER_NUMBER if numeric[i] else HEADER_CELL) for i, column in enumerate(columns)]]
    data += [[text if is_number else _paragraph(text) for text, is_number in row] for row in rows]
    if widths is None:
        first = FRAME_WIDTH * (0.25 if len(columns) > 4 else 0.5)
        widths = [first] + [(FRAME_WIDTH - first) / (len(columns) - 1)] * (len(columns) - 1)
    table = Table(data, colWidths=widths, repeatRows=1)
    numbers = [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, is_numeric in enumerate(numeric) if is_numeric]
    table.setStyle(TableStyle(TABLE_STYLE + numbers))
    return table


def _footer(canvas, document):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.HexColor(charts.MUTED))
    canvas.drawString(MARGIN, 1.2 * cm, document.title)
    canvas.drawRightString(A4[0] - MARGIN, 1.2 * cm, _("Page %(number)s") % {"number": document.page})
    canvas.restoreState()


def annual_report_pdf_bytes(report: Report) -> bytes:
    """The report as a PDF document: a heading page part, then each section's figures, charts and tables."""
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
        author=_("HYTE portal"),
        lang=get_language(),
    )
    created = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    story = [
        _paragraph(report.title, STYLES["Title"]),
        _paragraph(_("Health and wellbeing promotion (HYTE)"), STYLES["Heading3"]),
        _paragraph(_("Period: %(period)s") % {"period": report.period}, STYLES["BodyText"]),
        _paragraph(_("Networks: %(networks)s") % {"networks": report.networks}, STYLES["BodyText"]),
        _paragraph(_("Made on %(date)s") % {"date": created}, STYLES["BodyText"]),
    ]
    for section in report.sections:
        story += [Spacer(1, 0.4 * cm), _paragraph(section.title, STYLES["Heading1"])]
        if section.facts:
            facts = [[(label, False), (value, True)] for label, value in section.display_facts()]
            story.append(_table([_("Key figures"), ""], facts, [FRAME_WIDTH * 0.7, FRAME_WIDTH * 0.3]))
        for panel in section.panels:
            for chart in panel.charts:
                story.append(KeepTogether([_paragraph(chart.title, STYLES["Heading4"]), chart_drawing(chart)]))
            story.append(Spacer(1, 0.2 * cm))
            empty = [(_("No figures for this period."), False)] + [("", False)] * (len(panel.table.columns) - 1)
            rows = panel.table.cells() or [empty]
            caption = _paragraph(panel.table.caption, STYLES["Heading4"])
            story.append(KeepTogether([caption, _table(panel.table.columns, rows)]))
        story += [_paragraph(note, NOTE) for note in section.notes]
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
