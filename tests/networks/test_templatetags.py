"""Links to events and materials, whose pages land from other apps one by one."""

import pytest
from django.urls import NoReverseMatch

from networks.templatetags.networks_tags import material_url, page_url
from tests.materials.factories import MaterialFactory


class PageWithoutRoute:
    def get_absolute_url(self):
        raise NoReverseMatch("events:detail is not there yet")


class PageWithRoute:
    def get_absolute_url(self):
        return "/fi/events/morning-meeting/"


def test_page_url_is_the_objects_page_when_it_exists():
    assert page_url(PageWithRoute()) == "/fi/events/morning-meeting/"


def test_page_url_is_empty_while_the_page_does_not_exist_so_the_title_shows_without_a_link():
    assert page_url(PageWithoutRoute()) == ""


@pytest.mark.django_db
def test_material_url_falls_back_to_the_external_address():
    material = MaterialFactory(url="https://example.org/guide.pdf")
    assert material_url(material) in ("https://example.org/guide.pdf", f"/fi/materials/{material.pk}/download/")
