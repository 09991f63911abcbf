"""Mail bodies: the plain-text alternative made from the HTML, and absolute links."""

import re
from html.parser import HTMLParser

from django.conf import settings

from torino_portal.richtext import sanitize_html

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


def absolute_links(html):
    """The body cleaned again by the site's sanitiser (a row changed by `update()` or
    `loaddata` was never cleaned), with every relative link and image made absolute."""
    return sanitize_html(html, base_url=f"{settings.SITE_URL}/")
