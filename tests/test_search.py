"""The site search: text not markup, every section, visibility, pages, counts, queries.

The tests without a mark run on SQLite (plain substring fallback) and on PostgreSQL (full
text); those marked `postgresql` check what only PostgreSQL does: stemming, unaccent,
ranking, the websearch syntax and the highlighted headline.
"""

import datetime
import html
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests.factories import make_page, make_plan, make_site_page
from tests.factories_commissions import make_commission, make_meeting, make_topic
from tests.factories_events import make_event
from tests.factories_press import make_clipping, make_issue, make_publication
from torino_portal.models import SearchDocument
from torino_portal.publishing import Status
from torino_portal.search import COUNTS_FUNCTION, counts_function_sql, index

pytestmark = pytest.mark.django_db


def results(client, q, lang="it", **params):
    url = "/it/cerca/" if lang == "it" else "/en/search/"
    response = client.get(url, {"q": q, **params})
    assert response.status_code == 200
    page = response.content.decode()
    block = page.split('class="search-results"', 1)
    found = block[1].split("</ol>", 1)[0] if len(block) == 2 else ""
    return re.findall(r'<h3><a href="([^"]+)"[^>]*>([^<]*)</a></h3>', found), page


def titles(client, q, lang="it", **params):
    return [html.unescape(title) for _url, title in results(client, q, lang, **params)[0]]


def test_text_is_found_and_markup_is_not(client):
    make_page(
        title_it="Le periferie",
        body_it='<p>Il <strong>rinnovo</strong> delle <a href="https://example.org/">aree</a>.</p>',
    )
    assert titles(client, "rinnovo") == ["Le periferie"]
    assert titles(client, "href") == []
    assert titles(client, "strong") == []
    assert titles(client, "example") == []


def test_every_section_is_searched(client):
    plan = make_plan(number=2, title_it="Piano Strategico Due")
    make_page(plan=plan, title_it="Pagina sull'idrogeno")
    commission = make_commission(plan=plan, name_it="Commissione idrogeno")
    make_meeting(commission=commission, title_it="Incontro sull'idrogeno")
    make_topic(commission=commission, title_it="Idrogeno: discutiamone")
    make_event(title_it="Convegno idrogeno")
    make_clipping(headline="L'idrogeno a Torino")
    make_publication(title_it="Quaderno dell'idrogeno")
    make_issue(theme_it="Idrogeno")
    make_site_page("help", body_it="<p>Come cercare l'idrogeno.</p>")
    from tests.factories_newsletter import make_newsletter

    make_newsletter(subject_it="Notizie sull'idrogeno", status=Status.PUBLISHED)
    _found, html = results(client, "idrogeno")
    for label in (
        "Pagine dei piani",
        "Commissioni Tematiche",
        "Incontri delle commissioni",
        "Temi del forum",
        "Agenda",
        "Rassegna Stampa",
        "Editoria",
        "Tamtam",
        "Newsletter",
        "Pagine del sito",
    ):
        assert label in html, label
    assert "10 risultati per “idrogeno”" in html


def test_drafts_scheduled_items_and_draft_parents_stay_hidden(client, monkeypatch):
    make_page(title_it="Bozza segreta", status=Status.DRAFT)
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    make_page(title_it="Pagina segreta di domani", published_at=tomorrow)
    plan = make_plan(status=Status.DRAFT)
    child = make_page(plan=plan, title_it="Figlia segreta")
    assert titles(client, "segreta") == []

    # The parent is published: the child comes out without being saved itself.
    plan.status = Status.PUBLISHED
    plan.save()
    assert titles(client, "segreta") == ["Figlia segreta"]

    # The scheduled page appears when its moment comes, with nothing saved in between.
    later = timezone.now() + datetime.timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert sorted(titles(client, "segreta")) == ["Figlia segreta", "Pagina segreta di domani"]
    monkeypatch.undo()

    child.delete()
    assert titles(client, "segreta") == []


