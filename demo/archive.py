"""Last year's Good Spiral day and networking day in the events archive, with their materials
(data/archive.toml). Events are found by slug and materials by Finnish title: a second run creates nothing."""

import datetime as dt

from django.utils import timezone

from events.models import Event
from materials.models import Material

from .events import _ensure_event
from .loading import read_data, report
from .materials import _create, _theme_networks


def seed(stdout) -> None:
    data = read_data("archive")
    theme_keywords = read_data("materials")["theme_keywords"]
    created = total = 0
    for spec in data["events"]:
        day = _last_past(spec["on"]["month"], spec["on"]["day"])
        created += _ensure_event(spec, day, questions={}) is not None
        event = Event.objects.get(slug=spec["slug"].format(year=day.year))
        for material in spec.get("materials", []):
            total += 1
            material = _with_year(material, day.year)
            if Material.objects.filter(title_fi=material["title"]["fi"]).exists():
                continue
            networks = _theme_networks([theme_keywords[theme] for theme in material["themes"]])
            _create(material, language="fi", networks=networks, events=[event])
            created += 1
    report(stdout, "archived events and their materials", created=created, total=total + len(data["events"]))


def _last_past(month: int, day: int) -> dt.date:
    """The latest such date before today (this year's if already past, else last year's)."""
    today = timezone.localdate()
    candidate = dt.date(today.year, month, day)
    return candidate if candidate < today else dt.date(today.year - 1, month, day)


def _with_year(material: dict, year: int) -> dict:
    return material | {
        "year": year,
        "title": {language: text.format(year=year) for language, text in material["title"].items()},
    }
