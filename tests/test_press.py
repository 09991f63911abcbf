"""The press review: clippings, their filters, pages, feeds, queries and the home page."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from press.models import Clipping
from tests.factories import make_direction, make_staff, sitemap_text
from tests.factories_press import make_clipping, make_source
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def stampa():
    return make_source(name="La Stampa", slug="la-stampa")


def test_slug_and_address_come_from_the_headline(stampa):
    clipping = make_clipping(source=stampa, headline="Torino ripensa il suo futuro")
    assert clipping.slug == "torino-ripensa-il-suo-futuro"
    assert clipping.get_absolute_url() == (
        f"/it/rassegna-stampa/{clipping.pk}-torino-ripensa-il-suo-futuro/"
    )


def test_clipping_needs_a_link_or_a_scan(stampa):
    from django.core.exceptions import ValidationError

    clipping = Clipping(source=stampa, headline="Senza originale", date=date(2006, 1, 1))
    with pytest.raises(ValidationError):
        clipping.full_clean()


def test_list_is_grouped_by_date_newest_first(client, stampa):
    make_clipping(source=stampa, headline="Vecchio", date=date(2005, 3, 1))
    make_clipping(source=stampa, headline="Nuovo A", date=date(2007, 6, 2))
    make_clipping(source=stampa, headline="Nuovo B", date=date(2007, 6, 2))
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert html.index("Nuovo A") < html.index("Vecchio")
    assert html.count('<time datetime="2007-06-02">2 giugno 2007</time>') == 1
    assert '<time datetime="2005-03-01">1 marzo 2005</time>' in html
    assert "3 articoli" in html


def test_filters_combine_and_stay_in_the_address(client, stampa):
    ansa = make_source(name="ANSA", slug="ansa")
    make_clipping(source=stampa, headline="Stampa marzo 2007", date=date(2007, 3, 5))
    make_clipping(source=stampa, headline="Stampa maggio 2007", date=date(2007, 5, 5))
    make_clipping(source=ansa, headline="Ansa marzo 2007", date=date(2007, 3, 6))
    make_clipping(source=stampa, headline="Stampa marzo 2006", date=date(2006, 3, 5))

    def titles(query):
        html = client.get(f"/en/press-review/{query}").content.decode()
        return {
            t
            for t in [
                "Stampa marzo 2007",
                "Stampa maggio 2007",
                "Ansa marzo 2007",
                "Stampa marzo 2006",
            ]
            if t in html
        }

    assert titles("?year=2007") == {"Stampa marzo 2007", "Stampa maggio 2007", "Ansa marzo 2007"}
    assert titles("?year=2007&month=3") == {"Stampa marzo 2007", "Ansa marzo 2007"}
    assert titles("?year=2007&month=3&source=la-stampa") == {"Stampa marzo 2007"}
    assert titles("?source=la-stampa") == {
        "Stampa marzo 2007",
        "Stampa maggio 2007",
        "Stampa marzo 2006",
    }
    html = client.get("/en/press-review/?year=2007&source=ansa").content.decode()
    assert '<option value="2007" selected>2007</option>' in html
    assert '<option value="ansa" selected>ANSA</option>' in html
    # The language switch keeps the filters.
    assert 'href="/it/rassegna-stampa/?year=2007&amp;source=ansa"' in html


def test_december_filter_ends_at_the_new_year(client, stampa):
    make_clipping(source=stampa, headline="Natale", date=date(2006, 12, 31))
    make_clipping(source=stampa, headline="Capodanno", date=date(2007, 1, 1))
    html = client.get("/it/rassegna-stampa/?year=2006&month=12").content.decode()
    assert "Natale" in html and "Capodanno" not in html


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=1850",
        "?year=99999999999999999999",
        "?month=13&year=2006",
        "?month=0&year=2006",
        "?source=unknown",
        "?month=3",
        "?year=2006&year=zz",
    ],
)
def test_junk_filters_show_the_unfiltered_list_with_a_note(client, stampa, query):
    make_clipping(source=stampa, headline="Sempre visibile", date=date(2006, 3, 1))
    response = client.get(f"/it/rassegna-stampa/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sempre visibile" in html
    assert "Alcuni filtri sono stati ignorati" in html


def test_unknown_page_numbers_are_404(client, stampa):
    make_clipping(source=stampa)
    assert client.get("/it/rassegna-stampa/?page=2").status_code == 404
    assert client.get("/it/rassegna-stampa/?page=abc").status_code == 404


def test_drafts_and_future_clippings_are_hidden(client, stampa):
    draft = make_clipping(source=stampa, headline="Bozza", status=Status.DRAFT)
    future = make_clipping(
        source=stampa, headline="Futuro", published_at=timezone.now() + timedelta(days=1)
    )
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert "Bozza" not in html and "Futuro" not in html
    for clipping in (draft, future):
        assert client.get(clipping.get_absolute_url()).status_code == 404
    client.force_login(make_staff())
    preview = client.get(draft.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in preview


def test_clipping_page(client, stampa):
    direction = make_direction(title_it="Torino città della conoscenza")
    clipping = make_clipping(
        source=stampa,
        headline="Turin bets on knowledge",
        language="en",
        author="P. Taylor",
        page="p. 9",
        date=date(2006, 2, 6),
        summary_it="Il quotidiano descrive la strategia.",
        summary_en="The daily describes the strategy.",
    )
    clipping.directions.add(direction)
    html = client.get(clipping.get_absolute_url()).content.decode()
    assert '<h1 class="page-title" lang="en">Turin bets on knowledge</h1>' in html
    assert "La Stampa" in html and "P. Taylor" in html and "p. 9" in html
    assert '<time datetime="2006-02-06">6 febbraio 2006</time>' in html
    assert "Il quotidiano descrive la strategia." in html
    assert "Torino città della conoscenza" in html
    assert 'href="https://example.org/article"' in html
    english = client.get(f"/en/press-review/{clipping.pk}-{clipping.slug}/").content.decode()
    assert "The daily describes the strategy." in english
    assert '<h1 class="page-title">Turin bets on knowledge</h1>' in english


def test_clipping_tags_show_published_commissions(client, stampa):
    from tests.factories_commissions import make_commission

    clipping = make_clipping(source=stampa)
    shown = make_commission(name_it="Potenziale Culturale", name_en="Cultural Potential")
    hidden = make_commission(name_it="Commissione in bozza", status=Status.DRAFT)
    clipping.commissions.add(shown, hidden)
    html = client.get(clipping.get_absolute_url()).content.decode()
    assert f'href="{shown.get_absolute_url()}">Potenziale Culturale</a>' in html
    assert "Commissione in bozza" not in html
    assert shown.clippings.get() == clipping


def test_clipping_tags_in_two_queries_follow_content_changes(
    client, stampa, django_assert_num_queries
):
    """The page reads the clipping with whether it has tags (1 query), and its tags' ids
    when it has some (1), whatever their number; what they show is kept until content
    changes."""
    from tests.factories_commissions import make_commission

    clipping = make_clipping(source=stampa)
    commissions = [make_commission(name_it=f"Commissione {i}", name_en="") for i in range(3)]
    directions = [make_direction() for _ in range(4)]
    clipping.commissions.add(*commissions[:2])
    clipping.directions.add(*directions)
    untagged = make_clipping(source=stampa)
    client.get(untagged.get_absolute_url())
    with django_assert_num_queries(1):
        client.get(untagged.get_absolute_url())
    english = f"/en/press-review/{clipping.pk}-{clipping.slug}/"
    client.get(english)
    with django_assert_num_queries(2):
        html = client.get(english).content.decode()
    assert f'<a href="{commissions[0].get_absolute_url()}" lang="it">Commissione 0</a>' in html
    assert "Commissione 2" not in html
    for direction in directions:
        assert f'<a href="{direction.get_absolute_url()}">{direction}</a>' in html
    commissions[0].name_it = "Commissione rinominata"
    commissions[0].save()
    directions[0].status = Status.DRAFT
    directions[0].save()
    html = client.get(clipping.get_absolute_url()).content.decode()
    assert "Commissione rinominata" in html
    assert str(directions[0]) not in html and str(directions[1]) in html


def test_summary_missing_in_english_falls_back_with_a_note(client, stampa):
    clipping = make_clipping(source=stampa, summary_en="")
    html = client.get(f"/en/press-review/{clipping.pk}-{clipping.slug}/").content.decode()
    assert "available only in Italian" in html and 'lang="it"' in html


def test_wrong_slug_redirects_and_unknown_id_is_404(client, stampa):
    clipping = make_clipping(source=stampa)
    response = client.get(f"/it/rassegna-stampa/{clipping.pk}-altro/")
    assert response.status_code == 301
    assert response.headers["Location"] == clipping.get_absolute_url()
    assert client.get("/it/rassegna-stampa/999999-nulla/").status_code == 404


def test_feeds_are_announced_and_parse(client, stampa):
    make_clipping(source=stampa, headline="Primo", date=date(2006, 1, 1))
    make_clipping(source=stampa, headline="Bozza", status=Status.DRAFT)
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/it/rassegna-stampa/feed/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/it/rassegna-stampa/atom/"' in html

    rss = ET.fromstring(client.get("/en/press-review/feed/").content)
    channel = rss.find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Primo"]
    assert items[0].findtext("link").startswith("http://testserver/en/press-review/")
    assert "La Stampa" in items[0].findtext("description")

    atom = ET.fromstring(client.get("/it/rassegna-stampa/atom/").content)
    entries = atom.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Primo"]


def test_lists_run_a_fixed_number_of_queries(client, django_assert_num_queries):
    """The numbers press/README.md states."""
    sources = [make_source() for _ in range(12)]
    start = date(2000, 1, 1)
    Clipping.objects.bulk_create(
        Clipping(
            source=sources[i % len(sources)],
            headline=f"Articolo {i}",
            slug=f"articolo-{i}",
            date=start + timedelta(days=i % 2900),
            summary_it="Sintesi.",
            url="https://example.org/",
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1),
        )
        for i in range(3000)
    )
    # A first request after a content change: the years and sources on offer (2), the
    # count with the first article of each page (1), the page (1) and, for each of the three
    # values kept until content changes, when the next scheduled article goes live (3).
    # Then only the page: any page, by keyset, whatever the number of articles.
    for path in [
        "/it/rassegna-stampa/",
        "/it/rassegna-stampa/?page=120",
        "/en/press-review/?year=2003&month=6",
        f"/en/press-review/?year=2004&source={sources[3].slug}",
    ]:
        fragments.forget()
        with django_assert_num_queries(7):
            assert client.get(path).status_code == 200
        with django_assert_num_queries(1):
            assert client.get(path).status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/it/rassegna-stampa/feed/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/it/rassegna-stampa/atom/").status_code == 200


def test_pages_read_by_keyset_are_the_pages_of_the_ordered_list(client, stampa):
    """Many articles on few days (ties on the date): each page holds exactly the articles an
    OFFSET would give, and every article appears once."""
    Clipping.objects.bulk_create(
        Clipping(
            source=stampa,
            headline=f"Articolo {i:03d}",
            slug=f"articolo-{i}",
            date=date(2006, 1, 1) + timedelta(days=i % 7),
            url="https://example.org/",
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1),
        )
        for i in range(130)
    )
    ordered = list(Clipping.objects.order_by("-date", "-pk").values_list("headline", flat=True))
    seen = []
    for number in range(1, 7):
        response = client.get(f"/it/rassegna-stampa/?page={number}")
        page = [c["headline"] for c in response.context["page_obj"].object_list]
        assert page == ordered[(number - 1) * 25 : number * 25]
        seen.extend(page)
    assert seen == ordered
    assert "Pagina 6 di 6" in response.content.decode()
    assert client.get("/it/rassegna-stampa/?page=7").status_code == 404


def test_count_pages_and_filters_follow_content_changes(client, stampa, monkeypatch):
    make_clipping(source=stampa, headline="Primo", date=date(2006, 3, 1))
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert "1 articolo" in html and '<option value="2007"' not in html
    ansa = make_source(name="ANSA", slug="ansa")
    make_clipping(source=ansa, headline="Secondo", date=date(2007, 5, 1))
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert "2 articoli" in html and "Secondo" in html
    assert '<option value="2007">2007</option>' in html
    assert '<option value="ansa">ANSA</option>' in html
    # A scheduled article appears when its time comes, with its year on offer.
    soon = make_clipping(
        source=stampa,
        headline="Programmato",
        date=date(2008, 1, 1),
        published_at=timezone.now() + timedelta(hours=1),
    )
    assert "Programmato" not in client.get("/it/rassegna-stampa/").content.decode()
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    html = client.get("/it/rassegna-stampa/").content.decode()
    assert "3 articoli" in html and soon.headline in html
    assert '<option value="2008">2008</option>' in html


@pytest.mark.parametrize(
    "feed_class", ["ClippingFeed", "ClippingAtomFeed", "IssueFeed", "PublicationFeed"]
)
def test_feeds_are_what_djangos_feed_writes(rf, stampa, feed_class):
    """press/feeds.py adds the items itself and writes into a buffer: the bytes and the
    headers are the ones Django's own Feed gives for the same item methods."""
    from django.contrib.syndication.views import Feed as DjangoFeed

    from press import feeds
    from tests.factories_press import make_issue, make_publication

    make_clipping(source=stampa, headline="Con autore", author="M. Rossi", date=date(2006, 1, 2))
    make_clipping(source=stampa, headline="Senza sintesi inglese", summary_en="")
    make_clipping(source=make_source(name="ANSA & co"), headline="<Titolo> & altro")
    make_issue(number=40, theme_en="")
    make_issue(number=41)
    make_publication(title_it="<Volume> & altro", authors_it="A. Bianchi", subtitle_it="Sotto")
    make_publication(title_it="Solo italiano", title_en="")
    ours = getattr(feeds, feed_class)

    class Reference(ours):
        __call__ = DjangoFeed.__call__
        get_feed = DjangoFeed.get_feed

        def items(self):
            return ours.latest(self)

    for language in ("it", "en"):
        with translation.override(language):
            request = rf.get(f"/{language}/rassegna-stampa/feed/")
            expected, answer = Reference()(request), ours()(request)
        assert answer.content == expected.content
        assert answer.headers == expected.headers
        assert answer.content.count(b"<item>") + answer.content.count(b"<entry>") >= 2


def test_home_page_shows_the_latest_clippings(client, stampa):
    make_clipping(source=stampa, headline="Ultima notizia dal Piano", date=date(2007, 7, 3))
    html = client.get("/it/").content.decode()
    assert "Ultima notizia dal Piano" in html and 'href="/it/rassegna-stampa/"' in html


def test_search_finds_clippings_by_headline_and_summary(client, stampa):
    make_clipping(source=stampa, headline="Il modello Torino", summary_en="Metropolitan governance")
    assert "Il modello Torino" in client.get("/it/cerca/?q=modello").content.decode()
    assert "Il modello Torino" in client.get("/en/search/?q=governance").content.decode()


def test_sitemap_lists_clippings(client, stampa):
    clipping = make_clipping(source=stampa)
    xml = sitemap_text(client)
    assert f"/it/rassegna-stampa/{clipping.pk}-{clipping.slug}/" in xml
    assert f"/en/press-review/{clipping.pk}-{clipping.slug}/" in xml
