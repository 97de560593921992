"""The feedback form: a message is stored and staff are e-mailed after the commit; bots, floods and junk get
nowhere, and nothing a visitor sends turns into a server error."""

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pages import services
from pages.models import Feedback
from tests.factories import UserFactory
from tests.pages.factories import FeedbackFactory

URL = "/en/contact/"
VALID = {"topic": "accessibility", "message": "The event calendar cannot be used with the keyboard."}


@pytest.mark.django_db(transaction=True)  # the e-mail to staff is queued on commit
def test_a_message_is_stored_and_staff_are_emailed_in_finnish(client, settings):
    settings.FEEDBACK_EMAIL = "palaute@example.org"
    response = client.post(
        "/sv/contact/",
        {**VALID, "name": "Riitta Lukija", "email": "reader@example.org", "wants_reply": "on", "page": "/sv/events/"},
    )
    assert response.status_code == 302 and response["Location"] == "/sv/contact/thanks/"
    feedback = Feedback.objects.get()
    assert (feedback.topic, feedback.language, feedback.email, feedback.wants_reply, feedback.page) == (
        "accessibility", "sv", "reader@example.org", True, "/sv/events/",
    )  # fmt: skip
    assert feedback.mailed_at is not None
    [message] = mail.outbox
    assert message.to == ["palaute@example.org"]
    assert message.subject == "Palaute HYTE-portaalista: Portaalin saavutettavuus"
    assert message.extra_headers["Reply-To"] == "reader@example.org"
    assert "The event calendar cannot be used with the keyboard." in message.body
    assert "Riitta Lukija <reader@example.org>" in message.body
    assert f"/admin/pages/feedback/{feedback.pk}/change/" in message.body
    html = message.alternatives[0][0]
    assert "The event calendar cannot be used with the keyboard." in html


@pytest.mark.django_db(transaction=True)
def test_the_staff_address_defaults_to_the_reply_to_address(client, settings):
    client.post(URL, VALID)
    [message] = mail.outbox
    assert message.to == [settings.EMAIL_REPLY_TO]
    assert "Reply-To" not in message.extra_headers  # nobody asked for an answer


@pytest.mark.django_db(transaction=True)
def test_a_message_with_markup_reaches_staff_as_plain_text(client):
    client.post(URL, {**VALID, "message": "<b>bold</b> & 'quoted'"})
    [message] = mail.outbox
    assert "<b>bold</b> & 'quoted'" in message.body
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in message.alternatives[0][0]


