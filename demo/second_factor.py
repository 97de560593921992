"""Demo second factor (data/second_factor.toml): a TOTP authenticator with a known secret for every demo staff
user and coordinator, since the admin opens only after a second factor."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time

from accounts.models import User

from .loading import read_data, report


def secret() -> str:
    return read_data("second_factor")["totp_secret"]


def seed(stdout) -> None:
    """Give each staff account that has no authenticator app yet the demo secret."""
    staff = User.objects.filter(is_staff=True).exclude(
        authenticator__type=Authenticator.Type.TOTP
    )  # only demo users exist where seed_demo runs, but a real staff member's own authenticator is never replaced
    created = 0
    for user in staff:
        TOTP.activate(user, secret())
        created += 1
    report(stdout, "second factor", created=created, total=User.objects.filter(is_staff=True).count())


def current_code() -> str:
    """The code an authenticator app with the demo secret shows now."""
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret(), counter))
