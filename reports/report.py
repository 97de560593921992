"""The statistics as a report: sections of key figures, charts and the tables behind them, in the active language.

The page, the PDF and the CSV all read the same Report, so that they always show the same numbers. The sections
are built in sections.py.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .charts import Chart, Series, format_value
from .scope import ReportScope


class Percent(float):
    """A share in per cent, shown with one decimal and a per cent sign."""


class Days(float):
    """A duration in days, shown with one decimal."""


def display(value) -> str:
    if isinstance(value, Percent):
        return _("%(percent)s %%") % {"percent": format_value(float(value))}
    if isinstance(value, Days):
        return format_value(float(value))
    if isinstance(value, int | float) or value is None:
        return format_value(value)
    return str(value)


def raw(value):
    """A cell as a spreadsheet should get it: numbers as numbers (one decimal at most), nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return round(value, 1)
    return value


def short_date(value) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value)
    return formats.date_format(value, "SHORT_DATE_FORMAT")


@dataclass
class Table:
    """Rows of figures under column headings; the first cell of each row names it."""

    caption: str
    columns: list[str]
    rows: list[list]

    def cells(self) -> list[list[tuple[str, bool]]]:
        """Each row's cells as (text, whether it is a number), for the page to align numbers to the right."""
        return [[(display(cell), isinstance(cell, int | float) or cell is None) for cell in row] for row in self.rows]

    def chart(self, kind, key, description, columns, *, title=None, categories=None, skip_empty=False) -> Chart:
        """A chart of some of the table's columns (by index), one series each, over its rows (with `skip_empty`,
        only the rows that have a figure in those columns)."""
        indexes = [i for i, row in enumerate(self.rows) if not skip_empty or any(row[c] for c in columns)]
        labels = categories if categories is not None else [str(row[0]) for row in self.rows]
        return Chart(
            kind,
            key,
            title or self.caption,
            description,
            [labels[i] for i in indexes],
            [Series(self.columns[c], [self.rows[i][c] for i in indexes]) for c in columns],
        )

    def with_chart(self, *args, **kwargs) -> "Panel":
        """The table in a panel with one chart of it (the arguments of chart())."""
        return Panel(self, [self.chart(*args, **kwargs)])


@dataclass
class Panel:
    """Charts with the table of their numbers (a panel may have a table only)."""

    table: Table
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    facts: list[tuple[str, object]] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def display_facts(self) -> list[tuple[str, str]]:
        return [(label, display(value)) for label, value in self.facts]


@dataclass
class Report:
    scope: ReportScope
    title: str
    period: str
    networks: str
    sections: list[Section]

    def csv_header(self) -> list[str]:
        return [_("Section"), _("Table"), _("Row"), _("Column"), _("Value")]

    def csv_rows(self):
        """Every figure on its own row: section, table, row, column, value."""
        yield [_("Period"), "", self.period, "", ""]
        yield [_("Networks"), "", self.networks, "", ""]
        for section in self.sections:
            for label, value in section.facts:
                yield [section.title, _("Key figures"), label, "", raw(value)]
            for panel in section.panels:
                table = panel.table
                for row in table.rows:
                    for column, value in zip(table.columns[1:], row[1:], strict=True):
                        yield [section.title, table.caption, row[0], column, raw(value)]


def period_label(scope: ReportScope) -> str:
    if scope.year:
        return str(scope.year)
    return _("%(first)s–%(last)s") % {"first": short_date(scope.first_day), "last": short_date(scope.last_day)}
