"""The lists of the three sections, written in Python: the press review's articles, the
catalogue's cards, Tamtam's issues.

Twenty-five articles through template tags and filters (a translated field, its fallback,
`truncatewords`, two date formats a day) cost several milliseconds a page; the same HTML
written here costs a fraction of one. The markup is the one the template had:
days newest first, each a `<section>` with its `<time>` heading, each article a `<li>` whose
headline keeps the article's language (`lang`) and whose summary says when it falls back to
Italian (`lang="it"`).
"""

from functools import lru_cache
from html import escape
from itertools import groupby

from django.conf import settings
from django.utils.formats import date_format, localize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from torino_portal import files

from .models import ArticleLanguage, Issue, Publication

SUMMARY_WORDS = 40
# The values of a clipping the list shows (one row of `.values(*ITEM_FIELDS)`).
ITEM_FIELDS = (
    "pk",
    "headline",
    "slug",
    "date",
    "author",
    "page",
    "language",
    "summary_it",
    "summary_en",
    "source__name",
)


def truncate_words(text, length):
    """Django's `truncatewords` filter (the words split on whitespace, joined by one space,
    " …" after the `length`th), without its lazy wrapper and translated truncation text."""
    words = text.split()
    if len(words) > length:
        text = " ".join(words[:length])
        return text if text.endswith(" …") else f"{text} …"
    return " ".join(words)


def _summary(clipping, language):
    """(the summary shown in `language`, "it" when that is the Italian fallback), as the
    translated field and `fallback_lang` give them."""
    own = clipping.get(f"summary_{language}") or ""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if own or language == default:
        return own, ""
    fallback = clipping.get(f"summary_{default}") or ""
    return fallback, (default if fallback else "")


def _item(clipping, language, prefix, language_names):
    other = clipping["language"] != language
    meta = [f"<strong>{escape(clipping['source__name'])}</strong>"]
    meta.extend(escape(text) for text in (clipping["page"], clipping["author"]) if text)
    if other:
        name = language_names.get(clipping["language"], clipping["language"])
        meta.append(escape(str(name)))
    summary, fallback = _summary(clipping, language)
    if summary:
        lang = ' lang="it"' if fallback else ""
        summary = f"\n  <p{lang}>{escape(truncate_words(summary, SUMMARY_WORDS))}</p>"
    lang = f' lang="{escape(clipping["language"])}"' if other else ""
    url = escape(f"{prefix}{clipping['pk']}-{clipping['slug']}/")
    return (
        f'<li class="clipping">\n  <h3 class="clipping__headline"><a href="{url}"{lang}>'
        f"{escape(clipping['headline'])}</a></h3>\n"
        f'  <p class="meta">{" · ".join(meta)}</p>{summary}\n</li>'
    )


def clipping_days(clippings, prefix):
    """The articles (rows of `ITEM_FIELDS`, newest first), grouped by day, as HTML; `prefix`:
    the press review's address, which each article's address extends."""
    language = get_language()
    language_names = dict(ArticleLanguage.choices)
    days = []
    for day, items in groupby(clippings, key=lambda clipping: clipping["date"]):
        iso = day.isoformat()
        rows = "\n    ".join(_item(item, language, prefix, language_names) for item in items)
        days.append(
            f'<section class="clipping-day" aria-labelledby="day-{iso}">\n'
            f'  <h2 id="day-{iso}"><time datetime="{iso}">{escape(date_format(day, "j F Y"))}'
            f'</time></h2>\n  <ul class="clippings">\n    {rows}\n  </ul>\n</section>'
        )
    return mark_safe("\n".join(days))  # noqa: S308 (every value escaped above)


