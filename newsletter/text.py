"""Mail bodies: the plain-text alternative made from the HTML, and absolute links."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import nh3
from django.conf import settings

from torino_portal.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_STYLE_PROPERTIES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
)

BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "figure",
    "hr",
    "pre",
}
HIDDEN = {"head", "style", "script", "title"}


class _TextMaker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self.hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a":
            self.links.append((attrs.get("href") or "", len(self.parts)))
        elif tag == "img" and attrs.get("alt"):
            self.parts.append(f"[{attrs['alt']}]")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.parts[start:]).strip()
            if href and not href.startswith("#") and href != label:
                self.parts.append(f" <{href.removeprefix('mailto:')}>")
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html):
    """A readable plain-text version of an HTML mail: paragraphs, lists, links as <url>."""
    maker = _TextMaker()
    maker.feed(html)
    maker.close()
    lines = [line.strip() for line in "".join(maker.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _absolute_attribute(tag, attribute, value):
    if attribute in ("href", "src"):
        return urljoin(f"{settings.SITE_URL}/", value)
    if attribute == "srcset":
        return None  # relative candidates would break in a mail; `src` is enough
    return value


def absolute_links(html):
    """The (already sanitised) body with every relative link and image made absolute."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        attribute_filter=_absolute_attribute,
        link_rel="noopener noreferrer",
    )
