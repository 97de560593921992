"""Benchmark (not a timed test): searching the material bank with 10,000 materials on PostgreSQL.

Run with `DATABASE_URL=postgres://... make bench`; prints the timings of the lemma search (search/query.py) as
the bank's page runs it (one page of 20 and the count), with the GIN index of migration 0004 in place (this module
builds the test database with migrations), and of the site search page /fi/search/. The goal is a median under
50 ms for each search; it is reported, not asserted. The only assertions are that the search finds what it
should and uses the index. A word found in most materials shows "500 found": search.query.MAX_MATCHES caps the
matches ranked and counted (the bank's page says "500 or more").
"""

import random
import statistics
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.test import Client

from materials import search
from materials.models import Material
from materials.selectors import search_materials
from search.documents import rebuild

MATERIALS = 10_000
ROUNDS = 25

FI = "hyvinvointi terveys opas nuoret ikäihmiset liikunta ravitsemus uni mielenterveys päihteet lapsiperheet".split()
SV = "välfärd hälsa guide unga äldre motion kost sömn psykisk rusmedel barnfamiljer".split()
EN = "wellbeing health guide youth older exercise nutrition sleep mental substances families".split()
FALLS = ("Kaatumisten ehkäisy", "Att förebygga fall", "Preventing falls")


@pytest.fixture(scope="session")
def django_db_use_migrations():
    """Build the benchmark database with migrations, so that the search index exists as in production."""
    return True


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize()


def make_bank():
    rng = random.Random(2026)
    materials = []
    for number in range(MATERIALS):
        falls = number % 100 == 0
        titles = [f"{sentence(rng, words, 4)} {number}" for words in (FI, SV, EN)]
        if falls:
            titles = [f"{fall} {title}" for fall, title in zip(FALLS, titles, strict=True)]
        materials.append(
            Material(
                title=titles[0],
                title_fi=titles[0],
                title_sv=titles[1],
                title_en=titles[2],
                description_fi=sentence(rng, FI, 30),
                description_sv=sentence(rng, SV, 30),
                description_en=sentence(rng, EN, 30),
                url=f"https://example.org/material/{number}",
                kind=rng.choice(Material.Kind.values),
                year=rng.randint(2015, 2026),
                visibility=Material.Visibility.MEMBERS if number % 5 == 1 else Material.Visibility.PUBLIC,
            )
        )
    Material.objects.bulk_create(materials, batch_size=1000)
    rebuild(Material)  # bulk_create skips the save signal that writes the lemmas
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE materials_material")


def timed(function):
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def page_of(queryset):
    page = Paginator(queryset, 20).get_page(1)
    return page.paginator.count, list(page.object_list)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark needs DATABASE_URL=postgres://...")
def test_search_over_ten_thousand_materials():
    make_bank()
    visitor = AnonymousUser()
    print(f"\nMaterial bank search, {Material.objects.count()} materials, {ROUNDS} rounds, median / p95 in ms")
    cases = [
        ("kaatumis (1 % match, prefix)", "kaatumis"),
        ("kaatuminen (1 % match, lemma)", "kaatuminen"),
        ("ehkäisyn (lemmatised)", "ehkäisyn"),
        ("nuorten (lemma of a common word)", "nuorten"),
        ("falls (English)", "falls"),
        ("hyvinvointi opas (common words)", "hyvinvointi opas"),
        ("no match", "zzzzyx"),
        ("hostile input", "'&|!():* kaatumis:*"),
    ]
    for label, text in cases:
        count, _rows = page_of(search_materials(visitor, text=text))
        median, p95 = timed(lambda text=text: page_of(search_materials(visitor, text=text)))
        print(f"  full-text  {label:34} {count:6} found  {median:7.1f} / {p95:7.1f}")
        if text in ("kaatumis", "kaatuminen"):
            assert count == MATERIALS // 100  # every hundredth material is about falls

    plain = Material.objects.filter(Q(title_fi__icontains="kaatumis") | Q(description_fi__icontains="kaatumis"))
    median, p95 = timed(lambda: page_of(plain))
    print(f"  for comparison, icontains over two columns (no index):      {median:7.1f} / {p95:7.1f}")

    median, p95 = timed(lambda: page_of(search_materials(visitor, kind="guide", year=2021)))
    print(f"  filters only (kind and year), no words:                    {median:7.1f} / {p95:7.1f}")

    client = Client()
    median, p95 = timed(lambda: client.get("/fi/materials/"))
    print(f"  the whole page /fi/materials/ (first page, no search):     {median:7.1f} / {p95:7.1f}")
    median, p95 = timed(lambda: client.get("/fi/materials/", {"q": "kaatumis"}))
    print(f"  the whole page /fi/materials/?q=kaatumis:                  {median:7.1f} / {p95:7.1f}")

    median, p95 = timed(lambda: client.get("/fi/search/", {"q": "kaatuminen"}))
    print(f"  the site search /fi/search/?q=kaatuminen:                  {median:7.1f} / {p95:7.1f}")

    plan = search.search(Material.objects.all(), "kaatumis").explain(analyze=True)
    print("  plan: " + "\n        ".join(line for line in plan.splitlines() if "Scan" in line or "Execution" in line))
    assert "materials_material_search_idx" in plan
