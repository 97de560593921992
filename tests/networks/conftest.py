import pytest


@pytest.fixture
def staff_client(client, db):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.user = admin
    return client
