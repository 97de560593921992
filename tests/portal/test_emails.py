import pytest
from django.core import mail

from hyte_portal.emails import Attachment, render_email, send_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def email_templates(settings, tmp_path):
    (tmp_path / "greeting_subject.txt").write_text("{% load i18n %}{% translate 'Log in' %}\n")
    (tmp_path / "greeting.txt").write_text(
        "{% extends 'emails/base.txt' %}{% block content %}Hei {{ name }}{% endblock %}"
    )
    (tmp_path / "greeting.html").write_text(
        "{% extends 'emails/base.html' %}{% block content %}<p>Hei {{ name }}</p>{% endblock %}"
    )
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    settings.TEMPLATES = [engine]  # assigning (not mutating) resets the template engines
    return "greeting"


def test_message_is_rendered_in_the_recipients_language_with_the_sites_headers(email_templates):
    message = render_email(template=email_templates, to="a@example.org", language="sv", context={"name": "Aino"})
    assert message.subject == "Logga in"
    assert "Hei Aino" in message.body and "http://127.0.0.1:8000/sv/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and '<html lang="sv">' in html and "HYTE-portalen" in html
    assert message.from_email == "HYTE <hyte@example.org>"
    assert message.reply_to == ["hyte@example.org"]
    assert message.extra_headers["Date"] and message.extra_headers["Content-Language"] == "sv"


def test_send_email_attaches_a_calendar_file(email_templates):
    send_email(
        template=email_templates,
        to="a@example.org",
        language="fi",
        context={"name": "Aino"},
        attachments=[Attachment("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")],
    )
    [sent] = mail.outbox
    assert sent.subject == "Kirjaudu sisään"
    assert sent.attachments[0][0] == "event.ics"
