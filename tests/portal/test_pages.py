import re

import pytest
from django.db import DatabaseError, connection

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("fi", "Hyvinvointia ja terveyttä yhdessä edistäen"),
        ("sv", "Vi främjar hälsa och välfärd tillsammans"),
        ("en", "Health and wellbeing promotion together"),
    ],
)
def test_home_page_speaks_the_language_of_its_prefix(client, language, heading):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fi/"


@pytest.mark.parametrize(
    "path",
    [
        "/fi/",
        "/sv/networks/",
        "/en/events/",
        "/fi/materials/",
        "/fi/newsletter/",
        "/fi/accounts/login/",
        "/fi/accounts/signup/",
        "/fi/accounts/password/reset/",
    ],
)
def test_every_page_has_one_h1_landmarks_and_a_skip_link(client, path):
    html = client.get(path).content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<main id="main"' in html and "<header" in html and "<footer" in html and "<nav" in html
    assert 'href="#main"' in html


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    html = client.get("/sv/accounts/login/").content.decode()
    assert 'href="/fi/accounts/login/"' in html
    assert 'href="/en/accounts/login/"' in html
    assert 'href="/sv/accounts/login/" lang="sv" hreflang="sv" aria-current="true"' in html


def test_navigation_names_every_section(client):
    html = client.get("/en/").content.decode()
    for label in ("Networks", "Events", "Materials", "Newsletter", "Log in"):
        assert f">{label}</a>" in html


def test_navigation_offers_my_page_and_log_out_to_a_member(member_client):
    html = member_client.get("/en/").content.decode()
    assert ">My page</a>" in html and "Log out" in html and ">Log in</a>" not in html


def test_static_files_are_served_by_the_project(client):
    html = client.get("/fi/").content.decode()
    assert 'href="/static/css/site.css"' in html
    assert "//cdn" not in html and "https://" not in html.split("<body")[0]


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_healthz_answers_a_probe_on_any_host_over_plain_http(client, settings):
    settings.ALLOWED_HOSTS = ["hyte.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