def test_admin_publish_and_withdraw_actions_update_the_search(admin_client):
    page = make_page(title_it="Pagina da ritirare")
    url = "/admin/plans/page/"
    admin_client.post(url, {"action": "unpublish", "_selected_action": [page.pk]})
    assert titles(admin_client, "ritirare") == []
    admin_client.post(url, {"action": "publish", "_selected_action": [page.pk]})
    assert titles(admin_client, "ritirare") == ["Pagina da ritirare"]


def test_sections_counts_and_pages(client):
    for n in range(23):
        make_clipping(headline=f"Articolo numero {n} sulla cultura")
    make_publication(title_it="La cultura a Torino")
    found, html = results(client, "cultura")
    assert len(found) == 20
    assert "24 risultati" in html
    assert "Rassegna Stampa</a> (23)" in html and "Editoria</a> (1)" in html
    assert "Pagina 1 di 2" in html
    second, _html = results(client, "cultura", page=2)
    assert len(second) == 4
    assert not {url for url, _t in found} & {url for url, _t in second}
    only, html = results(client, "cultura", section="publications")
    assert [title for _u, title in only] == ["La cultura a Torino"]
    assert '<span aria-current="true">Editoria</span> (1)' in html
    # Unknown sections are ignored; a page past the end is a 404.
    assert len(results(client, "cultura", section="nope")[0]) == 20
    assert client.get("/it/cerca/", {"q": "cultura", "page": 9}).status_code == 404
    assert client.get("/it/cerca/", {"q": "cultura", "page": "x"}).status_code == 404


def test_counts_stop_at_the_limit_and_say_more_than(client, monkeypatch):
    """A section counted past `count_limit` (100 on the site) is not counted further: the
    page says "more than", in both languages, and its listing pages on while pages are full,
    up to `page_limit` results (1,000 on the site), without naming a last page."""
    monkeypatch.setattr(index, "count_limit", 5)
    monkeypatch.setattr(index, "page_limit", 40)
    for n in range(23):
        make_clipping(headline=f"Articolo {n} sulla cultura")
    make_publication(title_it="La cultura a Torino", title_en="Culture in Turin")
    make_publication(title_it="Cultura e turismo", title_en="Culture and tourism")
    found, html = results(client, "cultura")
    assert len(found) == 20
    assert "Più di 7 risultati per “cultura”." in html
    assert "Rassegna Stampa</a> (più di 5)" in html and "Editoria</a> (2)" in html
    assert "Tutte le sezioni</span> (più di 7)" in html
    assert '<li aria-current="page">Pagina 1</li>' in html and 'rel="next"' in html
    second, html = results(client, "cultura", page=2)
    assert len(second) == 5 and not {u for u, _t in found} & {u for u, _t in second}
    assert '<li aria-current="page">Pagina 2</li>' in html and 'rel="next"' not in html
    assert client.get("/it/cerca/", {"q": "cultura", "page": 3}).status_code == 404
    only, html = results(client, "cultura", section="press-review")
    assert len(only) == 20
    assert '<span aria-current="true">Rassegna Stampa</span> (più di 5)' in html
    params = {"q": "cultura", "section": "press-review", "page": 2}
    assert len(results(client, params.pop("q"), **params)[0]) == 3
    params["q"] = "cultura"
    _found, html = results(client, "cultura", lang="en")
    assert "More than 7 results for “cultura”." in html
    assert "Press Review</a> (more than 5)" in html and "(more than 7)" in html
    assert '<li aria-current="page">Page 1</li>' in html
    # Never past `page_limit` results, however many match.
    monkeypatch.setattr(index, "page_limit", 20)
    assert client.get("/it/cerca/", params).status_code == 404
    # Under the limit, exact counts and numbered pages as before.
    monkeypatch.setattr(index, "count_limit", 25)
    _found, html = results(client, "cultura")
    assert "25 risultati per “cultura”." in html and "più di" not in html
    assert "Pagina 1 di 2" in html


def test_a_helpful_page_when_nothing_matches(client):
    _found, html = results(client, "zzzzqqq", lang="en")
    assert "Nothing matches “zzzzqqq”." in html
    assert "Check the spelling" in html
    assert 'href="/en/press-review/"' in html and 'href="/en/agenda/"' in html