def _fallback(obj, field, language):
    """`fallback_lang`: "it" when `obj.field` shows its Italian text on a page in `language`."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or getattr(obj, f"{field}_{language}", None):
        return ""
    return default if getattr(obj, f"{field}_{default}", None) else ""


def _lang(obj, field, language):
    """` lang="it"` when `obj.field` falls back to Italian (`lang_attr`), else ""."""
    return ' lang="it"' if _fallback(obj, field, language) else ""


class _Row:
    """A row of `.values()` read as the model would read it: `row.title` is the active
    language's title, or the Italian one (modeltranslation's fallback); `row.title_en` the
    stored value."""

    def __init__(self, values, language):
        self._values = values
        self._language = language

    def __getattr__(self, name):
        values = self._values
        if name in values:
            return values[name]
        own = values.get(f"{name}_{self._language}")
        return own or values.get(f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}") or ""


# What a catalogue card shows (one row of `.values(*CARD_FIELDS)`): not the description.
CARD_FIELDS = (
    "pk",
    "title_it",
    "title_en",
    "subtitle_it",
    "subtitle_en",
    "slug_it",
    "slug_en",
    "authors_it",
    "authors_en",
    "year",
    "cover",
    "cover_alt_it",
    "cover_alt_en",
    "pdf",
    "series__name_it",
    "series__name_en",
)


# A stored file's name is new for every upload (torino_portal/files.py: a random token), so
# its address and its size are remembered by name: reading a file's size is a system call,
# and building its address a URL join, twelve times a catalogue page.
@lru_cache(maxsize=4096)
def _url(field, name):
    return field.storage.url(name)


@lru_cache(maxsize=4096)
def _described(field, name, language):
    """'PDF, 1.2 MB' in `language` (files.describe)."""
    return files.describe(field.attr_class(None, field, name))


def publication_cards(publications, prefix):
    """The catalogue's cards (rows of `CARD_FIELDS`; the markup the card template had,
    without the template engine: 12 cards cost it milliseconds); `prefix`: the catalogue's
    address, which each publication's slug extends."""
    language = get_language()
    cover_field = Publication._meta.get_field("cover")
    pdf_field = Publication._meta.get_field("pdf")
    cards = []
    for values in publications:
        publication = _Row(values, language)
        title = publication.title
        parts = ['<li class="card publication-card">\n  ']
        if publication.cover:
            parts.append(
                f'<img class="cover" src="{escape(_url(cover_field, publication.cover))}" '
                f'alt="{escape(publication.cover_alt)}"{_lang(publication, "cover_alt", language)}'
                ' loading="lazy">'
            )
        parts.append(
            f'\n  <h2 class="publication-card__title"><a href="{escape(prefix)}'
            f'{escape(publication.slug)}/"{_lang(publication, "title", language)}>'
            f"{escape(title)}</a></h2>\n  "
        )
        if publication.subtitle:
            parts.append(
                f'<p class="publication-card__subtitle"{_lang(publication, "subtitle", language)}>'
                f"{escape(publication.subtitle)}</p>"
            )
        meta = []
        if publication.authors:
            meta.append(
                f"<span{_lang(publication, 'authors', language)}>"
                f"{escape(publication.authors)}</span> · "
            )
        meta.append(escape(str(localize(publication.year))))
        if publication.series__name:
            meta.append(f" · {escape(publication.series__name)}")
        parts.append(f'\n  <p class="meta">{"".join(meta)}</p>\n  ')
        if publication.pdf:
            download = gettext('Download <span class="visually-hidden">“%(title)s”</span>') % {
                "title": escape(title)
            }
            parts.append(
                f'<p><a class="download" href="{escape(_url(pdf_field, publication.pdf))}" '
                f'type="application/pdf">{download}</a> <span class="meta">'
                f"({escape(_described(pdf_field, publication.pdf, language))})</span></p>"
            )
        parts.append("\n</li>")
        cards.append("".join(parts))
    return mark_safe("\n  ".join(cards))  # noqa: S308 (every value escaped above)


# What a Tamtam card shows (one row of `.values(*ISSUE_FIELDS)`): not the contents.
ISSUE_FIELDS = ("number", "date", "theme_it", "theme_en", "cover")


def issue_years(issues, prefix):
    """Tamtam's issues (rows of `ISSUE_FIELDS`, newest first) by year, as cards (the markup
    issue_index.html had); `prefix`: Tamtam's address, which each issue's number extends."""
    language = get_language()
    cover_field = Issue._meta.get_field("cover")
    years = []
    for year, items in groupby(issues, key=lambda issue: issue["date"].year):
        cards = []
        for values in items:
            issue = _Row(values, language)
            cover = (
                f'<img class="cover" src="{escape(cover_field.storage.url(issue.cover))}" '
                'alt="" loading="lazy">'
                if issue.cover
                else ""
            )
            number = gettext("No. %(number)s") % {"number": escape(str(localize(issue.number)))}
            cards.append(
                f'<li class="card issue-card">\n      {cover}\n      <h3><a href="'
                f'{escape(prefix)}{issue.number}/">{number}</a> <span class="card__meta">'
                f'<time datetime="{issue.date.isoformat()}">'
                f"{escape(date_format(issue.date, 'F Y'))}</time></span></h3>\n"
                f"      <p{_lang(issue, 'theme', language)}>{escape(issue.theme)}</p>\n    </li>"
            )
        year = escape(str(year))
        years.append(
            f'<section aria-labelledby="year-{year}">\n  <h2 id="year-{year}">{year}</h2>\n'
            f'  <ul class="cards issues">\n    {"".join(cards)}\n  </ul>\n</section>'
        )
    return mark_safe("\n".join(years))  # noqa: S308 (every value escaped above)
