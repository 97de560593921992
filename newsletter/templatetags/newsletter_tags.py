from django import template

from newsletter import selectors

register = template.Library()


@register.simple_tag
def newsletter_subscription_of(user):
    """The subscription of the member's account address, if any (one query)."""
    return selectors.subscription_of(user)
