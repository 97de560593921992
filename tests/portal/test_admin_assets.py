"""The admin, like the site, loads every script from the project itself (no CDN)."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/networks/network/add/",
        "/admin/events/event/add/",
        "/admin/materials/material/add/",
        "/admin/newsletter/newsletterissue/add/",
    ],
)
def test_translation_tabs_load_jquery_ui_from_the_project(staff_client, path):
    html = staff_client.get(path).content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in scripts
    assert "/static/modeltranslation/js/tabbed_translation_fields.js" in scripts
    assert not [src for src in scripts if src.startswith(("//", "http:", "https:"))]
