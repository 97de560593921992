"""The one reading of the visitor's address (hyte_portal.client_address) that every rate limit uses."""

import pytest
from django.test import RequestFactory

from accounts.adapter import AccountAdapter
from hyte_portal.client_address import client_ip
from pages.models import Feedback

CHAIN = "203.0.113.9, 198.51.100.7"  # forged by the client, then written by our proxy


def request(remote_addr="10.0.0.1", forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_with_no_trusted_proxy_the_connecting_address_is_the_visitor(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request(forwarded=CHAIN)) == "10.0.0.1"


def test_with_one_trusted_proxy_the_address_it_wrote_is_the_visitor(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded=CHAIN)) == "198.51.100.7"


def test_with_two_trusted_proxies_the_second_entry_from_the_right_is_the_visitor(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded="192.0.2.1, 203.0.113.9, 10.0.0.2")) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", [None, "", " , ", "not-an-address", "203.0.113.9\x00"])
def test_a_missing_or_forged_header_falls_back_to_the_connecting_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded=forwarded)) == "10.0.0.1"


def test_a_header_shorter_than_the_proxy_chain_is_not_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request(forwarded="203.0.113.9")) == "10.0.0.1"


def test_an_ipv6_address_is_read_too(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request(forwarded="2001:db8::1")) == "2001:db8::1"


def test_allauths_rate_limits_read_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert AccountAdapter().get_client_ip(request(forwarded=CHAIN)) == "198.51.100.7"


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_their_own_feedback_limit(client, settings):
    from tests.pages.test_feedback import VALID

    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        client.post("/en/contact/", VALID, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert client.post("/en/contact/", VALID, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy).status_code == 429
    assert client.post("/en/contact/", VALID, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 302
    # A visitor cannot escape the limit by writing another address in front of ours.
    forged = "192.0.2.55, 203.0.113.9"
    assert client.post("/en/contact/", VALID, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == 429
    assert Feedback.objects.count() == 6


@pytest.mark.django_db
def test_the_newsletter_sign_up_limit_is_per_visitor_behind_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(20):
        client.post("/en/newsletter/", {"email": f"r{number}@example.org"}, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    limited = client.post("/en/newsletter/", {"email": "late@example.org"}, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    other = client.post("/en/newsletter/", {"email": "other@example.org"}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (limited.status_code, other.status_code) == (429, 302)
