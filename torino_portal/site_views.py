"""The pages that gather every section: the home page and the site search.

Each app contributes through small modules of its own — its home-page sections, registered
in its `AppConfig.ready()` (torino_portal/contributions.py, slot "home"), and `search.py`
(its `SEARCH_SOURCES`) — so the apps never import one another.
"""

from html import escape
from urllib.parse import quote

from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext

from .models import SitePage
from .search import CONFIGURATIONS, index

SEARCH_MAX_LENGTH = 200
RESULTS_PER_PAGE = 20
LANGUAGE_OF_CONFIG = {config: code for code, config in CONFIGURATIONS.items()}


def home(request):
    # The sections below the introduction come from the apps: {% contributions "home" %}.
    intro = SitePage.objects.published().filter(key=SitePage.Key.HOME).first()
    return render(request, "torino_portal/home.html", {"intro": intro})


def search(request):
    """Ranked results of every section, the count per section, one page at a time.

    Two queries, the counts and the page, whatever the sections (torino_portal/search.py).
    """
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if "\x00" in query:
        raise BadRequest("NUL in the search query")
    sections = index.section_labels()
    section = request.GET.get("section", "")
    section = section if section in sections else ""
    context = {"query": query, "section": section, "sections": sections}
    if query:
        language = (get_language() or "it").split("-")[0]
        number = request.GET.get("page", "1")
        # isascii(): str.isdigit() also says yes to "²", which int() refuses.
        if not (number.isascii() and number.isdigit()) or len(number) > 6 or int(number) < 1:
            raise Http404("No such page of results")
        number = int(number)
        results, counts = index.search_page(query, language, section, number, RESULTS_PER_PAGE)
        # The counts came with the page: the paginator checks the number against them (a
        # page past the end is a 404) and shows the page that was read. A section counted
        # past `index.count_limit` shows "more than" that; its listing (or every section's,
        # when one is) pages on while pages are full, up to `index.page_limit` results.
        limit = index.count_limit
        capped = {key: min(count, limit) for key, count in counts.items()}
        shown = capped.get(section, 0) if section else sum(capped.values())
        open_ended = any(
            count > limit for key, count in counts.items() if key == section or not section
        )
        if open_ended:
            last = index.page_limit // RESULTS_PER_PAGE
            if number > last or not results:
                raise Http404("No such page of results")
            has_next = len(results) > RESULTS_PER_PAGE and number < last
            shown = (number - 1) * RESULTS_PER_PAGE + min(len(results), RESULTS_PER_PAGE) + has_next
        try:
            page = Paginator(range(shown), RESULTS_PER_PAGE).page(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        page.object_list = results[: len(page.object_list)]  # not past a capped count
        context.update(
            page=page,
            results_html=results_html(page.object_list, query, sections, language),
            open_ended=open_ended,
            total=sum(capped.values()),
            total_text=number_format(sum(capped.values()), force_grouping=True),
            more=any(count > limit for count in counts.values()),
            facets_html=facets_html(query, section, sections, counts, limit),
        )
    return render(request, "torino_portal/search.html", context)


def facets_html(query, section, sections, counts, limit):
    """The `<li>` of each section with matches: its name linked to its results (or marked
    current) and its count, "more than" `limit` where counting stopped."""
    # The query as the `urlencode` filter writes it (spaces as %20).
    link = f"?q={escape(quote(query, safe='/'))}&amp;section="
    items = []
    for key, label in sections.items():
        if key not in counts:
            continue
        label = escape(str(label))
        if key == section:
            name = f'<span aria-current="true">{label}</span>'
        else:
            name = f'<a href="{link}{escape(key)}">{label}</a>'
        count = number_format(min(counts[key], limit), force_grouping=True)
        if counts[key] > limit:
            count = gettext("more than %(counter)s") % {"counter": count}
        items.append(f"<li>{name} ({escape(count)})</li>")
    return mark_safe("".join(items))  # noqa: S308 (every text escaped)


def results_html(documents, query, sections, language):
    """The `<li>` items of a page of results, each written here (20 template loops of
    conditionals were a third of the page's time): the title linked, the section and date,
    the highlighted excerpt (or the summary's first 40 words); `lang` on each text in
    another language than the page's (Italian shown on an English page)."""
    labels = {key: escape(str(label)) for key, label in sections.items()}
    months = {number: escape(str(name)) for number, name in MONTHS.items()}
    return mark_safe(  # noqa: S308 (every text escaped)
        "".join(_result(d, query, labels, months, language) for d in documents)
    )


def _result(document, query, labels, months, language):
    """One result's `<li>`: every text escaped (the excerpt by `index.excerpt`)."""
    title_lang = f' lang="{document.title_language}"' if document.title_language != language else ""
    meta = labels.get(document.section, "")
    if day := document.date:
        # As the `date` filter's "j F Y" writes it, without its cost on every row.
        meta += (
            f' · <time datetime="{day.isoformat()}">{day.day} {months[day.month]} {day.year}</time>'
        )
    text_language = LANGUAGE_OF_CONFIG.get(document.config, language)
    text_lang = f' lang="{text_language}"' if text_language != language else ""
    excerpt = index.excerpt(document, query) or (
        escape(Truncator(document.summary).words(40, truncate=" …")) if document.summary else ""
    )
    excerpt = f'<p class="search-result__excerpt"{text_lang}>{excerpt}</p>' if excerpt else ""
    return (
        '<li class="search-result">'
        f'<h3><a href="{escape(document.url)}"{title_lang}>{escape(document.title)}</a></h3>'
        f'<p class="search-result__meta">{meta}</p>{excerpt}</li>'
    )
