"""The mailing list's piece of every page: the footer's sign-up form."""

from django import template
from django.utils.translation import get_language

from newsletter.forms import FooterSubscribeForm

register = template.Library()


@register.simple_tag
def footer_subscribe_form():
    """An unbound form (no query: 500.html renders it with the database down)."""
    return FooterSubscribeForm(initial={"language": get_language()})
