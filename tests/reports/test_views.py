"""The statistics page in the admin: who may open it, what it shows, its filters, and the PDF and CSV downloads."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.helpers import count_queries
from tests.networks.factories import NetworkFactory
from tests.reports.conftest import STATISTICS, at

pytestmark = pytest.mark.django_db

PDF = f"{STATISTICS}annual-report.pdf"
CSV = f"{STATISTICS}figures.csv"


def rows_of(html: str, caption: str) -> dict[str, list[str]]:
    """The table with this caption as {row heading: [cells]}."""
    table = re.search(rf"<caption>{re.escape(caption)}</caption>(.*?)</table>", html, re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        heading = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if heading:
            rows[heading.group(1)] = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return rows


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- Access ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [STATISTICS, PDF, CSV])
def test_visitors_are_sent_to_the_admin_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("path", [STATISTICS, PDF, CSV])
def test_members_get_no_statistics(client, path):
    client.force_login(UserFactory())
    response = client.get(path)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.real_second_factor
def test_staff_without_a_second_factor_are_sent_to_set_one_up(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(STATISTICS)
    assert response.status_code == 302
    assert "next=%2Fadmin%2Fstatistics%2F" in response["Location"]


def test_the_admin_index_links_to_the_statistics(staff_client):
    html = staff_client.get("/admin/").content.decode()
    assert f'href="{STATISTICS}"' in html


# --- What staff see ---------------------------------------------------------------------------------------------
def test_staff_read_last_years_figures_from_the_page(staff_client, year_2025):
    response = staff_client.get(STATISTICS, {"year": 2025})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Annual activity report 2025" in html
    counties = rows_of(html, "Professionals by wellbeing services county")
    assert counties["City of Helsinki"] == ["2", "2"]
    assert counties["Western Uusimaa wellbeing services county"] == ["0", "0"]
    meetings = rows_of(html, "Morning meetings")
    assert meetings["28 Jan 2025"] == ["Promoting physical activity", "3", "2", "0"]
    assert meetings["25 Mar 2025"] == ["Nutrition", "2", "0", "0"]
    assert "Sleep and recovery" in html
    assert rows_of(html, "Issues sent")["1 Jul 2025"] == ["News 2025-07-01", "4", "0", "1"]
    assert rows_of(html, "Events and attendance by kind")["Morning meeting"][:5] == ["3", "0", "8", "4", "66.7%"]


def test_every_chart_is_named_and_described_and_has_its_table(staff_client, year_2025):
    html = staff_client.get(STATISTICS, {"year": 2025}).content.decode()
    charts = re.findall(r'<svg[^>]*class="report-chart"[^>]*>', html)
    assert len(charts) >= 10
    for tag in charts:
        assert 'role="img"' in tag
        title_id, desc_id = re.search(r'aria-labelledby="([^" ]+) ([^"]+)"', tag).groups()
        assert f'<title id="{title_id}">' in html
        assert f'<desc id="{desc_id}">' in html
    assert html.count("<figure") <= html.count("<table")


def test_a_year_without_data_shows_empty_charts(staff_client, year_2025):
    response = staff_client.get(STATISTICS, {"year": 2019})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No figures for this period." in html
    assert rows_of(html, "Morning meetings") == {}


def test_a_date_range_replaces_the_year(staff_client, year_2025):
    html = staff_client.get(STATISTICS, {"year": 2025, "first_day": "2025-02-01", "last_day": "2025-03-31"}).content
    meetings = rows_of(html.decode(), "Morning meetings")
    assert list(meetings) == ["25 Feb 2025", "25 Mar 2025"]


def test_staff_may_pick_one_network(staff_client, year_2025):
    b = year_2025.networks.b
    html = staff_client.get(STATISTICS, {"year": 2025, "network": b.pk}).content.decode()
    assert rows_of(html, "Professionals by network") == {"Directors": ["2", "2"]}
    assert "Subscribers by language" not in html  # the newsletter has no network


# --- Bad filters ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "params, message",
    [
        ({"first_day": "2025-12-31", "last_day": "2025-01-01"}, "The period ends before it starts."),
        ({"first_day": "2025-01-01"}, "Give both the first and the last day of the period"),
        ({"first_day": "1800-01-01", "last_day": "2025-01-01"}, "Choose dates between"),
        ({"first_day": "2001-01-01", "last_day": "2025-01-01"}, "Choose a period of at most 5 years."),
        ({"first_day": "99999-01-01", "last_day": "2025-01-01"}, "Enter a valid date."),
        ({"year": "3000"}, "Choose a year between 2000 and 2027."),
        ({"year": "1"}, "Ensure this value is greater than or equal to 2000."),
        ({"year": "not a year"}, "Enter a whole number."),
        ({"network": "999999"}, "There is no network with that number."),
        ({"network": "99999999999999999999"}, "Ensure this value is less than or equal to"),
        ({"network": "x"}, "Enter a whole number."),
    ],
)
@pytest.mark.parametrize("path", [STATISTICS, PDF, CSV])
def test_bad_filters_get_a_clear_message(staff_client, path, params, message):
    response = staff_client.get(path, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'class="errornote"' in response.content.decode()


def test_a_nul_byte_in_the_filters_gets_the_admins_invalid_filter_notice(staff_client):
    response = staff_client.get(STATISTICS, {"year": "2025\x00"})
    assert response.status_code == 302
    assert response["Location"] == f"{STATISTICS}?e=1"
    assert staff_client.get(response["Location"]).status_code == 200


def test_an_unknown_report_language_gets_a_message(staff_client):
    response = staff_client.get(PDF, {"year": 2025, "language": "de"})
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()


# --- Coordinators -----------------------------------------------------------------------------------------------
def test_a_coordinator_sees_only_their_own_networks(coordinator_client, year_2025):
    html = coordinator_client.get(STATISTICS, {"year": 2025}).content.decode()
    assert rows_of(html, "Professionals by network") == {"Physical activity": ["2", "2"]}
    assert rows_of(html, "Morning meetings") == {}  # the morning meetings belong to no network
    networks = rows_of(html, "Networks")
    assert list(networks) == ["Physical activity"]
    assert networks["Physical activity"][:3] == ["3", "1", "3"]
    assert "Directors" not in html and "Oral health" not in html
    assert "Subscribers by language" not in html
    assert rows_of(html, "Most downloaded materials") == {"Exercise guide": ["Guide", "30"]}


def test_a_coordinator_may_pick_their_own_network_and_sees_the_link(coordinator_client, year_2025):
    a = year_2025.networks.a
    response = coordinator_client.get(STATISTICS, {"year": 2025, "network": a.pk})
    assert response.status_code == 200
    assert rows_of(response.content.decode(), "Professionals by network") == {"Physical activity": ["2", "2"]}
    assert f'href="{STATISTICS}"' in coordinator_client.get("/admin/").content.decode()


def test_a_coordinator_cannot_pick_another_network(coordinator_client, year_2025):
    for path in (STATISTICS, PDF, CSV):
        response = coordinator_client.get(path, {"year": 2025, "network": year_2025.networks.b.pk})
        assert response.status_code == 400
        html = response.content.decode()
        assert "You can see the statistics of your own networks only." in html
        assert "Directors" not in html


def test_a_coordinators_csv_holds_only_their_networks(coordinator_client, year_2025):
    rows = csv_rows(coordinator_client.get(CSV, {"year": 2025}))
    cells = {cell for row in rows for cell in row}
    assert "Physical activity" in cells
    assert not {"Directors", "Oral health", "Newsletter"} & cells


# --- Downloads --------------------------------------------------------------------------------------------------
def test_the_annual_report_pdf_in_the_staff_members_language(client, year_2025):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, preferred_language="sv"))
    response = client.get(PDF, {"year": 2025})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="hyte-statistics-2025-sv.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5000


def test_the_pdf_can_be_asked_for_in_another_language(staff_client, year_2025):
    response = staff_client.get(PDF, {"year": 2025, "language": "fi"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-fi.pdf"')


def test_the_pdf_text_is_in_the_chosen_language(year_2025):
    from django.utils import translation

    from reports.pdf import annual_report_pdf_bytes
    from reports.sections import build_report
    from reports.selectors import networks_for_report
    from tests.reports.test_figures import YEAR

    with translation.override("fi"):
        report = build_report(YEAR, networks_for_report(None))
        assert report.title == "Toimintakertomus 2025"
        assert annual_report_pdf_bytes(report).startswith(b"%PDF-")


def test_the_figures_as_csv(staff_client, year_2025):
    response = staff_client.get(CSV, {"year": 2025})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hyte-statistics-2025.csv"'
    rows = csv_rows(response)
    assert rows[0] == ["Section", "Table", "Row", "Column", "Value"]
    county = "Professionals by wellbeing services county"
    assert ["Reach", county, "City of Helsinki", "Attended", "2"] in rows
    assert ["Reach", "Key figures", "Professionals enrolled", "", "6"] in rows
    assert [
        "The morning meeting series",
        "Morning meetings",
        "28 Jan 2025",
        "Topic",
        "Promoting physical activity",
    ] in rows
    assert ["Events", "Events and attendance by kind", "Morning meeting", "Attendance rate", "66.7"] in rows


def test_a_cell_a_member_typed_is_not_a_formula_in_the_csv(staff_client, year_2025):
    hostile = EventFactory(kind="morning_meeting", title_en="=HYPERLINK(1)", start=at("2025-11-25 08:15"),
                           end=at("2025-11-25 09:00"))  # fmt: skip
    EnrollmentFactory(event=hostile)
    rows = csv_rows(staff_client.get(CSV, {"year": 2025}))
    assert "'=HYPERLINK(1)" in {cell for row in rows for cell in row}


# --- Queries ----------------------------------------------------------------------------------------------------
def add_activity(size: int):
    """`size` more professionals, events, enrolments and memberships in 2025."""
    network = NetworkFactory()
    for number in range(size):
        month = f"2025-{number % 12 + 1:02d}"
        event = EventFactory(
            kind="development_workshop" if number % 2 else "morning_meeting",
            network=network if number % 3 else None,
            start=at(f"{month}-10"),
            end=at(f"{month}-11"),
        )
        for _ in range(3):
            EnrollmentFactory(event=event, attended=bool(number % 2))


QUERY_BUDGET = 30  # the figures take 15 aggregate queries; the rest are the session, the user and the admin's


@pytest.mark.parametrize("size", [2, 12])
def test_the_page_runs_the_same_queries_whatever_the_data(staff_client, year_2025, size):
    staff_client.get(STATISTICS, {"year": 2025})  # the session settles on the first request
    before = count_queries(staff_client, STATISTICS, {"year": 2025})
    add_activity(size)
    assert count_queries(staff_client, STATISTICS, {"year": 2025}) == before <= QUERY_BUDGET


def test_the_downloads_run_the_same_queries_whatever_the_data(staff_client, year_2025):
    counts = []
    for size in (0, 10):
        add_activity(size)
        with CaptureQueriesContext(connection) as queries:
            staff_client.get(PDF, {"year": 2025})
            staff_client.get(CSV, {"year": 2025})
        counts.append(len(queries))
    assert counts[0] == counts[1]
