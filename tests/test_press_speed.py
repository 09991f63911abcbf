"""The press lists' cheaper paths: the pages read by keyset with plain lookups
(`keyset_page`), the filter form built only when a filter is asked, the summaries cut
without the template filter; each gives what the ORM, the form and `truncatewords` gave."""

from datetime import date, timedelta

import pytest
from django.template.defaultfilters import truncatewords
from django.utils import timezone

from press import forms, listing
from press.models import Clipping, Publication
from press.views import CLIPPINGS_PER_PAGE, PUBLICATIONS_PER_PAGE
from tests.factories_press import make_clipping, make_publication, make_series, make_source
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


def _clippings(sources, count):
    Clipping.objects.bulk_create(
        Clipping(
            source=sources[i % len(sources)],
            headline=f"Articolo {i:03d}",
            slug=f"articolo-{i}",
            date=date(2005, 1, 1) + timedelta(days=(i * 37) % 800),
            page=f"p. {i}" if i % 3 else "",
            author="Autore" if i % 2 else "",
            summary_it=f"Sintesi {i}.",
            summary_en=f"Summary {i}." if i % 4 else "",
            url="https://example.org/",
            status=Status.PUBLISHED if i % 9 else Status.DRAFT,
            published_at=timezone.now() - timedelta(days=1 if i % 11 else -1),
        )
        for i in range(count)
    )


@pytest.mark.parametrize(
    "query",
    ["", "year=2005", "year=2006&month=3", "source=giornale-b", "year=2006&source=giornale-a"],
)
def test_press_review_pages_hold_the_rows_the_orm_reads(client, query):
    sources = [make_source(slug="giornale-a"), make_source(slug="giornale-b")]
    _clippings(sources, 140)
    expected = Clipping.objects.published().select_related("source").order_by("-date", "-pk")
    if "year=2005" in query:
        expected = expected.filter(date__year=2005)
    if "year=2006" in query:
        expected = expected.filter(date__year=2006)
    if "month=3" in query:
        expected = expected.filter(date__month=3)
    if "source=" in query:
        expected = expected.filter(source__slug=query.rsplit("source=", 1)[1])
    expected = list(expected.values(*listing.ITEM_FIELDS))
    assert expected
    pages = -(-len(expected) // CLIPPINGS_PER_PAGE)
    for number in range(1, pages + 1):
        response = client.get(f"/it/rassegna-stampa/?{query}&page={number}")
        rows = response.context["page_obj"].object_list
        start = (number - 1) * CLIPPINGS_PER_PAGE
        assert rows == expected[start : start + CLIPPINGS_PER_PAGE]
        assert all(type(row["date"]) is date for row in rows)
    assert client.get(f"/it/rassegna-stampa/?{query}&page={pages + 1}").status_code == 404


def test_catalogue_pages_hold_the_rows_the_orm_reads(client):
    """Ties on the year and on the publication date, with and without a series (the join is
    an outer one)."""
    series = make_series(slug="studi")
    moment = timezone.now() - timedelta(days=2)
    for i in range(40):
        make_publication(
            year=2000 + i % 4,
            series=series if i % 2 else None,
            published_at=moment - timedelta(hours=i % 3),
            subtitle_it="Sottotitolo" if i % 5 else "",
        )
    make_publication(status=Status.DRAFT)
    for query in ["", "year=2002", "series=studi", "year=2001&series=studi"]:
        expected = Publication.objects.published().order_by("-year", "-published_at", "-pk")
        if "year=" in query:
            expected = expected.filter(year=int(query.split("year=")[1][:4]))
        if "series=" in query:
            expected = expected.filter(series__slug="studi")
        expected = list(expected.values(*listing.CARD_FIELDS))
        pages = -(-len(expected) // PUBLICATIONS_PER_PAGE)
        seen = []
        for number in range(1, pages + 1):
            response = client.get(f"/it/editoria/?{query}&page={number}")
            seen.extend(response.context["page_obj"].object_list)
        assert seen == expected, query


def test_filter_form_is_built_only_when_a_filter_is_asked(client, monkeypatch):
    make_clipping(source=make_source(name="ANSA", slug="ansa"))
    built = []
    original = forms.ClippingFilterForm.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(forms.ClippingFilterForm, "__init__", counting)
    fragments.forget()
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert len(built) == 1  # the kept form's HTML is rendered once
    assert '<option value="ansa">ANSA</option>' in html
    client.get("/it/rassegna-stampa/?page=1")
    client.get("/en/press-review/")
    assert len(built) == 2  # the English form, once; then neither is built again
    client.get("/it/rassegna-stampa/")
    assert len(built) == 2
    html = client.get("/it/rassegna-stampa/?source=ansa").content.decode()
    assert len(built) == 3
    assert "<title>Rassegna Stampa: ANSA" in html
    html = client.get("/it/rassegna-stampa/?year=junk").content.decode()
    assert "filter-note" in html


@pytest.mark.parametrize(
    "text",
    [
        "",
        "uno",
        "  molte   parole\nsu più\trighe  ",
        " ".join(f"w{i}" for i in range(60)),
        " ".join(["x"] * 39 + ["…", "y"]),
    ],
)
@pytest.mark.parametrize("length", [1, 3, 40])
def test_summaries_are_cut_as_truncatewords_cuts_them(text, length):
    assert listing.truncate_words(text, length) == truncatewords(text, length)
