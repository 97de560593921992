"""The benchmark data set's seat counters match its enrolments (they go in by COPY, past the services)."""

import pytest

from demo import benchmark_data
from events.models import Event
from events.services.seats import real_counts


@pytest.mark.postgres
@pytest.mark.django_db
def test_generated_events_carry_the_counters_their_confirmed_enrolments_give():
    benchmark_data.generate(scale=0.003, log=lambda *_: None)

    events = list(Event.objects.filter(slug__startswith="bench-event-"))
    assert {event.format for event in events} == set(Event.Format.values)  # every pool rule is exercised
    held = {event.pk: {"confirmed_onsite_count": event.confirmed_onsite_count,
                       "confirmed_online_count": event.confirmed_online_count} for event in events}  # fmt: skip
    counted = {event.pk: real_counts(event) for event in events}
    assert held == counted
    assert sum(sum(counts.values()) for counts in counted.values()) > 0  # not a match of zeros
