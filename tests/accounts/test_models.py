import pytest
from django.db import IntegrityError, transaction

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_users_log_in_by_email_and_have_no_username():
    user = User.objects.create_user("Someone@Example.org", "a-long-password")
    assert user.email == "someone@example.org"
    assert not hasattr(user, "username") or user.username is None
    assert User.USERNAME_FIELD == "email"


def test_email_is_unique_whatever_its_case():
    User.objects.create(email="one@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="ONE@example.org")


def test_create_superuser_is_staff():
    admin = User.objects.create_superuser("admin@example.org", "a-long-password")
    assert admin.is_staff and admin.is_superuser
