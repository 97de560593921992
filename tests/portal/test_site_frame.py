"""The frame every page shares: language links with hreflang alternates, the favicon, the meta description, the
design system's stylesheet and script, and no inline style or script (CSP)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_language_version_is_linked_with_hreflang_and_an_x_default(client):
    html = client.get("/sv/events/?kind=seminar").content.decode()
    for code in ("fi", "sv", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/events/?kind=seminar">' in html
        assert f'<a href="/{code}/events/?kind=seminar" lang="{code}" hreflang="{code}"' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/fi/events/?kind=seminar">' in html


def test_a_form_shown_again_after_a_post_links_its_own_page_when_that_page_answers_get(client):
    html = client.post("/en/accounts/signup/", {"email": "x"}).content.decode()
    assert '<a href="/fi/accounts/signup/" lang="fi" hreflang="fi">' in html


def test_pages_carry_a_favicon_a_meta_description_and_no_inline_style_or_script(client):
    html = client.get("/fi/").content.decode()
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert re.search(r'<meta name="description" content="Perusterveydenhuollon yksikön HYTE-portaali: [^"]+">', html)
    assert '<script src="/static/js/site.js" defer></script>' in html
    assert " style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []


def test_favicon_ico_is_answered(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.ico")
