"""Demo accounts (data/accounts.toml): a staff user and a member, found by e-mail, with verified addresses."""

from allauth.account.models import EmailAddress

from accounts.models import User

from .loading import read_data, report


def seed(stdout) -> None:
    """Create the demo accounts that are missing."""
    users = read_data("accounts")["users"]
    created = sum(ensure_user(**spec)[1] for spec in users)
    report(stdout, "accounts", created=created, total=len(users))


def ensure_user(*, email: str, password: str, **fields) -> tuple[User, bool]:
    """Create the user once, with a verified primary address; later runs leave it as it is."""
    user, created = User.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user, created


def logins() -> list[tuple[str, str, str]]:
    """(role, e-mail, password) of each demo account, for `seed_demo` to print."""
    return [
        ("staff" if spec["is_staff"] else "member", spec["email"], spec["password"])
        for spec in read_data("accounts")["users"]
    ]
