"""The in-page table of contents: ids for a body's headings, and the list that links them.

The original site shows it under the title ("Il Piano come metodo - Il Piano di Torino").
Rich text is sanitised on save (ids stripped), so the ids are added when the page renders.
"""

import html
import re
from dataclasses import dataclass

from django.utils.text import slugify

HEADING = re.compile(r"<h([2-4])(\s[^>]*)?>(.*?)</h\1>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    text: str


def with_heading_ids(body):
    """Return `(body with an id on every h2–h4, [Heading, …])`."""
    headings, used = [], set()

    def add_id(match):
        level, attrs, inner = int(match.group(1)), match.group(2) or "", match.group(3)
        text = html.unescape(TAG.sub("", inner)).strip()
        base = slugify(text) or f"section-{len(headings) + 1}"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        headings.append(Heading(level, anchor, text))
        return f'<h{level} id="{anchor}"{attrs}>{inner}</h{level}>'

    return HEADING.sub(add_id, body or ""), headings
