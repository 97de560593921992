"""Relevance of the site search: base forms find inflected texts and back, compounds by their parts, Swedish and
English by their stems. Every pair must pass; with Voikko missing these tests skip (and under CI fail the run)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from search.selectors import site_search
from tests.events.factories import EventFactory
from tests.materials.factories import MaterialFactory
from tests.networks.factories import NetworkFactory

pytestmark = [pytest.mark.voikko, pytest.mark.django_db]

FALLS = "Kaatumisten ehkäisy kotona"
TOBACCO = "Tupakkavalmisteet ja nuoret"
OBESITY = "Lasten lihavuuden hoito"
MENTAL = "Mielenterveyden edistäminen työpaikoilla"
LONELY = "Ikäihmisten yksinäisyys"
SLEEP = "Unen merkitys hyvinvoinnille"
WORKSHOP = "Liikkumisen edistämisen työpajat"
SUBSTANCES = "Päihteettömyyden edistäminen"
WEIGHT = "Lihavuus ja liikunta"


@pytest.fixture
def corpus():
    material = MaterialFactory
    material(
        title_fi=FALLS,
        title_sv="Att förebygga fall i hemmet",
        title_en="Preventing falls at home",
        description_fi="Kaatumisvaaran arviointi ja liikuntaharjoitukset ikäihmisille.",
    )
    material(
        title_fi=TOBACCO,
        title_sv="Tobaksprodukter och unga",
        title_en="Tobacco products and young people",
        description_fi="Nuorten tupakoinnin ja nuuskan käytön ehkäisy.",
        description_sv="Hur man förebygger rökning och snusande bland unga.",
        description_en="How to prevent smoking and snus use among the young.",
    )
    material(
        title_fi=OBESITY,
        title_sv="Behandling av fetma hos barn",
        title_en="Treating obesity in children",
        description_fi="Opas perheille painonhallintaan ja ravitsemukseen.",
    )
    material(
        title_fi=MENTAL,
        title_sv="Främjande av psykisk hälsa på arbetsplatser",
        title_en="Promoting mental health at workplaces",
    )
    material(
        title_fi=LONELY,
        title_sv="Ensamhet bland äldre",
        title_en="Loneliness among older people",
        description_fi="Keinoja yksinäisten vanhusten tukemiseen.",
    )
    material(
        title_fi=SLEEP,
        title_sv="Sömnens betydelse för välbefinnandet",
        title_en="Why sleep matters for wellbeing",
        description_fi="Liitteenä unen itsearviointilomake.",
    )
    material(title_fi=WEIGHT, title_sv="Fetma och motion", title_en="Obesity and exercise")
    EventFactory(
        title_fi=WORKSHOP,
        title_sv="Verkstäder om att främja fysisk aktivitet",
        title_en="Workshops on promoting physical activity",
        summary_fi="Kuntien liikuntatoimen ja sosiaali- ja terveystoimen yhteinen työpaja.",
    )
    NetworkFactory(
        name_fi=SUBSTANCES,
        name_sv="Främjande av drogfrihet",
        name_en="Promoting a life free of substances",
        focus_areas_fi="alkoholi\nhuumeet\nrahapelit",
    )


def found(text) -> set[str]:
    results = site_search(AnonymousUser(), text)
    groups = (results.events, results.networks, results.materials)
    # The Finnish title of each hit, whatever the active language (the hit's row has every language).
    return {
        getattr(hit.row, "title_fi", None) or getattr(hit.row, "name_fi", "") for group in groups for hit in group.hits
    }


PAIRS = [
    # Finnish: base form against an inflected text
    ("kaatuminen", FALLS),
    ("kaatumiset", FALLS),
    ("kaatumisen", FALLS),
    ("nuoret", TOBACCO),
    ("lihavuus", OBESITY),
    ("lapsi", OBESITY),
    ("ikäihminen", LONELY),
    ("yksinäinen", LONELY),
    ("vanhus", LONELY),
    ("uni", SLEEP),
    ("hyvinvointi", SLEEP),
    ("liikkuminen", WORKSHOP),
    ("päihteettömyys", SUBSTANCES),
    # Finnish: an inflected search against a base form in the text
    ("nuorten", TOBACCO),
    ("lihavuuden", WEIGHT),
    ("alkoholin", SUBSTANCES),
    ("työpajoissa", WORKSHOP),
    ("mielenterveydestä", MENTAL),
    # Finnish compounds: a part finds the compound
    ("tupakka", TOBACCO),
    ("valmiste", TOBACCO),
    ("terveys", MENTAL),
    ("työpaikka", MENTAL),
    ("vaara", FALLS),
    ("ihminen", LONELY),
    ("itsearviointi", SLEEP),  # the start of a compound that Voikko splits otherwise (itse + arvioida + lomake)
    # Swedish
    ("rökning", TOBACCO),
    ("fallen", FALLS),
    ("barnen", OBESITY),
    ("arbetsplats", MENTAL),
    ("ensamheten", LONELY),
    ("sömn", SLEEP),
    ("aktiviteter", WORKSHOP),
    # English
    ("fall", FALLS),
    ("obese", OBESITY),
    ("treat", OBESITY),
    ("workplace", MENTAL),
    ("sleeping", SLEEP),
    ("smoke", TOBACCO),
    ("substance", SUBSTANCES),
    # Several words: each must match
    ("lasten lihavuus", OBESITY),
    ("nuorten tupakointi", TOBACCO),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_search_finds_the_expected_row(corpus, text, expected):
    assert expected in found(text)


def test_there_are_at_least_thirty_pairs_in_three_languages():
    assert len(PAIRS) >= 30


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("tupakka", FALLS),
        ("kaatuminen", TOBACCO),
        ("lasten tupakka", OBESITY),  # every word must match, not any
        ("rökning", SLEEP),
    ],
)
def test_search_does_not_find_unrelated_rows(corpus, text, unexpected):
    assert unexpected not in found(text)


def test_title_matches_rank_before_text_matches(corpus):
    MaterialFactory(title_fi="Muistilista", description_fi="Mainitsee myös kaatumiset.")
    titles = [hit.row.title_fi for hit in site_search(AnonymousUser(), "kaatuminen").materials.hits]
    assert titles == [FALLS, "Muistilista"]
