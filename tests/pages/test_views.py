"""The four pages open in each language with their own titles, and every page's footer links to them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import ContentPage
from tests.factories import UserFactory
from tests.pages.factories import FeedbackFactory

pytestmark = pytest.mark.django_db

TITLES = {
    "privacy": {"fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning", "en": "Privacy notice"},
    "accessibility": {"fi": "Saavutettavuusseloste", "sv": "Tillgänglighetsutlåtande", "en": "Accessibility statement"},
    "contact": {"fi": "Yhteystiedot ja palaute", "sv": "Kontakt och respons", "en": "Contact and feedback"},
    "about": {"fi": "Tietoa portaalista", "sv": "Om portalen", "en": "About the portal"},
}
FOOTER_PATHS = ["privacy", "accessibility", "contact", "about"]


def headings(html: str) -> list[str]:
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("kind", list(TITLES))
def test_each_page_opens_in_each_language_with_its_own_title(client, kind, language):
    response = client.get(f"/{language}/{kind}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert headings(html) == [TITLES[kind][language]]
    assert f"<title>{TITLES[kind][language]} |" in html
    assert f'<html lang="{language}">' in html


def footer(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.parametrize("path", ["/fi/", "/sv/events/", "/en/networks/", "/en/accounts/login/", "/fi/about/"])
def test_the_footer_links_the_four_pages_in_the_pages_language(client, path):
    language = path[1:3]
    html = footer(client.get(path).content.decode())
    for kind in FOOTER_PATHS:
        assert f'href="/{language}/{kind}/"' in html


def test_the_footer_marks_the_page_being_read(client):
    html = footer(client.get("/en/accessibility/").content.decode())
    assert '<a href="/en/accessibility/" aria-current="page">' in html
    assert '<a href="/en/privacy/">' in html


def test_the_footer_is_on_a_page_that_is_not_found_too(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert 'href="/en/privacy/"' in footer(response.content.decode())


def test_the_privacy_notice_says_what_is_kept_how_long_and_links_to_my_page(client):
    html = client.get("/en/privacy/").content.decode()
    for kept in ("Account and profile", "Network memberships", "Enrolments", "Attendance and certificates",
                 "Newsletter subscription", "Audit trail"):  # fmt: skip
        assert kept in html
    assert "erased 30 days after the event ends" in html
    assert "removed after 7 days" in html
    assert 'href="/en/me/"' in html
    assert 'href="mailto:tietosuoja@example.org"' in html


def test_the_accessibility_statement_has_the_supervisory_authoritys_parts(client):
    html = client.get("/sv/accessibility/").content.decode()
    for heading in ("Utlåtandets omfattning", "Överensstämmelse med kraven", "Kända brister",
                    "Hur tillgängligheten bedömdes", "Respons om tillgängligheten", "Tillsynsmyndighet"):  # fmt: skip
        assert f">{heading}</h2>" in html
    assert "uppfyller delvis" in html
    assert 'href="mailto:saavutettavuus@avi.fi"' in html
    assert "0295 016 000" in html
    assert "inom 14 dagar" in html
    assert 'href="/sv/contact/?topic=accessibility#feedback-heading"' in html


def test_the_contact_page_shows_the_units_address_and_the_form(client):
    html = client.get("/fi/contact/").content.decode()
    assert 'href="mailto:hyte@example.org"' in html
    assert '<form method="post" action="/fi/contact/"' in html


def test_staff_written_markup_is_sanitised(client, content_pages):
    page = content_pages["about"]
    page.body_en = '## Hello\n\n<script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    page.save()
    html = client.get("/en/about/").content.decode()
    assert "<h2>Hello</h2>" in html
    assert "<script>alert(1)" not in html and "javascript:" not in html


def test_a_missing_translation_falls_back_to_finnish(client, content_pages):
    page = content_pages["about"]
    page.title_sv = ""
    page.save()
    assert headings(client.get("/sv/about/").content.decode()) == ["Tietoa portaalista"]


def test_a_page_that_has_not_been_created_is_not_found(client, content_pages):
    ContentPage.objects.filter(kind="about").delete()
    assert client.get("/en/about/").status_code == 404


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [2, 25])
@pytest.mark.parametrize("kind", list(TITLES))
def test_a_page_runs_a_fixed_number_of_queries(client, kind, size, django_assert_max_num_queries):
    FeedbackFactory.create_batch(size)
    UserFactory.create_batch(size)
    with django_assert_max_num_queries(1):
        client.get(f"/en/{kind}/")
    client.force_login(UserFactory())
    with django_assert_max_num_queries(3):
        client.get(f"/en/{kind}/")


def test_small_and_large_portals_run_the_same_queries_on_the_pages(client):
    client.force_login(UserFactory())
    small = [count_queries(client, f"/en/{kind}/") for kind in TITLES]
    FeedbackFactory.create_batch(20)
    assert [count_queries(client, f"/en/{kind}/") for kind in TITLES] == small


@pytest.mark.parametrize(
    "language, eligibility",
    [
        ("fi", "HUS-alueella (Helsinki ja Uusimaa) tai Eksotessa"),
        ("sv", "inom HUS-området (Helsingfors och Nyland) eller vid Eksote"),
        ("en", "in the HUS area (Helsinki and Uusimaa) or at Eksote"),
    ],
)
def test_about_page_tells_who_may_take_part_in_the_developer_coaching(client, language, eligibility):
    html = client.get(f"/{language}/about/").content.decode()
    assert eligibility in html
    assert f'href="/{language}/events/?kind=coaching_session"' in html
