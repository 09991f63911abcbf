"""What search engines and feed readers read: the sitemap index, canonical addresses, Open
Graph, schema.org JSON-LD (checked against each type's required and recommended
properties) and the RSS feeds, parsed back."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation

from commissions.models import ContributionStatus
from tests.factories import make_direction, make_page, make_plan, make_site_page
from tests.factories_commissions import (
    make_commission,
    make_contribution,
    make_meeting,
    make_topic,
)
from tests.factories_events import make_event
from tests.factories_newsletter import make_newsletter
from tests.factories_press import make_clipping, make_issue, make_publication
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # SITE_URL's default: absolute addresses are on it
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "atom": "http://www.w3.org/2005/Atom",
}

# schema.org: what each type needs here (Google's rich results require these; the
# vocabulary's expected value types checked below).
REQUIRED = {
    "Organization": {"name"},
    "Event": {"name", "startDate", "location"},
    "Place": {"name", "address"},
    "PostalAddress": {"addressLocality", "addressCountry"},
    "Book": {"name", "author", "isbn"},
    "CreativeWork": {"name", "author"},
    "NewsArticle": {"headline", "datePublished", "author", "publisher"},
    "BreadcrumbList": {"itemListElement"},
    "ListItem": {"position", "name"},
    "Person": {"name"},
}
RECOMMENDED = {
    "Event": {"endDate", "eventStatus", "organizer", "description", "url"},
    "Book": {"publisher", "datePublished", "url"},
    "CreativeWork": {"publisher", "datePublished", "url"},
    "NewsArticle": {"mainEntityOfPage"},
}
EVENT_STATUSES = {
    "https://schema.org/EventScheduled",
    "https://schema.org/EventRescheduled",
    "https://schema.org/EventCancelled",
    "https://schema.org/EventPostponed",
}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def check_schema(node):
    """Every typed node has its type's required properties, recursively; dates parse."""
    if isinstance(node, list):
        for item in node:
            check_schema(item)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    if kind:
        missing = REQUIRED.get(kind, set()) - node.keys()
        assert not missing, f"{kind} lacks {missing}"
        assert all(value not in ("", None, [], {}) for value in node.values()), node
    for key in ("startDate", "endDate", "datePublished"):
        if key in node:
            value = node[key]
            if not re.fullmatch(r"\d{4}", value):  # a year alone is valid ISO 8601
                (datetime.datetime if "T" in value else datetime.date).fromisoformat(value)
    for value in node.values():
        check_schema(value)


def of_type(html, kind):
    found = [data for data in json_ld(html) if data.get("@type") == kind]
    assert len(found) == 1, (kind, json_ld(html))
    data = found[0]
    assert data["@context"] == "https://schema.org"
    check_schema(data)
    assert not (RECOMMENDED.get(kind, set()) - data.keys()), kind
    return data


# --- sitemap -----------------------------------------------------------------------------


def sitemap_urls(client):
    """{loc: {hreflang: href}} over every section sitemap (and every page of each)."""
    index = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {}
    for sitemap in index.findall("sm:sitemap", NS):
        section = client.get(path_of(sitemap.find("sm:loc", NS).text))
        assert section.status_code == 200
        for url in ET.fromstring(section.content).findall("sm:url", NS):
            links = {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
            }
            lastmod = url.find("sm:lastmod", NS)
            urls[url.find("sm:loc", NS).text] = (links, lastmod.text if lastmod is not None else "")
    return urls


def test_sitemap_lists_every_public_page_in_both_languages(client):
    plan = make_plan(number=2)
    make_page(plan=plan, slug_it="processo", slug_en="process")
    make_direction(plan=plan)
    commission = make_commission(plan=plan)
    make_meeting(commission=commission)
    make_topic(commission=commission)
    make_event()
    make_clipping()
    make_publication()
    make_issue()
    make_newsletter(status=Status.PUBLISHED)
    for key in ("help", "contacts", "privacy", "accessibility"):
        make_site_page(key)
    make_page(plan=plan, title_it="Bozza", slug_it="bozza", status=Status.DRAFT)

    urls = sitemap_urls(client)
    paths = {urlsplit(loc).path for loc in urls}
    for expected in (
        "/it/",
        "/en/",
        "/it/help/",
        "/en/help/",
        "/it/contatti/",
        "/it/privacy/",
        "/it/accessibilita/",
        "/en/accessibility/",
        "/it/rassegna-stampa/",
        "/en/press-review/",
        "/it/editoria/",
        "/it/tamtam/",
        "/it/commissioni/",
        "/it/commissioni/processo/",
        "/it/commissioni/forum/",
        "/it/piano-strategico-2/direzioni/",
        "/en/strategic-plan-2/directions/",
        "/it/mailing-list/",
        "/it/mailing-list/archivio/",
        "/it/agenda/",
        "/it/agenda/archivio/",
        "/it/piano-strategico-2/processo/",
        "/en/strategic-plan-2/process/",
    ):
        assert expected in paths, expected
    assert not any("bozza" in path for path in paths)
    # Every address: both languages and x-default (the Italian one) as alternates; all on
    # the public address; a lastmod on every detail page.
    for loc, (links, _lastmod) in urls.items():
        assert loc.startswith(SITE + "/"), loc
        assert set(links) == {"it", "en", "x-default"}, loc
        assert links["x-default"] == links["it"]
        assert loc in (links["it"], links["en"])
    detail = [lastmod for loc, (_l, lastmod) in urls.items() if "/processo/" in loc]
    assert detail and all(detail)
    assert urls[f"{SITE}/it/editoria/"][1]  # a section index dated by its newest item