def test_bad_queries_are_handled(client):
    assert client.get("/it/cerca/", {"q": "a\x00b"}).status_code == 400
    assert client.get("/it/cerca/?q=%00").status_code == 400
    for q in ('"', "-", "!!!", "&|:*", "x" * 5000, "'); drop table", "<script>"):
        assert client.get("/it/cerca/", {"q": q}).status_code == 200, q


def test_results_show_date_section_and_only_mark_as_markup(client):
    make_clipping(
        headline="Torino e le <b>periferie</b>",
        summary_it="Il rinnovo delle periferie <img src=x onerror=alert(1)>.",
        date=datetime.date(2006, 5, 10),
    )
    _found, html = results(client, "periferie")
    block = html.split('class="search-results"', 1)[1].split("</ol>", 1)[0]
    assert "Rassegna Stampa" in block and '<time datetime="2006-05-10">' in block
    assert "<mark>" in block.lower()
    tags = set(re.findall(r"</?([a-z0-9]+)", block))
    assert tags <= {"li", "h3", "a", "p", "time", "mark"}, tags
    assert "&lt;b&gt;" in block


def test_english_pages_find_italian_only_text_marked_as_italian(client):
    make_page(title_it="Pagina solo italiana", title_en="", body_it="<p>Sostenibilità.</p>")
    found, html = results(client, "italiana", lang="en")
    assert [t for _u, t in found] == ["Pagina solo italiana"]
    assert re.search(r'<a href="/en/[^"]+" lang="it">Pagina solo italiana</a>', html)


def test_a_search_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """The numbers README.md states (Speed): the counts, then the page (on PostgreSQL the
    page's statement carries the excerpts too)."""
    queries = 2
    for n in range(30):
        make_clipping(headline=f"Ambiente {n}")
        make_event(title_it=f"Ambiente in agenda {n}")
    with django_assert_num_queries(queries):
        found, _html = results(client, "ambiente")
    assert len(found) == 20
    with django_assert_num_queries(queries):
        found, _html = results(client, "ambiente", section="agenda", page=2)
    assert len(found) == 10
    with django_assert_num_queries(1):  # nothing matches: no page to read
        results(client, "zzzzqqq")


def test_rebuild_command_restores_every_row(client):
    make_page(title_it="Ricostruzione della pagina")
    make_event(title_it="Ricostruzione dell'evento")
    rows = SearchDocument.objects.count()
    SearchDocument.objects.all().delete()
    assert titles(client, "ricostruzione") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert sorted(titles(client, "ricostruzione")) == [
        "Ricostruzione dell'evento",
        "Ricostruzione della pagina",
    ]
    assert SearchDocument.objects.count() == rows == 6  # plan, page, event; two languages


# --- PostgreSQL: full text ---------------------------------------------------------------


@pytest.mark.postgresql
def test_stemming_finds_other_forms(client):
    make_page(title_it="Riqualificazione", body_it="<p>Il progetto per le periferie.</p>")
    make_page(title_en="Suburbs", body_en="<p>Regenerating the cities of tomorrow.</p>")
    assert titles(client, "periferia") == ["Riqualificazione"]
    assert titles(client, "city", lang="en") == ["Suburbs"]
    assert titles(client, "regeneration", lang="en") == ["Suburbs"]


@pytest.mark.postgresql
def test_accents_are_optional(client):
    make_page(title_it="Una città per tutti")
    make_page(title_it="Qualita della vita")
    assert titles(client, "citta") == ["Una città per tutti"]
    assert titles(client, "qualità") == ["Qualita della vita"]


@pytest.mark.postgresql
def test_title_matches_rank_first(client):
    make_page(title_it="Cultura e turismo", body_it="<p>Testo qualunque.</p>")
    make_page(title_it="Altro", summary_it="Una sintesi sulla mobilità.")
    make_page(title_it="Terzo", body_it="<p>Nel corpo: mobilità sostenibile.</p>")
    make_page(title_it="Mobilità metropolitana", body_it="<p>Altro testo.</p>")
    assert titles(client, "mobilità") == ["Mobilità metropolitana", "Altro", "Terzo"]