@pytest.mark.django_db(transaction=True)
def test_the_thanks_page_opens_after_sending(client):
    response = client.post("/fi/contact/", VALID, follow=True)
    assert "Kiitos palautteestasi" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_is_down_does_not_lose_the_message(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens on 1
    response = client.post(URL, VALID)
    assert response.status_code == 302
    assert Feedback.objects.get().mailed_at is None


@pytest.mark.django_db
def test_staff_are_emailed_once_however_often_the_task_runs():
    feedback = FeedbackFactory()
    assert services.send_feedback_to_staff(feedback_id=feedback.pk) is True
    assert services.send_feedback_to_staff(feedback_id=feedback.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_answer_needs_an_address(client):
    response = client.post(URL, {**VALID, "wants_reply": "on"})
    assert response.status_code == 400
    assert "Give your e-mail address so that we can answer you." in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_the_accessibility_statements_link_preselects_the_topic(client):
    html = client.get("/en/contact/?topic=accessibility&page=/en/events/").content.decode()
    assert '<option value="accessibility" selected>' in html
    assert 'name="page" value="/en/events/"' in html


@pytest.mark.django_db
def test_a_members_name_and_address_are_filled_in(client):
    client.force_login(UserFactory(first_name="Aino", last_name="Esimerkki", email="aino@example.org"))
    html = client.get(URL).content.decode()
    assert 'name="name" value="Aino Esimerkki"' in html
    assert 'name="email" value="aino@example.org"' in html


@pytest.mark.django_db
def test_a_junk_topic_in_the_link_is_ignored(client):
    response = client.get("/en/contact/?topic=%00&page=%00")
    assert response.status_code == 200
    assert '<option value="other" selected>' in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_filled_hidden_field_is_thanked_but_neither_stored_nor_mailed(client):
    response = client.post(URL, {**VALID, "website": "https://spam.example/"})
    assert response.status_code == 302 and response["Location"] == "/en/contact/thanks/"
    assert not Feedback.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_hidden_field_is_hidden_from_people(client):
    html = client.get(URL).content.decode()
    assert '<span class="honeypot" aria-hidden="true">' in html
    assert 'name="website" tabindex="-1" autocomplete="off"' in html


@pytest.mark.django_db
def test_the_sixth_message_in_ten_minutes_is_refused_with_a_message(client):
    for _ in range(5):
        assert client.post(URL, VALID).status_code == 302
    response = client.post(URL, VALID)
    assert response.status_code == 429
    assert "Please try again in 10 minutes." in response.content.decode()
    assert Feedback.objects.count() == 5


@pytest.mark.django_db
def test_the_limit_is_in_the_pages_language(client):
    for _ in range(5):
        client.post(URL, VALID)
    response = client.post("/fi/contact/", VALID)
    assert "Yritä uudelleen 10 minuutin kuluttua." in response.content.decode()


@pytest.mark.django_db
def test_the_limit_is_per_client_address(client):
    for _ in range(5):
        client.post(URL, VALID, REMOTE_ADDR="192.0.2.1")
    assert client.post(URL, VALID, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(URL, VALID, REMOTE_ADDR="192.0.2.2").status_code == 302


@pytest.mark.django_db
def test_the_limit_opens_again_after_ten_minutes(client, settings):
    # Redis keeps its own clock; the local memory cache expires its entries by the travelled one.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with time_machine.travel("2026-12-01 10:00 +0200", tick=False) as traveller:
        for _ in range(5):
            client.post(URL, VALID)
        assert client.post(URL, VALID).status_code == 429
        traveller.shift(601)
        assert client.post(URL, VALID).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, error",
    [
        ({**VALID, "message": "x" * 1_000_000}, "Ensure this value has at most 5000 characters"),
        ({**VALID, "message": "a\x00b"}, "Null characters are not allowed."),
        ({**VALID, "email": "not-an-address"}, "Enter a valid email address."),
        ({**VALID, "email": "reader@example.org\x00"}, "Null characters are not allowed."),
        ({**VALID, "topic": "\U0001f600"}, "Select a valid choice."),
        ({**VALID, "page": "x" * 501}, "Ensure this value has at most 500 characters"),
        ({**VALID, "name": "\x00"}, "Null characters are not allowed."),
        ({"topic": "other", "message": "   "}, "This field is required."),
        ({}, "This field is required."),
    ],
    ids=[
        "1 MB",
        "NUL in message",
        "bad address",
        "NUL in address",
        "emoji topic",
        "long page",
        "NUL name",
        "blank message",
        "nothing",
    ],  # fmt: skip
)
def test_junk_is_answered_with_a_message_and_nothing_is_stored(client, data, error):
    response = client.post(URL, data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_unicode_of_all_kinds_is_stored_as_written(client):
    message = "Ääkköset, 漢字, עברית, emoji 🙂 and a right-to-left mark \u200f."
    assert client.post(URL, {**VALID, "message": message, "name": "Åsa Öberg"}).status_code == 302
    assert Feedback.objects.get().message == message


FIELDS = ["topic", "message", "page", "name", "email", "wants_reply", "website"]
any_text = st.one_of(
    st.text(max_size=50),
    # long values built from a short random piece: near and far past the 5,000-character limit
    st.builds(lambda piece, times: piece * times, st.text(min_size=1, max_size=4), st.integers(1000, 300_000)),
    st.sampled_from(["\x00", "accessibility", "reader@example.org", "on", "🙂" * 3000]),
)
any_value = st.one_of(any_text, st.lists(any_text, min_size=2, max_size=3))


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.sampled_from(FIELDS), any_value, max_size=len(FIELDS)))
def test_no_input_makes_a_server_error_or_stores_an_invalid_message(client, data):
    cache.clear()  # the rate limit is not what this test is about
    before = Feedback.objects.count()
    response = client.post(URL, data)
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert Feedback.objects.count() == before
    else:
        stored = Feedback.objects.count() - before
        filled_trap = bool(_last(data.get("website", "")).strip())
        assert stored == (0 if filled_trap else 1)
        if stored:
            assert len(Feedback.objects.latest("pk").message) <= 5000


def _last(value):
    return value[-1] if isinstance(value, list) else value