def test_sitemap_sections_are_paginated_and_cheap(client, django_assert_num_queries, monkeypatch):
    from press.sitemaps import ClippingSitemap

    for n in range(5):
        make_clipping(headline=f"Articolo {n}")
    monkeypatch.setattr(ClippingSitemap, "limit", 2)
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-clippings.xml?p=3" in index
    # The page: its query alone, the section's size is kept with the index (README, Speed).
    with django_assert_num_queries(1):
        page = client.get("/sitemap-clippings.xml?p=3").content.decode()
    assert page.count("<url>") == 2  # one clipping, two languages
    assert client.get("/sitemap-clippings.xml?p=9").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_a_sitemap_page_builds_each_address_once(client, monkeypatch):
    """Django asks an address four times (the address, both alternates, x-default): each
    item's address in each language is built once."""
    from press.models import Clipping

    for n in range(3):
        make_clipping(headline=f"Articolo {n}")
    built = []
    original = Clipping.get_absolute_url
    monkeypatch.setattr(
        Clipping,
        "get_absolute_url",
        lambda self: built.append(translation.get_language()) or original(self),
    )
    page = client.get("/sitemap-clippings.xml").content.decode()
    assert page.count("<url>") == 6 and page.count('hreflang="x-default"') == 6
    assert sorted(built) == ["en"] * 3 + ["it"] * 3


@pytest.mark.parametrize("clippings", [2, 12])
def test_the_sitemap_index_costs_no_query_whatever_the_content(
    client, django_assert_num_queries, monkeypatch, clippings
):
    from press.sitemaps import ClippingSitemap

    for n in range(clippings):
        make_clipping(headline=f"Articolo {n}")
    monkeypatch.setattr(ClippingSitemap, "limit", 2)
    first = client.get("/sitemap.xml").content.decode()
    with django_assert_num_queries(0):  # sizes and dates kept until content changes
        assert client.get("/sitemap.xml").content.decode() == first
    assert f"/sitemap-clippings.xml?p={clippings}" in first


def test_the_kept_sitemap_index_follows_every_change_and_schedule(client, monkeypatch):
    from press.sitemaps import ClippingSitemap

    monkeypatch.setattr(ClippingSitemap, "limit", 2)
    clippings = [make_clipping() for _ in range(2)]

    def index():
        root = ET.fromstring(client.get("/sitemap.xml").content)
        return {
            path_of(sitemap.find("sm:loc", NS).text): sitemap.find("sm:lastmod", NS).text
            for sitemap in root.findall("sm:sitemap", NS)
            if "clippings" in sitemap.find("sm:loc", NS).text
        }

    assert list(index()) == ["/sitemap-clippings.xml", "/sitemap-clippings.xml?p=2"]
    new = make_clipping()
    assert "/sitemap-clippings.xml?p=3" in index()
    assert client.get("/sitemap-clippings.xml?p=3").status_code == 200
    new.delete()
    assert "/sitemap-clippings.xml?p=3" not in index()
    assert client.get("/sitemap-clippings.xml?p=3").status_code == 404
    # An edit moves the section's date.
    real_now = timezone.now
    assert not index()["/sitemap-clippings.xml"].startswith("2030")
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2030, 1, 2, tzinfo=datetime.UTC))
    clippings[0].save()  # updated_at: 2 January 2030
    monkeypatch.setattr(timezone, "now", real_now)
    assert index()["/sitemap-clippings.xml"].startswith("2030-01-02")
    # A scheduled clipping joins the index when it goes live, with no save in between.
    soon = timezone.now() + datetime.timedelta(hours=1)
    make_clipping(published_at=soon)
    assert "/sitemap-clippings.xml?p=3" not in index()
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "/sitemap-clippings.xml?p=3" in index()
    assert client.get("/sitemap-clippings.xml?p=3").status_code == 200


