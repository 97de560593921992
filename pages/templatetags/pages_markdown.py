from django import template
from django.utils.safestring import mark_safe

from newsletter.emails import body_to_html

register = template.Library()


@register.filter(name="markdown")
def markdown_to_html(text: str) -> str:
    """Staff-written Markdown as HTML, through the one sanitiser the portal has (newsletter.emails)."""
    return mark_safe(body_to_html(text))  # safe: nh3 has kept only harmless tags and attributes
