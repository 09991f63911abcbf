"""The shared layout, languages, site pages, search, errors and deployment settings."""

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest
from django.test import override_settings
from django.utils import timezone

from tests.factories import make_page, make_plan, make_site_page, sitemap_text
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_root_redirects_by_browser_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="it-IT,it").headers["Location"] == "/it/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").headers["Location"] == "/it/"


def test_layout_in_italian(client, freezer_date):
    html = client.get("/it/").content.decode()
    assert '<html lang="it">' in html
    assert 'Torino - <time datetime="2026-11-24">24 novembre 2026</time>' in html
    for label in [
        "Piano Strategico 2",
        "Tamtam",
        "Editoria",
        "Agenda",
        "Rassegna Stampa",
        "Piano Strategico 1",
    ]:
        assert f">{label}</a>" in html
    menu = html[html.index('aria-label="Menu principale"') :]
    positions = [
        menu.index(f">{label}</a>")
        for label in [
            "Piano Strategico 2",
            "Tamtam",
            "Editoria",
            "Agenda",
            "Rassegna Stampa",
            "Piano Strategico 1",
        ]
    ]
    assert positions == sorted(positions)
    assert ">english</a>" in html and ">aiuto</a>" in html and ">contatti</a>" in html
    assert ">mailing list</a>" in html
    assert "© Torino Internazionale 2026" in html
    assert 'class="skip-link" href="#content"' in html


def test_layout_in_english(client, freezer_date):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert 'Turin - <time datetime="2026-11-24">24 November 2026</time>' in html
    for label in ["Strategic Plan 2", "Publications", "Press Review", "Strategic Plan 1"]:
        assert f">{label}</a>" in html
    assert ">italiano</a>" in html and ">contacts</a>" in html


@pytest.fixture
def freezer_date(monkeypatch):
    """Today is 24 November 2026 in Turin, whatever the machine's clock says."""
    fixed = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Europe/Rome"))
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    return fixed


def test_every_menu_item_leads_to_a_page(client):
    make_plan(number=1), make_plan(number=2)
    html = client.get("/it/").content.decode()
    for path in [
        "/it/piano-strategico-2/",
        "/it/tamtam/",
        "/it/editoria/",
        "/it/agenda/",
        "/it/rassegna-stampa/",
        "/it/piano-strategico-1/",
    ]:
        assert f'href="{path}"' in html
        assert client.get(path).status_code == 200, path


def test_current_section_is_marked(client):
    plan = make_plan(number=2)
    page = make_page(plan=plan, slug_it="processo", slug_en="process")
    html = client.get(page.get_absolute_url()).content.decode()
    assert '<li class="current"><a href="/it/piano-strategico-2/" aria-current="true">' in html


def test_alternate_links_and_language_switch_keep_the_page(client):
    page = make_page(plan=make_plan(number=2), slug_it="processo", slug_en="process")
    html = client.get("/it/piano-strategico-2/processo/").content.decode()
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/strategic-plan-2/process/"' in html
    assert 'hreflang="it" href="http://127.0.0.1:8000/it/piano-strategico-2/processo/"' in html
    assert '<a href="/en/strategic-plan-2/process/" hreflang="en" lang="en">english</a>' in html
    assert page.title_en in client.get("/en/strategic-plan-2/process/").content.decode()


def test_language_switch_on_a_static_page_keeps_the_query(client):
    html = client.get("/it/cerca/?q=piano").content.decode()
    assert 'href="/en/search/?q=piano"' in html


def test_site_pages_in_both_languages(client):
    make_site_page(
        "contacts",
        title_it="Contatti",
        title_en="Contacts",
        body_it="<p>Via Roma</p>",
        body_en="<p>Via Roma, Turin</p>",
    )
    make_site_page("help", title_it="Aiuto", title_en="Help")
    assert "Via Roma</p>" in client.get("/it/contatti/").content.decode()
    assert "Via Roma, Turin" in client.get("/en/contacts/").content.decode()
    assert client.get("/it/help/").status_code == 200
    assert client.get("/en/help/").status_code == 200
    assert client.get("/it/privacy/").status_code == 404  # not written yet: 404, not 500


def test_english_falls_back_to_italian_with_a_note(client):
    make_site_page(
        "help", title_it="Aiuto", title_en="", body_it="<p>Solo italiano.</p>", body_en=""
    )
    html = client.get("/en/help/").content.decode()
    assert "This text is available only in Italian." in html
    assert '<div class="rich-text" lang="it"><p>Solo italiano.</p></div>' in html
    assert '<h1 class="page-title" lang="it">Aiuto</h1>' in html
    italian = client.get("/it/help/").content.decode()
    assert "disponibile solo in italiano" not in italian


def test_table_of_contents_links_the_headings(client):
    make_site_page("help", body_it="<h2>Uno</h2><p>a</p><h2>Due</h2><p>b</p>")
    html = client.get("/it/help/").content.decode()
    assert '<a href="#uno">Uno</a>' in html and '<h2 id="uno">Uno</h2>' in html
    assert '<a href="#due">Due</a>' in html