# --- head: canonical, alternates, Open Graph ---------------------------------------------


def head_links(html):
    head = html.split("</head>", 1)[0]
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', head)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
    og = dict(re.findall(r'<meta property="(og:[a-z:_]+)" content="([^"]*)">', head))
    return canonical, alternates, og


def test_every_page_has_canonical_alternates_and_open_graph(client):
    plan = make_plan(number=2)
    page = make_page(plan=plan, slug_it="processo", slug_en="process", summary_it="Il processo.")
    make_site_page("help")
    for url in ("/it/", "/en/", "/it/help/", "/it/rassegna-stampa/", "/it/cerca/?q=piano"):
        html = get(client, url)
        canonical, alternates, og = head_links(html)
        assert canonical == [og["og:url"]], url
        assert set(alternates) == {"it", "en", "x-default"}, url
        assert alternates["x-default"] == alternates["it"]
        assert og["og:site_name"] == "Torino Internazionale" and og["og:title"], url
        assert og["og:description"], url
        assert og["og:locale"] == ("en_GB" if url.startswith("/en/") else "it_IT"), url
        assert re.search(r'<meta name="description" content="[^"]+">', html), url

    html = get(client, "/en/strategic-plan-2/process/")
    canonical, alternates, og = head_links(html)
    assert canonical == [f"{SITE}/en/strategic-plan-2/process/"]
    assert alternates["it"] == f"{SITE}/it/piano-strategico-2/processo/"
    assert og["og:title"].startswith(page.title_en)
    assert og["og:locale"] == "en_GB" and og["og:locale:alternate"] == "it_IT"


def test_error_pages_announce_no_alternates(client):
    response = client.get("/it/nessuna-pagina-qui/")
    assert response.status_code == 404
    canonical, alternates, _og = head_links(response.content.decode())
    assert canonical == [] and alternates == {}
    response = client.get("/it/cerca/?q=%00")
    assert response.status_code == 400
    assert head_links(response.content.decode())[1] == {}


# --- schema.org --------------------------------------------------------------------------


def test_home_describes_the_organisation(client):
    data = of_type(get(client, "/it/"), "Organization")
    assert data["name"] == "Torino Internazionale" and data["url"] == f"{SITE}/"


def test_event_and_meeting_pages_carry_an_event(client):
    start = timezone.now() + datetime.timedelta(days=10)
    event = make_event(
        title_it="Convegno “A & B”",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue_name_it="Politecnico di Torino",
        venue_address="Corso Duca degli Abruzzi 24, Torino",
    )
    html = get(client, event.get_absolute_url())
    data = of_type(html, "Event")
    assert data["name"] == "Convegno “A & B”"  # text, escaped in the script
    script = html.split(
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event"', 1
    )[1]
    assert "A \\u0026 B" in script.split("</script>", 1)[0]
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == "Corso Duca degli Abruzzi 24, Torino"
    assert data["eventStatus"] in EVENT_STATUSES
    assert data["organizer"]["name"] == "Torino Internazionale"
    assert abs(datetime.datetime.fromisoformat(data["startDate"]) - start).total_seconds() < 1
    meeting = make_meeting(title_it="Forum di apertura")
    assert of_type(get(client, meeting.get_absolute_url()), "Event")["name"] == "Forum di apertura"


def test_publications_are_books_or_creative_works(client):
    book = make_publication(title_it="Torino 2010", isbn="978-88-7063-000-3", authors="A. Rossi")
    data = of_type(get(client, book.get_absolute_url()), "Book")
    assert data["isbn"] == "978-88-7063-000-3" and data["author"]["name"] == "A. Rossi"
    report = make_publication(title_it="Rapporto", isbn="")
    data = of_type(get(client, report.get_absolute_url()), "CreativeWork")
    assert data["author"]["@type"] == "Organization"


def test_clippings_are_news_articles(client):
    clipping = make_clipping(headline="Il modello Torino", author="M. Bianchi")
    data = of_type(get(client, clipping.get_absolute_url()), "NewsArticle")
    assert data["headline"] == "Il modello Torino"
    assert data["datePublished"] == clipping.date.isoformat()
    assert data["publisher"]["name"] == clipping.source.name