@pytest.mark.postgresql
def test_title_matches_first_then_the_rest_newest_first_across_pages(client):
    """Only title and summary matches are ranked; body matches follow, newest first, on the
    page that reaches them."""
    for n in range(22):  # found by their author (the body), one day apart
        make_clipping(
            headline=f"Notizia {n}",
            author="Maria Idrogeno",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=n),
        )
    make_page(title_it="Altro", summary_it="Il futuro dell'idrogeno.")
    make_page(title_it="Idrogeno a Torino")
    first = titles(client, "idrogeno")
    assert first == ["Idrogeno a Torino", "Altro", *[f"Notizia {n}" for n in range(21, 3, -1)]]
    second = titles(client, "idrogeno", page=2)
    assert second == [f"Notizia {n}" for n in range(3, -1, -1)]


@pytest.mark.postgresql
def test_an_exclusion_in_the_body_drops_a_title_match(client):
    make_page(title_it="Piano strategico", body_it="<p>Scritto a Torino.</p>")
    make_page(title_it="Piano strategico provinciale", body_it="<p>Scritto a Cuneo.</p>")
    assert titles(client, '"piano strategico" -torino', section="plan-pages") == [
        "Piano strategico provinciale"
    ]


@pytest.mark.postgresql
def test_websearch_syntax(client):
    make_page(title_it="Il piano strategico di Torino")
    make_page(title_it="Il piano strategico della provincia")
    make_page(title_it="Un piano non strategico per la città")
    # (the factories' plans are called "Piano Strategico N": the pages' section only)
    pages = {"section": "plan-pages"}
    assert titles(client, '"piano strategico" -torino', **pages) == [
        "Il piano strategico della provincia"
    ]
    assert sorted(titles(client, "torino or provincia", **pages)) == [
        "Il piano strategico della provincia",
        "Il piano strategico di Torino",
    ]


def test_a_title_match_is_shown_with_its_summary_a_body_match_with_the_body(client):
    """What an item is about, where its title matches; where the words are only further in,
    the part of the text that holds them (both databases)."""
    make_page(
        title_it="Periferie al centro",
        summary_it="Il programma per i quartieri.",
        body_it="<p>" + "Testo di contorno. " * 30 + "Le periferie nel dettaglio.</p>",
    )
    make_page(
        title_it="Rapporto annuale",
        summary_it="I conti dell'anno.",
        body_it="<p>" + "Testo di contorno. " * 30 + "Le periferie in cifre.</p>",
    )
    _found, page = results(client, "periferie")
    excerpts = re.findall(r'<p class="search-result__excerpt"[^>]*>(.*?)</p>', page)
    assert len(excerpts) == 2
    assert excerpts[0] == "Il programma per i quartieri."
    assert re.search(r"<mark>periferie</mark> in cifre", excerpts[1], re.IGNORECASE)


