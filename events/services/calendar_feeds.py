"""A member's personal calendar feed: the secret address their calendar program subscribes to."""

from django.db import transaction

from ..models import CalendarFeed, new_feed_token


def renew_calendar_feed(*, user) -> CalendarFeed:
    """Give the member a calendar feed address: a first one, or a new one that retires the old (for an address
    that has leaked). Whoever holds the old address sees nothing from then on."""
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
        if not created:
            feed.token = new_feed_token()
            feed.save(update_fields=["token"])
    return feed
