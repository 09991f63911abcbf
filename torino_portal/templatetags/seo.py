"""What search engines and link previews read in a page's head: the canonical address, the
Open Graph properties and schema.org JSON-LD.

The JSON-LD builders take the objects duck-typed (an event, a publication, a clipping), so
this shared module imports no app; the templates of those pages call them.
"""

import json
import re
from functools import lru_cache
from html import unescape

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()

ORGANISATION_NAME = "Torino Internazionale"
ORGANISATION_EMAIL = "info@torinointernazionale.org"
OG_LOCALES = {"it": "it_IT", "en": "en_GB"}
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
_SPACES = re.compile(r"\s+")


def absolute(url):
    """`url` (a path) on the public address; absolute URLs as they are."""
    if not url or "://" in url:
        return url
    return f"{settings.SITE_URL}{url}"


def text(value):
    """Plain one-line text: tags stripped, entities decoded, spaces collapsed."""
    return _plain(str(value or ""))


@lru_cache(maxsize=2048)
def _plain(value):
    # Remembered: every page asks it of its title and description three times (head, Open
    # Graph), and strip_tags parses the HTML each time.
    return _SPACES.sub(" ", unescape(strip_tags(value))).strip()


# --- capture: a block's output, reused (the title in og:title, breadcrumbs in JSON-LD) ----


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: render the content into `name` (blocks
    inside stay overridable by child templates)."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def one_line(value):
    """Captured HTML as the plain text of an attribute (escaped again by autoescape)."""
    return text(value)


@register.simple_tag
def og_locales():
    """(this page's og:locale, [the other languages' locales])."""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    others = [OG_LOCALES[code] for code, _name in settings.LANGUAGES if code != current]
    return OG_LOCALES.get(current, current), others


# --- JSON-LD ---------------------------------------------------------------------------


def json_ld_script(data):
    """A `<script type="application/ld+json">` (data, not code: CSP does not run it), with
    `<`, `>` and `&` escaped so no text can close the element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(
        f'<script type="application/ld+json">{payload.translate(_JSON_ESCAPES)}</script>'
    )


def organisation():
    return {
        "@type": "Organization",
        "name": ORGANISATION_NAME,
        "url": f"{settings.SITE_URL}/",
        "email": ORGANISATION_EMAIL,
    }


def _iso(moment):
    if moment is None:
        return None
    if hasattr(moment, "tzinfo") and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.isoformat()


def _clean(data):
    """Leave out empty properties (schema.org: absent rather than empty)."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


@register.simple_tag
def organisation_json_ld():
    """The home page: who publishes the site."""
    return json_ld_script(
        {
            "@context": "https://schema.org",
            **organisation(),
            "logo": absolute(settings.STATIC_URL + "img/favicon.svg"),
            "description": gettext(
                "Torino Internazionale: the Strategic Plans of the Turin metropolitan area."
            ),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Torino",
                "addressCountry": "IT",
            },
        }
    )


@register.simple_tag
def event_json_ld(event):
    """An Agenda event or a commission meeting as a schema.org `Event`."""
    place = _clean(
        {
            "@type": "Place",
            "name": text(event.venue_name) or ORGANISATION_NAME,
            "address": _clean(
                {
                    "@type": "PostalAddress",
                    "streetAddress": text(event.venue_address),
                    "addressLocality": "Torino",
                    "addressCountry": "IT",
                }
            ),
        }
    )
    image = getattr(event, "image", None)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text(event.title),
        "description": text(event.summary)
        or text(event.description)[:300]
        or text(getattr(event, "topic", ""))
        or text(event.title),
        "startDate": _iso(event.start),
        "endDate": _iso(event.end or event.start),
        "eventStatus": "https://schema.org/"
        + ("EventRescheduled" if getattr(event, "sequence", 0) else "EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": organisation(),
        "url": absolute(event.get_absolute_url()),
        "image": absolute(image.url) if image else None,
        "inLanguage": get_language(),
    }
    return json_ld_script(_clean(data))


@register.simple_tag
def publication_json_ld(publication):
    """A publication as a `Book` when it has an ISBN, else a `CreativeWork`."""
    cover = getattr(publication, "cover", None)
    authors = text(publication.authors)
    data = {
        "@context": "https://schema.org",
        "@type": "Book" if publication.isbn else "CreativeWork",
        "name": text(publication.title),
        "alternativeHeadline": text(publication.subtitle) or None,
        "isbn": publication.isbn or None,
        "author": {"@type": "Person", "name": authors} if authors else organisation(),
        "publisher": organisation(),
        "datePublished": str(publication.year),
        "description": text(publication.description)[:500] or None,
        "image": absolute(cover.url) if cover else None,
        "url": absolute(publication.get_absolute_url()),
        "inLanguage": "it",
    }
    return json_ld_script(_clean(data))


@register.simple_tag
def clipping_json_ld(clipping):
    """A press clipping as the `NewsArticle` it reports (its newspaper as publisher)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text(clipping.headline)[:110],
        "datePublished": clipping.date.isoformat(),
        "author": {"@type": "Person", "name": text(clipping.author)}
        if clipping.author
        else {"@type": "Organization", "name": text(clipping.source.name)},
        "publisher": {"@type": "Organization", "name": text(clipping.source.name)},
        "description": text(clipping.summary) or None,
        "inLanguage": clipping.language or None,
        "url": absolute(clipping.get_absolute_url()),
        "mainEntityOfPage": absolute(clipping.get_absolute_url()),
        "sameAs": clipping.url or None,
    }
    return json_ld_script(_clean(data))


_CRUMB = re.compile(
    r"<li[^>]*>\s*(?:<a [^>]*href=\"(?P<href>[^\"]*)\"[^>]*>(?P<linked>.*?)</a>"
    r"|(?P<plain>.*?))\s*</li>",
    re.S,
)


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, breadcrumbs_html, home_url):
    """The page's breadcrumb trail (the HTML the page shows) as a `BreadcrumbList`."""
    items = [(gettext("Home"), home_url)]
    for match in _CRUMB.finditer(str(breadcrumbs_html or "")):
        name = text(match["linked"] if match["href"] is not None else match["plain"])
        if name:
            items.append((name, unescape(match["href"] or "") or None))
    if len(items) < 2:
        return ""
    request = context.get("request")
    elements = []
    for position, (name, url) in enumerate(items, start=1):
        element = {"@type": "ListItem", "position": position, "name": name}
        if url is None and position == len(items) and request is not None:
            url = request.path
        if url:
            element["item"] = absolute(url)
        elements.append(element)
    return json_ld_script(
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": elements}
    )