@pytest.mark.postgresql
def test_migrate_leaves_the_counting_function_the_code_writes():
    """`search_counts` is created after every migrate from search.py's text: the database's
    copy is that text, with its generic plan."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT prosrc, proconfig FROM pg_proc WHERE proname = %s", [COUNTS_FUNCTION]
        )
        [(source, config)] = cursor.fetchall()
    assert source.strip() in counts_function_sql()
    assert config == ["plan_cache_mode=force_generic_plan"]


@pytest.mark.postgresql
def test_headline_marks_the_matching_words(client):
    make_page(
        title_it="Rapporto",
        body_it="<p>" + "Parole introduttive. " * 40 + "Le <em>periferie</em> rinnovate.</p>",
    )
    _found, html = results(client, "periferia")
    assert re.search(r"<mark>periferie</mark>\s*rinnovate", html)
    assert "<em>" not in html.split('class="search-results"', 1)[1]


@pytest.mark.postgresql
def test_stop_words_alone_find_nothing_without_error(client):
    make_page(title_it="Il piano")
    _found, html = results(client, "il")
    assert "Nessun risultato per “il”." in html


@pytest.mark.postgresql
def test_a_title_match_comes_before_newer_summary_and_body_matches(client):
    """Three parts, each newest first: title, then title and summary, then the rest."""
    make_clipping(headline="Idrogeno a Torino", date=datetime.date(2001, 1, 1))
    make_clipping(
        headline="Energia", summary_it="Il futuro dell'idrogeno.", date=datetime.date(2020, 1, 1)
    )
    make_clipping(headline="Nuovo", author="Maria Idrogeno", date=datetime.date(2024, 1, 1))
    make_clipping(headline="Idrogeno verde", date=datetime.date(2010, 1, 1))
    assert titles(client, "idrogeno") == ["Idrogeno verde", "Idrogeno a Torino", "Energia", "Nuovo"]
    # Every word of the query in the title: a title with one of them comes later.
    make_clipping(
        headline="Idrogeno", summary_it="Piano per l'energia.", date=datetime.date(2030, 1, 1)
    )
    make_clipping(headline="Energia e idrogeno", date=datetime.date(2000, 1, 1))
    assert titles(client, "idrogeno energia")[:2] == ["Energia e idrogeno", "Idrogeno"]


@pytest.mark.postgresql
@pytest.mark.parametrize(
    "probe, window",
    [(20, 150), (2, 10), (2, 3)],
    ids=["whole section sampled", "walked newest first", "counted by the index"],
)
def test_counts_are_the_same_whichever_way_a_section_is_counted(client, monkeypatch, probe, window):
    """A count samples the section's newest `count_probe` rows; where the query is common it
    walks `count_window` rows, elsewhere (and past the window) it reads the index of matches.
    Every way gives the same count, stopped at the limit."""
    monkeypatch.setattr(index, "count_probe", probe)
    monkeypatch.setattr(index, "count_window", window)
    monkeypatch.setattr(index, "count_limit", 5)
    for n in range(2):
        make_clipping(headline=f"Idrogeno {n}")
    for n in range(8):
        make_clipping(headline=f"Notizia {n}", summary_it="Cultura.")
    _found, html = results(client, "idrogeno")
    assert "Rassegna Stampa</a> (2)" in html and "2 risultati" in html
    found, html = results(client, "cultura")
    assert "Rassegna Stampa</a> (più di 5)" in html and len(found) == 8  # pages on past it


@pytest.mark.postgresql
@pytest.mark.parametrize("query", ["idrogeno", "energia", "idrogeno energia", "torino or energia"])
def test_a_few_matches_and_many_come_in_the_same_order(client, monkeypatch, query):
    """With few matches each part sorts them from the indexes; with many (a section past the
    count limit) it walks the rows newest first: the same results, the same order."""
    for n in range(6):
        make_clipping(
            headline=f"Idrogeno {n}" if n % 2 else f"Notizia {n}",
            summary_it="Energia a Torino." if n % 3 else "Altro.",
            author="Maria Idrogeno" if n == 4 else "",
            date=datetime.date(2000 + n, 1, 1),
        )
    make_page(title_it="Energia e idrogeno", summary_it="Torino.")
    make_event(title_it="Idrogeno in agenda")
    few = titles(client, query)
    few_press = titles(client, query, section="press-review")
    assert few and few_press
    monkeypatch.setattr(index, "few_matches", 0)  # as if every section had many
    assert titles(client, query) == few
    assert titles(client, query, section="press-review") == few_press


@pytest.mark.postgresql
def test_counts_are_exact_under_the_limit_past_the_newest_rows(client, monkeypatch):
    """A count reads the section's newest `count_window` rows, then the index of matches:
    matches older than the window are counted, and a common word still stops at the limit."""
    monkeypatch.setattr(index, "count_window", 3)
    monkeypatch.setattr(index, "count_limit", 5)
    for n in range(2):
        make_clipping(headline=f"Idrogeno {n}")
    for n in range(8):
        make_clipping(headline=f"Notizia {n}", summary_it="Cultura.")
    _found, html = results(client, "idrogeno")
    assert "Rassegna Stampa</a> (2)" in html and "2 risultati" in html
    _found, html = results(client, "cultura")
    assert "Rassegna Stampa</a> (più di 5)" in html
    monkeypatch.setattr(index, "count_window", 300)
    _found, html = results(client, "cultura")
    assert "Rassegna Stampa</a> (più di 5)" in html
    assert "Rassegna Stampa</a> (2)" in results(client, "idrogeno")[1]
