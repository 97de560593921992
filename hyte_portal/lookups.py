"""Query conditions that several apps share."""

from django.db.models import Value
from django.db.models.functions import Lower
from django.db.models.lookups import Exact


def email_matches(email: str, field: str = "email") -> Exact:
    """`field` equals `email`, ignoring case, as lower(field) = lower(value).

    Django's `iexact` compiles to UPPER(field) = UPPER(value) on PostgreSQL, which the lower-case unique indexes
    on users' and subscribers' addresses (accounts_user_email_ci_unique, newsletter_subscriber_email_ci_unique)
    cannot serve: each lookup would read the whole table.
    """
    return Exact(Lower(field), Lower(Value(email)))
