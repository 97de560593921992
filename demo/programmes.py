"""Programmes of the demo workshops and director meetings (data/programmes.toml), added to each matching event
that has no programme yet (so a second run, or a programme staff wrote, is left alone)."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from events.models import Event, ProgrammeItem

from .loading import read_data, report, translated

HELSINKI = ZoneInfo("Europe/Helsinki")


def seed(stdout) -> None:
    data = read_data("programmes")
    created = total = 0
    for programme in data["programmes"]:
        events = Event.objects.filter(slug__startswith=programme["slug_prefix"]).prefetch_related("programme")
        for event in events:
            total += 1
            if event.programme.all():
                continue
            day = timezone.localtime(event.start, HELSINKI).date()
            for item in programme["items"]:
                ProgrammeItem.objects.create(
                    event=event,
                    start=dt.datetime.combine(day, item["start"], tzinfo=HELSINKI),
                    end=dt.datetime.combine(day, item["end"], tzinfo=HELSINKI),
                    speaker=item.get("speaker", ""),
                    **translated("title", item["title"]),
                    **translated("description", item.get("description", {})),
                )
            created += 1
    report(stdout, "event programmes", created=created, total=total)
