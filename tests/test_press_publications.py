"""Publications and Tamtam: catalogue, filters, pages, feeds, uploads checked in the admin."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from press.models import Issue, Publication, validate_isbn
from tests.factories_press import (
    make_issue,
    make_publication,
    make_series,
    pdf_bytes,
    png_bytes,
)
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


# --- Publications ------------------------------------------------------------------


@pytest.mark.parametrize(
    "isbn", ["978-0-306-40615-7", "9780306406157", "0-306-40615-2", "080442957X"]
)
def test_valid_isbns(isbn):
    validate_isbn(isbn)


@pytest.mark.parametrize("isbn", ["978-0-306-40615-8", "0-306-40615-3", "12345", "977030640615"])
def test_invalid_isbns(isbn):
    with pytest.raises(ValidationError):
        validate_isbn(isbn)


def test_translated_addresses(client):
    publication = make_publication(
        title_it="Scenari per il sistema locale", title_en="Scenarios for the local system"
    )
    assert publication.get_absolute_url() == "/it/editoria/scenari-per-il-sistema-locale/"
    html = client.get("/en/publications/scenarios-for-the-local-system/").content.decode()
    assert '<h1 class="page-title">Scenarios for the local system</h1>' in html
    assert (
        'hreflang="it" href="http://127.0.0.1:8000/it/editoria/scenari-per-il-sistema-locale/"'
        in html
    )
    assert client.get("/en/publications/scenari-per-il-sistema-locale/").status_code == 404


def test_catalogue_shows_covers_with_alt_text_and_pdf_size(client):
    publication = make_publication(with_files=True, title_it="Verso il Secondo Piano Strategico")
    html = client.get("/it/editoria/").content.decode()
    # The title is printed beside the cover: the alt text adds only what the editor wrote.
    assert f'src="{publication.cover.url}" alt=""' in html
    assert f'href="{publication.pdf.url}" type="application/pdf"' in html
    assert re.search(r"\(PDF, [\d,.]+\s(byte|KB)\)", html)
    detail = client.get(publication.get_absolute_url()).content.decode()
    assert "Scarica il PDF" in detail and re.search(r"\(PDF, [\d,.]+\s(byte|KB)\)", detail)


def test_cards_and_issues_say_where_english_falls_back_to_italian(client):
    """The catalogue's cards and Tamtam's issues (written by press/listing.py): an Italian
    text on an English page is marked lang="it", an English one is not; text is escaped."""
    series = make_series(name_it="Collana <A&B>", name_en="")
    make_publication(
        with_files=True,
        title_it="Solo italiano",
        title_en="",
        subtitle_it="Sottotitolo",
        authors_it="a cura di <Rossi>",
        series=series,
        year=2004,
    )
    make_publication(title_it="Titolo", title_en="Title & more", subtitle_en="A subtitle")
    html = client.get("/en/publications/").content.decode()
    assert '<a href="/en/publications/solo-italiano/" lang="it">Solo italiano</a>' in html
    assert '<p class="publication-card__subtitle" lang="it">Sottotitolo</p>' in html
    assert '<span lang="it">a cura di &lt;Rossi&gt;</span> · 2004 · Collana &lt;A&amp;B&gt;' in html
    assert (
        'Download <span class="visually-hidden">“Solo italiano”</span></a> '
        '<span class="meta">(PDF, '
    ) in html
    assert '<a href="/en/publications/title-more/">Title &amp; more</a>' in html
    assert '<p class="publication-card__subtitle">A subtitle</p>' in html
    make_issue(number=31, date=date(2007, 2, 1), theme_it="Solo tema", theme_en="")
    make_issue(number=30, date=date(2006, 11, 1), theme_it="Tema", theme_en="Theme <x>")
    html = client.get("/en/tamtam/").content.decode()
    assert '<h3><a href="/en/tamtam/31/">No. 31</a>' in html
    assert '<time datetime="2007-02-01">February 2007</time>' in html
    assert '<p lang="it">Solo tema</p>' in html and "<p>Theme &lt;x&gt;</p>" in html
    assert html.index('id="year-2007"') < html.index('id="year-2006"')


def test_catalogue_filters_by_year_and_series(client):
    plans = make_series(name_it="I Piani Strategici", slug="piani")
    papers = make_series(name_it="Materiali", slug="materiali")
    make_publication(title_it="Piano 2000", year=2000, series=plans)
    make_publication(title_it="Piano 2006", year=2006, series=plans)
    make_publication(title_it="Scenari 2006", year=2006, series=papers)

    def titles(query):
        html = client.get(f"/it/editoria/{query}").content.decode()
        return {t for t in ["Piano 2000", "Piano 2006", "Scenari 2006"] if t in html}

    assert titles("?year=2006") == {"Piano 2006", "Scenari 2006"}
    assert titles("?series=piani") == {"Piano 2000", "Piano 2006"}
    assert titles("?year=2006&series=piani") == {"Piano 2006"}
    junk = client.get("/it/editoria/?year=zz&series=nessuna")
    assert junk.status_code == 200
    assert "Alcuni filtri sono stati ignorati" in junk.content.decode()
    assert titles("?year=zz") == {"Piano 2000", "Piano 2006", "Scenari 2006"}
    assert client.get("/it/editoria/?page=9").status_code == 404


def test_draft_publication_is_hidden(client):
    draft = make_publication(title_it="Bozza riservata", status=Status.DRAFT)
    assert "Bozza riservata" not in client.get("/it/editoria/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_catalogue_queries_are_fixed(client, django_assert_num_queries):
    """The numbers press/README.md states."""
    series = [make_series() for _ in range(5)]
    Publication.objects.bulk_create(
        Publication(
            title_it=f"Volume {i}",
            slug_it=f"volume-{i}",
            slug_en=f"volume-{i}",
            year=1990 + i % 30,
            series=series[i % 5],
            status=Status.PUBLISHED,
        )
        for i in range(600)
    )
    # After a content change: the years and series on offer (2), the count with the first
    # publication of each page (1), the page (1), and for each of the three values kept until
    # content changes, when the next scheduled publication goes live (3). Then the page alone,
    # however deep (keyset, torino_portal/paging.py).
    for path in [
        "/it/editoria/",
        "/it/editoria/?page=45",
        "/en/publications/?year=2001&series=" + series[1].slug,
    ]:
        fragments.forget()
        with django_assert_num_queries(7):
            assert client.get(path).status_code == 200
        with django_assert_num_queries(1):
            assert client.get(path).status_code == 200


def test_catalogue_pages_follow_the_order_and_content_changes(client):
    series = make_series()
    Publication.objects.bulk_create(
        Publication(
            title_it=f"Volume {i:02d}",
            slug_it=f"volume-{i}",
            slug_en=f"volume-{i}",
            year=2000 + i % 3,
            series=series,
            status=Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=1 + i % 2),  # ties on both keys
        )
        for i in range(30)
    )
    ordered = list(
        Publication.objects.order_by("-year", "-published_at", "-pk").values_list(
            "title_it", flat=True
        )
    )
    pages = [
        [p["title_it"] for p in client.get(f"/it/editoria/?page={n}").context["page_obj"]]
        for n in (1, 2, 3)
    ]
    assert pages == [ordered[:12], ordered[12:24], ordered[24:]]
    assert client.get("/it/editoria/?page=4").status_code == 404
    make_publication(title_it="Nuovo volume", year=2003)
    html = client.get("/it/editoria/").content.decode()
    assert "Nuovo volume" in html and '<option value="2003">2003</option>' in html
    assert client.get("/it/editoria/?page=3").context["page_obj"].paginator.count == 31


# --- Tamtam -------------------------------------------------------------------------


def test_issues_newest_first_grouped_by_year(client):
    make_issue(number=18, date=date(2005, 4, 1), theme_it="Verso il secondo Piano")
    make_issue(number=20, date=date(2006, 3, 1), theme_it="Torino dopo le Olimpiadi")
    make_issue(number=21, date=date(2006, 7, 1), theme_it="La conoscenza")
    html = client.get("/it/tamtam/").content.decode()
    assert html.index('id="year-2006"') < html.index('id="year-2005"')
    assert html.index("La conoscenza") < html.index("Torino dopo le Olimpiadi")
    assert 'type="application/rss+xml"' in html and 'href="/it/tamtam/feed/"' in html


def test_issue_page(client):
    issue = make_issue(number=22, date=date(2006, 12, 1), theme_it="Una trasformazione in atto")
    issue.pdf.save("tamtam-22.pdf", SimpleUploadedFile("x.pdf", pdf_bytes()))
    html = client.get("/it/tamtam/22/").content.decode()
    assert '<h1 class="page-title">Tamtam n. 22</h1>' in html
    assert "Una trasformazione in atto" in html and "Editoriale" in html
    assert '<time datetime="2006-12-01">dicembre 2006</time>' in html
    assert "Scarica il numero" in html
    assert client.get("/it/tamtam/999/").status_code == 404
    english = client.get("/en/tamtam/22/").content.decode()
    assert "Editorial" in english


def test_issue_feed_parses(client):
    make_issue(number=5, theme_it="Tema cinque", theme_en="Theme five")
    make_issue(number=6, theme_it="Bozza", status=Status.DRAFT)
    rss = ET.fromstring(client.get("/en/tamtam/feed/").content)
    titles = [item.findtext("title") for item in rss.find("channel").findall("item")]
    assert titles == ["Tamtam no. 5: Theme five"]


def test_tamtam_queries_are_fixed(client, django_assert_num_queries):
    """The numbers press/README.md states."""
    Issue.objects.bulk_create(
        Issue(
            number=i,
            date=date(1995 + i % 30, 1 + i % 12, 1),
            theme_it=f"Tema {i}",
            status=Status.PUBLISHED,
        )
        for i in range(1, 500)
    )
    # After a content change: the count with the first issue of each page, when the next
    # scheduled issue goes live, the page; then the page alone.
    for path in ["/it/tamtam/", "/it/tamtam/?page=20"]:
        fragments.forget()
        with django_assert_num_queries(3):
            assert client.get(path).status_code == 200
        with django_assert_num_queries(1):
            assert client.get(path).status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/it/tamtam/feed/").status_code == 200


def test_home_shows_publications_and_latest_issue(client):
    make_publication(title_it="Il Piano Strategico della città", year=2000)
    make_issue(number=23, date=date(2007, 5, 1), theme_it="Qualità sociale")
    make_issue(number=22, date=date(2006, 12, 1), theme_it="Trasformazione")
    html = client.get("/it/").content.decode()
    assert "Il Piano Strategico della città" in html
    assert "Tamtam n. 23" in html and "Trasformazione" not in html


# --- Uploads in the admin -------------------------------------------------------------


def _publication_form(**files):
    return {
        "title_it": "Nuovo volume",
        "title_en": "New volume",
        "subtitle_it": "",
        "subtitle_en": "",
        "slug_it": "",
        "slug_en": "",
        "authors": "",
        "year": "2007",
        "series": "",
        "isbn": "",
        "description_it": "<p>Descrizione</p>",
        "description_en": "",
        "plan": "",
        "cover_alt_it": "",
        "cover_alt_en": "",
        "status": "published",
        "published_at_0": "2007-01-01",
        "published_at_1": "09:00:00",
        **files,
    }


def test_admin_accepts_a_real_pdf(admin_client):
    response = admin_client.post(
        "/admin/press/publication/add/",
        _publication_form(pdf=SimpleUploadedFile("Il Mio Volume!.PDF", pdf_bytes())),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get(slug_it="nuovo-volume")
    # An unguessable token, then the original name, with the extension of the content.
    assert re.fullmatch(r"publications/\d{4}/[\w-]{16}-il-mio-volume\.pdf", publication.pdf.name)
    assert publication.pdf.read().startswith(b"%PDF")


def test_admin_refuses_html_disguised_as_pdf(admin_client):
    fake = SimpleUploadedFile(
        "report.pdf", b"<!DOCTYPE html><html><body>not a pdf</body></html>", "application/pdf"
    )
    response = admin_client.post("/admin/press/publication/add/", _publication_form(pdf=fake))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Il contenuto di questo file non è di un tipo accettato (documento PDF)." in html
    assert not Publication.objects.exists()


def test_admin_refuses_an_oversized_cover(admin_client):
    big = png_bytes() + b"\0" * (5 * 1024 * 1024)
    response = admin_client.post(
        "/admin/press/publication/add/",
        _publication_form(cover=SimpleUploadedFile("cover.png", big, "image/png")),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Il file pesa 5,0\xa0MB; il limite è 5,0\xa0MB." in html
    assert not Publication.objects.exists()


def test_admin_refuses_a_bad_isbn(admin_client):
    response = admin_client.post(
        "/admin/press/publication/add/", _publication_form(isbn="978-0-306-40615-8")
    )
    assert "La cifra di controllo di questo ISBN è sbagliata" in response.content.decode()


def test_admin_clipping_scan_accepts_images_and_refuses_text(admin_client):
    from tests.factories_press import make_source

    source = make_source()
    form = {
        "headline": "Titolo",
        "source": str(source.pk),
        "date": "2007-03-01",
        "author": "",
        "page": "",
        "language": "it",
        "summary_it": "",
        "summary_en": "",
        "url": "",
        "status": "published",
        "published_at_0": "2007-03-01",
        "published_at_1": "09:00:00",
    }
    refused = admin_client.post(
        "/admin/press/clipping/add/",
        {**form, "scan": SimpleUploadedFile("scan.pdf", b"just text", "application/pdf")},
    )
    assert "non è di un tipo accettato" in refused.content.decode()
    missing = admin_client.post("/admin/press/clipping/add/", form)
    assert "Indica il link all&#x27;articolo originale" in missing.content.decode()
    accepted = admin_client.post(
        "/admin/press/clipping/add/",
        {**form, "scan": SimpleUploadedFile("scan.png", png_bytes(), "image/png")},
    )
    assert accepted.status_code == 302


def test_admin_lists_open(admin_client):
    make_publication()
    make_issue()
    for model in ["source", "clipping", "series", "publication", "issue"]:
        assert admin_client.get(f"/admin/press/{model}/").status_code == 200
        assert admin_client.get(f"/admin/press/{model}/add/").status_code == 200
