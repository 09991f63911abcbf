"""Showing what visitors wrote: escaped plain text, line breaks kept, links marked as theirs."""

import re
from html import escape as html_escape

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import urlize
from django.utils.safestring import mark_safe

from commissions.models import Commission
from plans.models import Plan
from torino_portal import fragments

register = template.Library()

# What every link urlize makes contains: a scheme, "www.", an e-mail's "@" or one of the
# top-level domains it links without either (django.utils.html.Urlizer).
_MAY_LINK = re.compile(r"https?://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)", re.IGNORECASE)
# A line break in any convention (django.utils.text.normalize_newlines, then "\n").
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@register.filter
def plain_text(value):
    """Escape `value`, keep its line breaks and make its links `rel="nofollow ugc"`.

    `urlize` escapes everything that is not a link, so the only `rel="nofollow"` in its output
    is the one it writes itself: the visitor's own quotes come out as `&quot;`.
    """
    text = str(value or "")
    if _MAY_LINK.search(text):
        html = urlize(text, trim_url_limit=60, nofollow=True, autoescape=True)
        html = html.replace('rel="nofollow"', 'rel="nofollow ugc"')
    else:  # nothing urlize would link: it would only escape (and takes 20 times longer)
        html = html_escape(text)  # what django.utils.html.escape does
    return mark_safe(_LINE_BREAK.sub("<br>", html))  # noqa: S308


@register.simple_tag(takes_context=True)
def commissions_nav(context):
    """The section's side menu: every published commission, the process, the forum.

    The same for every visitor (staff too: it lists published commissions only) but for
    which entry is the current one, so it is rendered once per content generation and
    current entry (torino_portal/fragments.py): no query and no rendering a page."""
    request = context.get("request")
    path = request.path if request else ""
    urls = fragments.kept("commissions-nav-urls", _nav_urls, models=(Commission, Plan))
    current = next((url for url in urls if url in path), "")
    extras = fragments.kept("commissions-nav-extras", _extra_urls)
    extra = path if path in extras else ""
    here = path == current
    return fragments.kept(
        "commissions-nav",
        lambda: render_to_string(
            "commissions/_sidebar.html",
            {
                "commissions": [
                    (url, commission, url == current and here, url == current)
                    for url, commission in urls.items()
                ],
                "path": extra,
            },
        ),
        current,
        here,
        extra,
        models=(Commission, Plan),
    )


def _extra_urls():
    """The process's and the forum's addresses (in the active language)."""
    return (reverse("commissions:process"), reverse("commissions:forum"))


def _nav_urls():
    """{address: commission} of the published commissions, in their order."""
    return {
        commission.get_absolute_url(): commission
        for commission in Commission.objects.published().only(
            "plan_id", "order", "name_it", "name_en", "slug_it", "slug_en"
        )
    }
