"""The demo content of the search issue: materials in Swedish and English, programmes, the archive of last
year's days with their materials, a newsletter issue naming the coming events' dates, and searches that find it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import formats, timezone, translation

from events.models import Event
from materials.models import Material
from newsletter.models import NewsletterIssue
from search.selectors import site_search

pytestmark = pytest.mark.django_db


def test_demo_has_materials_written_in_swedish_and_english(demo):
    languages = set(Material.objects.values_list("language", flat=True))
    assert {"fi", "sv", "en"} <= languages


def test_every_workshop_and_directors_meeting_has_a_programme(demo):
    events = Event.objects.filter(slug__startswith="tyopaja-") | Event.objects.filter(slug__startswith="johtajakokous-")
    assert events.count() == 7
    assert all(event.programme.count() == 4 for event in events)


def test_archive_holds_last_good_spiral_day_and_networking_day_with_materials(demo):
    past = Event.objects.filter(end__lt=timezone.now())
    for prefix in ("hyva-kierre-paiva-", "verkostopaiva-"):
        day = past.get(slug__startswith=prefix)
        assert day.programme.exists()
        assert day.materials.exists()


def test_newsletter_issue_names_the_coming_good_spiral_day(demo):
    issue = NewsletterIssue.objects.get(subject_en="Good Spiral newsletter: coming events")
    coming = Event.objects.filter(slug__startswith="hyva-kierre-paiva-", start__gte=timezone.now()).get()
    with translation.override("fi"):
        day = formats.date_format(timezone.localdate(coming.start), "DATE_FORMAT")
    assert day in issue.body_fi


@pytest.mark.voikko
@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fi", "kaatuminen", "Hyvinvointifaktoja uusmaalaisista ikäihmisistä"),
        ("sv", "rökning", "Rökning och nikotin: stöd för att sluta i primärvården"),
        ("en", "falls", "Preventing falls among older people: a checklist for professionals"),
        ("fi", "nuoret", "Hyvinvointifaktoja uusmaalaisista nuorista"),
    ],
)
def test_demo_searches_find_the_materials_a_new_user_would_look_for(demo, language, text, expected):
    with translation.override(language):
        titles = {hit.row.title for hit in site_search(AnonymousUser(), text).materials.hits}
    assert expected in titles