def test_breadcrumbs_are_a_breadcrumb_list(client):
    clipping = make_clipping(headline="Il modello Torino")
    with translation.override("en"):
        url = clipping.get_absolute_url()
    data = of_type(get(client, url), "BreadcrumbList")
    items = data["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0] == {
        "@type": "ListItem",
        "position": 1,
        "name": "Home",
        "item": f"{SITE}/en/",
    }
    assert items[1]["name"] == "Press Review" and items[1]["item"] == f"{SITE}/en/press-review/"
    assert items[-1]["name"].startswith("Il modello Torino")
    for item in items:
        check_schema(item)
    assert not [d for d in json_ld(get(client, "/it/")) if d["@type"] == "BreadcrumbList"]


# --- feeds -------------------------------------------------------------------------------


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") and channel.findtext("link")
    return [{child.tag: child.text for child in item} for item in channel.findall("item")]


def announced(client, page):
    head = get(client, page).split("</head>", 1)[0]
    return re.findall(
        r'<link rel="alternate" type="application/rss\+xml" title="[^"]+" href="([^"]+)">', head
    )


def test_publication_feed(client):
    make_publication(title_it="Quaderno uno", authors="A. Rossi")
    make_publication(title_it="Bozza", status=Status.DRAFT)
    items = rss_items(client, "/it/editoria/feed/")
    assert [item["title"] for item in items] == ["Quaderno uno"]
    assert items[0]["link"].endswith("/it/editoria/quaderno-uno/")
    assert "/it/editoria/feed/" in announced(client, "/it/editoria/")


def test_newsletter_archive_feed(client):
    make_newsletter(subject_it="Notizie di maggio", status=Status.PUBLISHED)
    make_newsletter(subject_it="Non ancora", status=Status.DRAFT)
    items = rss_items(client, "/it/mailing-list/archivio/feed/")
    assert [item["title"] for item in items] == ["Notizie di maggio"]
    assert "<" not in items[0]["description"]  # text, not the mail's markup
    assert "/it/mailing-list/archivio/feed/" in announced(client, "/it/mailing-list/archivio/")


def test_forum_feed_has_approved_contributions_of_public_topics_only(client):
    topic = make_topic(title_it="Il futuro")
    make_contribution(
        topic, name="Anna", text="Approvato <script>x</script>", status=ContributionStatus.APPROVED
    )
    make_contribution(topic, name="Bruno", text="In attesa", status=ContributionStatus.PENDING)
    make_contribution(topic, name="Carla", text="Respinto", status=ContributionStatus.REJECTED)
    hidden = make_topic(title_it="Nascosto", status=Status.DRAFT)
    make_contribution(
        hidden, name="Dario", text="Tema in bozza", status=ContributionStatus.APPROVED
    )
    draft_commission = make_commission(status=Status.DRAFT)
    make_contribution(
        make_topic(commission=draft_commission),
        name="Elena",
        text="Commissione in bozza",
        status=ContributionStatus.APPROVED,
    )
    items = rss_items(client, "/it/commissioni/forum/feed/")
    assert [item["title"] for item in items] == ["Anna su “Il futuro”"]
    assert items[0]["description"] == "Approvato <script>x</script>"  # text, escaped in XML
    assert "#contribution-" in items[0]["link"]
    assert "/it/commissioni/forum/feed/" in announced(client, "/it/commissioni/forum/")


def test_whats_new_feed_combines_every_section(client):
    plan = make_plan(number=2)
    make_page(plan=plan, title_it="Pagina nuova", title_en="New page")
    make_event(title_it="Evento nuovo", title_en="New event")
    make_clipping(headline="Articolo nuovo")
    make_publication(title_it="Libro nuovo", title_en="New book")
    make_newsletter(subject_it="Newsletter nuova", status=Status.PUBLISHED)
    make_site_page("help")
    later = timezone.now() + datetime.timedelta(days=3)
    make_event(title_it="Evento futuro", published_at=later)
    titles = {item["title"] for item in rss_items(client, "/it/novita/feed/")}
    assert {
        "Pagina nuova",
        "Evento nuovo",
        "Articolo nuovo",
        "Libro nuovo",
        "Newsletter nuova",
    } <= titles
    assert "Evento futuro" not in titles and "Help" not in titles
    english = {item["title"] for item in rss_items(client, "/en/whats-new/feed/")}
    assert {"New page", "New event", "New book"} <= english
    for page in ("/it/", "/it/help/", "/en/press-review/"):
        assert any(
            href.endswith(("/novita/feed/", "/whats-new/feed/")) for href in announced(client, page)
        )
