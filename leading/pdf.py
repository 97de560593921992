"""A county's published self-assessment as a PDF for the county board's papers (reportlab), in the reader's language:
its ratings against the previous assessment item by item, the share in place per group, and the notes."""

from io import BytesIO

from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .comparison import Change, count_changes, in_place_share
from .selectors import CountyHistory, GroupComparison

BRAND = colors.Color(11 / 255, 93 / 255, 115 / 255)
# Light tints behind the words of a change (the words carry the meaning; print may well be black and white).
CHANGE_TINTS = {
    Change.IMPROVED: colors.Color(0.85, 0.94, 0.87),
    Change.WORSE: colors.Color(0.98, 0.87, 0.87),
    Change.SAME: colors.Color(0.93, 0.95, 0.96),
    Change.NOT_COMPARABLE: colors.white,
}


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _styles():
    sheet = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=sheet["Title"], fontSize=18, leading=22, alignment=0),
        "h2": ParagraphStyle("h2", parent=sheet["Heading2"], textColor=BRAND, spaceBefore=10),
        "body": sheet["BodyText"],
        "cell": ParagraphStyle("cell", parent=sheet["BodyText"], fontSize=9, leading=11),
        "small": ParagraphStyle("small", parent=sheet["BodyText"], fontSize=8, leading=10, textColor=colors.grey),
    }


def assessment_pdf_bytes(overview: CountyHistory, *, answered: list[GroupComparison], language: str) -> bytes:
    """The PDF of `overview.latest` (compared with `overview.previous`); `answered` holds its notes and links."""
    buffer = BytesIO()
    with translation.override(language):
        styles = _styles()
        latest, previous = overview.latest, overview.previous
        county = latest.get_county_display()
        title = _("Self-assessment of the structures for health and wellbeing promotion")
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            title=_("Self-assessment of %(county)s, %(date)s") % {"county": county, "date": _date(latest.assessed_on)},
            author=_("HYTE portal"),
            lang=language,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=2 * cm,
            bottomMargin=2 * cm,
        )
        story = [Paragraph(escape(title), styles["title"]), Paragraph(f"<b>{escape(county)}</b>", styles["body"])]
        story += _facts(latest, previous, styles)
        comparisons = [row for group in overview.comparison for row in group.rows]
        story.append(Paragraph(escape(_summary(count_changes(comparisons), previous)), styles["body"]))
        for group in overview.comparison:
            story.append(KeepTogether(_group_table(group, has_previous=previous is not None, styles=styles)))
        story += _notes(answered, styles)
        generated = _("Printed from the HYTE portal on %(date)s.") % {"date": _date(timezone.localdate())}
        story += [Spacer(1, 0.5 * cm), Paragraph(escape(generated), styles["small"])]
        document.build(story)
    return buffer.getvalue()


def _facts(latest, previous, styles) -> list:
    lines = [
        _("Date of the assessment: %(date)s") % {"date": _date(latest.assessed_on)},
        _("Checklist: %(version)s") % {"version": latest.version.title},
        _("Published on %(date)s") % {"date": _date(timezone.localtime(latest.published_at))},
    ]
    if previous is not None:
        lines.append(_("Compared with the assessment of %(date)s.") % {"date": _date(previous.assessed_on)})
    else:
        lines.append(_("This is the county's first published assessment: there is nothing to compare with yet."))
    return [Paragraph(escape(line), styles["body"]) for line in lines]


def _summary(counts: dict[str, int], previous) -> str:
    if previous is None:
        return ""
    return (
        _("Improved: %(improved)d. No change: %(same)d. Worse: %(worse)d. Cannot be compared: %(not_comparable)d.")
        % counts
    )


def _group_table(group: GroupComparison, *, has_previous: bool, styles) -> list:
    share = in_place_share([row.item for row in group.rows], {row.item.key: row.latest.code for row in group.rows})
    header = [_("Item"), _("Previous"), _("Latest"), _("Change")] if has_previous else [_("Item"), _("Rating")]
    data = [[Paragraph(f"<b>{escape(text)}</b>", styles["cell"]) for text in header]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.Color(0.78, 0.83, 0.85)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.96, 0.97)),
    ]
    for number, row in enumerate(group.rows, start=1):
        cells = [row.item.text, row.latest.label]
        if has_previous:
            cells = [row.item.text, row.previous.label, row.latest.label, row.change.label]
            style.append(("BACKGROUND", (3, number), (3, number), CHANGE_TINTS[row.change]))
        data.append([Paragraph(escape(str(cell)), styles["cell"]) for cell in cells])
    widths = [8.5 * cm, 2.8 * cm, 2.8 * cm, 2.9 * cm] if has_previous else [12 * cm, 5 * cm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    in_place = _("In place or established: %(in_place)d of %(total)d items (%(percent)d %%).") % {
        "in_place": share.in_place,
        "total": share.total,
        "percent": share.percent,
    }
    return [
        Paragraph(escape(group.group.title), styles["h2"]),
        table,
        Spacer(1, 0.2 * cm),
        Paragraph(escape(in_place), styles["body"]),
    ]


def _notes(answered: list[GroupComparison], styles) -> list:
    notes = [
        row for group in answered for row in group.rows if row.answer and (row.answer.note or row.answer.evidence_url)
    ]
    if not notes:
        return []
    story = [Paragraph(escape(_("Notes and evidence")), styles["h2"])]
    for row in notes:
        text = f"<b>{escape(row.item.text)}</b>"
        if row.answer.note:
            text += "<br/>" + escape(row.answer.note).replace("\n", "<br/>")
        if row.answer.evidence_url:
            link = escape(row.answer.evidence_url)
            text += "<br/>" + escape(_("Evidence: %(link)s")) % {"link": f'<link href="{link}">{link}</link>'}
        story.append(Paragraph(text, styles["cell"]))
        story.append(Spacer(1, 0.15 * cm))
    return story
