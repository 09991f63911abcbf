"""Showing what visitors wrote: escaped plain text, line breaks kept, links marked as theirs."""

from django import template
from django.utils.html import urlize
from django.utils.safestring import mark_safe
from django.utils.text import normalize_newlines

from commissions.models import Commission

register = template.Library()


@register.filter
def plain_text(value):
    """Escape `value`, keep its line breaks and make its links `rel="nofollow ugc"`.

    `urlize` escapes everything that is not a link, so the only `rel="nofollow"` in its output
    is the one it writes itself: the visitor's own quotes come out as `&quot;`.
    """
    html = urlize(str(value or ""), trim_url_limit=60, nofollow=True, autoescape=True)
    html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    return mark_safe(normalize_newlines(html).replace("\n", "<br>"))  # noqa: S308


@register.inclusion_tag("commissions/_sidebar.html", takes_context=True)
def commissions_nav(context):
    """The section's side menu: every published commission, the process, the forum."""
    request = context.get("request")
    return {
        "commissions": Commission.objects.published(),
        "path": request.path if request else "",
    }
