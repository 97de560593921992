"""A search matching very many rows ranks and lists only the first MAX_MATCHES in the list's order, and says so.

Under the cap the result is the whole match, ranked (tests/search/test_relevance.py); these tests lower the cap to
three to show what happens above it without creating hundreds of rows."""

import pytest
from django.contrib.auth.models import AnonymousUser

from materials.models import Material
from materials.selectors import search_materials
from search import query
from search.selectors import site_search
from tests.materials.factories import MaterialFactory

pytestmark = [pytest.mark.voikko, pytest.mark.django_db]


@pytest.fixture
def cap_of_three(monkeypatch):
    monkeypatch.setattr(query, "MAX_MATCHES", 3)


@pytest.fixture
def bank():
    """Five materials about sleep: the oldest has it in its title, the newer ones in their descriptions."""
    MaterialFactory(title_fi="Uni ja hyvinvointi", description_fi="", year=2015)
    for year in (2022, 2023, 2024, 2025):
        MaterialFactory(title_fi=f"Vuosikatsaus {year}", description_fi="Unen merkitys.", year=year)


def titles(text):
    return [material.title_fi for material in search_materials(AnonymousUser(), text=text)]


def test_under_the_cap_every_match_is_listed_title_matches_first(bank):
    assert titles("uni") == [
        "Uni ja hyvinvointi",
        "Vuosikatsaus 2025",
        "Vuosikatsaus 2024",
        "Vuosikatsaus 2023",
        "Vuosikatsaus 2022",
    ]


def test_over_the_cap_only_the_first_matches_in_the_lists_order_are_ranked(bank, cap_of_three):
    MaterialFactory(title_fi="Unen opas", description_fi="", year=2023)
    # The first three in the bank's order (newest year first) are 2025, 2024 and the guide of 2023 (created
    # after the 2023 review); the guide's title match ranks it first, the 2015 title match is past the cap.
    assert titles("uni") == ["Unen opas", "Vuosikatsaus 2025", "Vuosikatsaus 2024"]


def test_the_bank_page_says_the_list_stops_at_the_cap(client, bank, cap_of_three):
    html = client.get("/en/materials/", {"q": "uni"}).content.decode()
    assert "3 or more materials found. Only the first 3 in the list's order are shown" in html
    assert "5 materials found" not in html


def test_the_bank_page_gives_the_exact_count_under_the_cap(client, bank):
    html = client.get("/en/materials/", {"q": "uni"}).content.decode()
    assert "5 materials found." in html
    assert "or more" not in html


def test_the_search_page_marks_a_capped_group_total(client, bank, cap_of_three):
    html = client.get("/en/search/", {"q": "uni"}).content.decode()
    assert 'Materials <span class="search-count">(3+)</span>' in html
    assert "3 or more results found." in html
    results = site_search(AnonymousUser(), "uni")
    assert results.materials.capped and not results.events.capped
    assert Material.objects.count() == 5
