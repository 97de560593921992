import pytest

from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "heading"), [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"),
                                                   ("en", "Page not found")])  # fmt: skip
def test_a_missing_page_is_explained_in_the_visitors_language(client, language, heading):
    response = client.get(f"/{language}/events/no-such-event/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html and f'<html lang="{language}">' in html


def test_a_forbidden_page_is_explained_in_the_site_frame(member_client):
    response = member_client.get("/en/hyte/assessments/answers.csv")  # for staff only
    assert response.status_code == 403
    assert "<h1>" in response.content.decode()


def test_the_server_error_page_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "<h1>" in html and "/static/css/site.css" in html


def test_a_members_only_event_is_simply_not_found_for_outsiders(client):
    # A visitor who is not logged in is asked to log in instead (issue 11: an invited director follows a link).
    event = EventFactory(network=NetworkFactory(), audience="network_members")
    client.force_login(UserFactory())
    assert client.get(f"/en/events/{event.slug}/").status_code == 404
