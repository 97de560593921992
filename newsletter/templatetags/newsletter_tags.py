from django import template

from newsletter.models import Subscriber

register = template.Library()


@register.simple_tag
def newsletter_subscription_of(user):
    """The subscription of the member's account address, if any (one query)."""
    if not user.is_authenticated:
        return None
    return Subscriber.objects.filter(email__iexact=user.email).first()
