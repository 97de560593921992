"""Template filters of the Leading HYTE pages."""

from django import template
from django.utils.safestring import mark_safe

from newsletter.emails import body_to_html

from ..models import Rating

register = template.Library()


@register.filter
def guidance_html(markdown_text: str) -> str:
    """A guidance section's Markdown as HTML, sanitised as the newsletter's bodies are."""
    return mark_safe(body_to_html(markdown_text))  # noqa: S308 - body_to_html allows only harmless tags


@register.simple_tag
def rating_scale():
    """The scale's (code, words) pairs, for the legend."""
    return Rating.choices
