"""The one way the admin writes a CSV file: UTF-8 with a byte-order mark, and no cell a spreadsheet would run."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """The value as text a spreadsheet shows as it is, whatever a member typed into it."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_response(*, filename: str, header: Iterable, rows: Iterable[Iterable]) -> HttpResponse:
    """A download of `rows` under `header` (labels may be lazy translations); every cell is escaped."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8 (ä, ö, å)
    writer = csv.writer(response)
    writer.writerow([csv_cell(label) for label in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response
