"""Done when: a county's editor fills in the checklist and publishes it, a year later changes two answers in a new
assessment and sees the comparison, downloads the PDF in Swedish; staff see the regional table and export the CSV."""

import base64
import csv
import datetime as dt
import io
import re
import zlib
from zoneinfo import ZoneInfo

import pytest
import time_machine

from leading.models import Assessment
from tests.leading.factories import items_of

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")
FIRST_DAY = dt.datetime(2025, 3, 10, 10, 0, tzinfo=HELSINKI)
A_YEAR_LATER = dt.datetime(2026, 3, 12, 10, 0, tzinfo=HELSINKI)


def form_data(items, ratings, *, assessed_on, publish=False, notes=None):
    data = {"assessed_on": assessed_on.isoformat()}
    for item, rating in zip(items, ratings, strict=True):
        data[f"rating_{item.pk}"] = rating
        data[f"note_{item.pk}"] = (notes or {}).get(item.key, "")
        data[f"evidence_{item.pk}"] = ""
    data["publish" if publish else "save"] = "1"
    return data


def pdf_text(content: bytes) -> str:
    """The text drawn in a reportlab PDF: its page streams decoded (ASCII85, then Flate); with the standard fonts
    the text stands in them as it is, in the WinAnsi encoding."""
    streams = re.findall(rb"\nstream\r?\n(.*?)~>\s*endstream", content, re.S)
    decoded = [zlib.decompress(base64.a85decode(stream.strip())) for stream in streams]
    return b"\n".join(decoded).decode("cp1252")


def test_an_editor_assesses_twice_and_compares_then_staff_read_and_export(client, checklist, editor, staff_user):
    items = items_of(checklist)
    client.force_login(editor)
    first_ratings = ["in_place", "partly", "in_place", "established", "not_in_place", "dont_know"]

    with time_machine.travel(FIRST_DAY, tick=False):
        county_page = client.get("/en/hyte/assessments/vantaa_kerava/").content.decode()
        assert "Start a new assessment" in county_page and "has not published a self-assessment yet" in county_page
        started = client.post("/en/hyte/assessments/vantaa_kerava/start/")
        draft = Assessment.objects.get(county="vantaa_kerava", status="draft")
        assert started["Location"] == f"/en/hyte/assessments/vantaa_kerava/{draft.pk}/edit/"
        form = client.get(started["Location"])
        assert form.status_code == 200 and items[0].text_en in form.content.decode()

        saved = client.post(
            started["Location"], form_data(items, first_ratings[:3] + [""] * 3, assessed_on=FIRST_DAY.date())
        )
        assert saved.status_code == 302
        published = client.post(
            started["Location"],
            form_data(
                items, first_ratings, assessed_on=FIRST_DAY.date(), publish=True, notes={"g0-i1": "Verkosto koolla."}
            ),
        )
        first = Assessment.objects.get(pk=draft.pk)
        assert first.status == "published"
        assert published["Location"] == f"/en/hyte/assessments/vantaa_kerava/{first.pk}/"
        page = client.get(published["Location"]).content.decode()
        assert "The assessment is published" in page and "Verkosto koolla." in page

    with time_machine.travel(A_YEAR_LATER, tick=False):
        started = client.post("/en/hyte/assessments/vantaa_kerava/start/")
        second = Assessment.objects.get(county="vantaa_kerava", status="draft")
        form = client.get(started["Location"]).content.decode()
        assert re.search(rf'name="rating_{items[3].pk}" value="established"[^>]*checked', form)
        assert form.count(" checked") == 6  # last year's six ratings, to change where things changed

        second_ratings = list(first_ratings)
        second_ratings[1] = "in_place"  # partly -> in place: improved
        second_ratings[3] = "partly"  # established -> partly: worse
        client.post(
            started["Location"], form_data(items, second_ratings, assessed_on=A_YEAR_LATER.date(), publish=True)
        )
        second.refresh_from_db()
        assert second.status == "published"

        county_page = client.get("/en/hyte/assessments/vantaa_kerava/").content.decode()
        assert "Latest assessment, 12 Mar 2026" in county_page
        assert "compared with the one of 10 Mar 2025" in county_page
        assert county_page.count('<span class="change-improved">Improved</span>') == 1
        assert county_page.count('<span class="change-worse">Worse</span>') == 1
        assert county_page.count('<span class="change-same">No change</span>') == 4  # "don't know" twice: same

        pdf = client.get(f"/sv/hyte/assessments/vantaa_kerava/{second.pk}/report.pdf")
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert pdf["Content-Disposition"].endswith('-sv.pdf"')
        text = pdf_text(pdf.content)
        assert "Vanda och Kervo" in text and "Senaste" in text
        assert "Vantaan ja Keravan" not in text and "Latest" not in text

    client.force_login(staff_user)
    with time_machine.travel(A_YEAR_LATER, tick=False):
        table = client.get("/en/hyte/assessments/").content.decode()
        assert "Vantaa and Kerava wellbeing services county" in table
        assert "assessed 12 Mar 2026" in table
        assert '<td class="rating-partly">Partly in place</td>' in table
        assert "3 of 3 (100 %)" in table and "0 of 3 (0 %)" in table

        export = client.get("/en/hyte/assessments/answers.csv")
        assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
        assert rows[0][:3] == ["county", "assessment", "status"]
        assert len(rows) == 1 + 12
        assert {row[1] for row in rows[1:]} == {str(first.pk), str(second.pk)}
        assert ["Verkosto koolla."] == [row[11] for row in rows[1:] if row[11]]
