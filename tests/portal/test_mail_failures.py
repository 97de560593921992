"""A mail server that is down never turns a committed action into an error page (the embedded default runs
the e-mail tasks inline, inside the request)."""

import pytest

from networks.models import Membership
from newsletter.models import Subscriber
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens on 1


def test_subscribing_while_the_mail_server_is_down_still_answers(client, mail_server_down):
    response = client.post("/en/newsletter/", {"email": "reader@example.org"})
    assert response.status_code in (200, 302)
    assert Subscriber.objects.filter(email="reader@example.org").exists()


def test_asking_to_join_while_the_mail_server_is_down_still_answers(member_client, mail_server_down):
    network = NetworkFactory(join_policy="approval")
    response = member_client.post(f"/en/networks/{network.slug}/join/")
    assert response.status_code == 302
    assert Membership.objects.get(network=network).status == Membership.Status.PENDING