@pytest.mark.parametrize(
    "path",
    [
        "/it/non-esiste/",
        "/en/nowhere/",
        "/xx/piano-strategico-2/",
        "/it/piano-strategico-9/",
        "/it/piano-strategico-2/a/b/c/",
        "/it/piano-strategico-2/direzioni/99/",
        "/it/piano-strategico-2/direzioni/abc/",
    ],
)
def test_bad_addresses_are_404_in_the_layout(client, path):
    make_plan(number=2)
    response = client.get(path)
    assert response.status_code == 404
    assert "Torino Internazionale" in response.content.decode()
    assert 'class="main-nav"' in response.content.decode()


def test_404_speaks_the_visitors_language(client):
    assert "Pagina non trovata" in client.get("/it/nulla/").content.decode()
    assert "Page not found" in client.get("/en/nothing/").content.decode()


def test_500_page_renders_in_the_layout():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Torino Internazionale" in html and 'class="main-nav"' in html


def test_search_finds_pages_in_either_language(client):
    page = make_page(
        title_it="Processo partecipativo",
        title_en="Participatory process",
        plan=make_plan(number=2),
    )
    html = client.get("/en/search/", {"q": "partecipativo"}).content.decode()
    assert "Participatory process" in html
    assert f'href="/en/strategic-plan-2/{page.slug_en}/"' in html
    assert "Nothing matches" in client.get("/en/search/", {"q": "zzzz"}).content.decode()
    assert client.get("/en/search/", {"q": "x" * 5000}).status_code == 200


def test_search_ignores_drafts(client):
    make_page(title_it="Bozza segreta", status=Status.DRAFT)
    assert "Bozza segreta" not in client.get("/it/cerca/", {"q": "segreta"}).content.decode()


def test_robots_and_sitemap(client):
    make_page(plan=make_plan(number=2), slug_it="processo", slug_en="process")
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    sitemap = sitemap_text(client)
    assert "/it/piano-strategico-2/processo/" in sitemap
    assert "/en/strategic-plan-2/process/" in sitemap
    assert 'hreflang="en"' in sitemap


def test_admin_is_in_italian_whatever_the_browser(admin_client):
    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Contenuti del portale" in html


@override_settings(DEBUG=False)
def test_no_asset_comes_from_another_site(client):
    html = client.get("/it/").content.decode()
    assert "//ajax.googleapis" not in html
    assert 'src="http' not in html and 'href="https://fonts' not in html


def test_deploy_checks_are_clean_with_production_settings():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "k" * 20 + "-production-only-" + "z" * 40,
        "ALLOWED_HOSTS": "www.torinointernazionale.org",
        # Without it, torino_portal.W001 (tests/test_bad_requests.py checks that warning).
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_interface_string_is_translated_into_italian():
    catalogue = polib.pofile(str(ROOT / "locale/it/LC_MESSAGES/django.po"))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []
    for language in ("it", "en"):
        po = polib.pofile(str(ROOT / f"locale/{language}/LC_MESSAGES/django.po"))
        mo = polib.mofile(str(ROOT / f"locale/{language}/LC_MESSAGES/django.mo"))
        compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo}
        for entry in po.translated_entries():
            if not entry.msgid_plural:  # the committed .mo is compiled from this .po
                assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid


@pytest.mark.redis
def test_redis_url_gives_a_shared_cache_on_a_real_redis():
    """What one process caches, another reads: the value lives in the Redis server, not in a
    process's memory (where the cache falls back while Redis is away)."""
    import redis

    env = {
        **os.environ,
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DJANGO_SETTINGS_MODULE": "torino_portal.settings",
    }

    def in_a_new_process(code):
        script = f"import django; django.setup(); from django.core.cache import cache; {code}"
        return subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )

    server = redis.Redis.from_url("redis://127.0.0.1:6379/15")
    server.delete(":1:portal-test")
    try:
        writer = in_a_new_process("cache.set('portal-test', 'ok', 30)")
        assert writer.returncode == 0, writer.stderr
        assert server.exists(":1:portal-test") == 1
        reader = in_a_new_process("print(cache.get('portal-test'))")
        assert reader.stdout.split() == ["ok"], reader.stderr
    finally:
        server.delete(":1:portal-test")


def test_search_lists_a_meeting_once_and_plain_events_in_the_agenda(client):
    from tests.factories_commissions import make_meeting
    from tests.factories_events import make_event

    make_meeting(title_it="Forum sulla metropoli", title_en="Forum on the metropolis")
    make_event(title_it="Presentazione sulla metropoli", title_en="Presentation on the metropolis")
    html = client.get("/en/search/", {"q": "metropoli"}).content.decode()
    assert html.count("Forum on the metropolis") == 1
    assert html.count("Presentation on the metropolis") == 1
