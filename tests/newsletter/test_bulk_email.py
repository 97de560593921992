"""A bulk message's personal copies: plain addresses go out as they are, any other as Django would encode it."""

import pytest
from django.core.mail.message import sanitize_address

from newsletter.bulk_email import envelope_address


def test_a_plain_address_is_used_as_it_is():
    assert envelope_address("lukija.nieminen+hyte@example.org") == "lukija.nieminen+hyte@example.org"


def test_an_international_domain_is_encoded_as_django_encodes_it():
    assert envelope_address("lukija@hyvinvointiä.fi") == sanitize_address(("", "lukija@hyvinvointiä.fi"), "utf-8")
    assert envelope_address("lukija@hyvinvointiä.fi") == "lukija@xn--hyvinvointi-v8a.fi"


def test_an_address_with_a_line_break_is_refused_as_django_refuses_it():
    with pytest.raises(ValueError):
        envelope_address("lukija@example.org\r\nBcc: other@example.org")
