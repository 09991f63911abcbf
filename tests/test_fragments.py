"""What pages keep until content changes (torino_portal/fragments.py): a plan's page tree,
the header and the footer. Kept, yet every change shows at once, a scheduled page on time,
drafts only to staff, and each visitor's form gets a CSRF token of its own."""

import re
from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import make_page, make_plan, make_staff
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def plan2():
    return make_plan(number=2, title_it="Piano Strategico 2", title_en="Strategic Plan 2")


def test_a_kept_page_tree_shows_every_change_at_once(client, plan2, django_assert_num_queries):
    first = make_page(plan=plan2, title_it="Visione")
    assert "Visione" in client.get(first.get_absolute_url()).content.decode()
    with django_assert_num_queries(0):  # the plan's own page: the tree is kept
        assert "Visione" in client.get("/it/piano-strategico-2/").content.decode()
    second = make_page(plan=plan2, title_it="Territorio")
    assert "Territorio" in client.get("/it/piano-strategico-2/").content.decode()
    second.title_it = "Territorio metropolitano"
    second.save()
    html = client.get(first.get_absolute_url()).content.decode()
    assert "Territorio metropolitano" in html
    second.delete()
    assert "Territorio" not in client.get("/it/piano-strategico-2/").content.decode()
    # Each language has its own tree.
    assert "Visione" not in client.get("/en/strategic-plan-2/").content.decode()


def test_a_scheduled_page_joins_the_kept_tree_when_it_goes_live(client, plan2, monkeypatch):
    make_page(plan=plan2, title_it="Visione")
    soon = timezone.now() + timedelta(hours=1)
    make_page(plan=plan2, title_it="Annuncio", published_at=soon)
    assert "Annuncio" not in client.get("/it/piano-strategico-2/").content.decode()
    # An hour later (no save in between): the kept tree ends at the scheduled time.
    later = soon + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Annuncio" in client.get("/it/piano-strategico-2/").content.decode()


def test_staff_see_drafts_in_the_tree_and_visitors_never_do(client, plan2):
    make_page(plan=plan2, title_it="Visione")
    make_page(plan=plan2, title_it="Bozza interna", status=Status.DRAFT)
    assert "Bozza interna" not in client.get("/it/piano-strategico-2/").content.decode()
    editor = make_staff()  # a superuser: may change pages
    client.force_login(editor)
    assert "Bozza interna" in client.get("/it/piano-strategico-2/").content.decode()
    client.logout()
    assert "Bozza interna" not in client.get("/it/piano-strategico-2/").content.decode()


def test_the_kept_footer_form_carries_each_visitors_own_token(client, plan2):
    page = make_page(plan=plan2, title_it="Visione")
    tokens = []
    for _ in range(2):
        visitor = client.__class__()
        response = visitor.get(page.get_absolute_url())
        html = response.content.decode()
        assert "footer-subscribe" in html
        assert "__csrf_token_placeholder__" not in html
        (token,) = TOKEN.findall(html)
        tokens.append(token)
        assert "csrftoken" in response.cookies  # the cookie the token goes with
    assert tokens[0] != tokens[1]


def test_nothing_is_kept_while_the_shared_cache_is_away(monkeypatch):
    calls = []
    monkeypatch.setattr(fragments.page_cache, "_generation", lambda: None)
    for _ in range(2):
        fragments.kept("test", lambda: calls.append(1))
    assert len(calls) == 2


def test_while_the_shared_cache_is_away_a_request_builds_each_value_once(
    client, monkeypatch, django_assert_max_num_queries
):
    """The sitemap index asks for the sections' summary once a section: with nothing kept
    that was every section's queries for each section (414 queries, 1.6 s on the large
    data set); within one request the value is built once, and never outlives it."""
    from tests.factories_press import make_clipping
    from torino_portal import page_cache

    monkeypatch.setattr(fragments.page_cache, "_generation", lambda: None)
    calls = []

    def view(request):
        for _ in range(3):
            fragments.kept("test", lambda: calls.append(1) or len(calls))
        return None

    for _ in range(2):
        page_cache.AnonymousPageCacheMiddleware(view)(RequestFactory().get("/it/"))
    assert len(calls) == 2  # once per request
    make_clipping()
    with django_assert_max_num_queries(40):
        assert client.get("/sitemap.xml").status_code == 200


def test_a_page_asks_the_shared_cache_for_the_generation_once(client, plan2, monkeypatch):
    """Header, footer and tree are kept fragments; with Redis each ask is a round trip."""
    from torino_portal import page_cache

    make_page(plan=plan2, title_it="Visione")
    client.get("/it/piano-strategico-2/")  # fill the kept fragments
    asked = []
    real_get = page_cache._cache().get
    monkeypatch.setattr(
        page_cache._cache(),
        "get",
        lambda key, *rest, **kw: asked.append(key) or real_get(key, *rest, **kw),
    )
    client.get("/it/piano-strategico-2/")
    assert asked.count(page_cache.GENERATION_KEY) == 1


def test_a_change_made_during_a_request_is_seen_by_the_rest_of_it(rf):
    """The generation read once per request is forgotten when the request changes content."""
    from torino_portal import page_cache

    def view(request):
        before = page_cache._generation()
        page_cache.content_changed()
        return (before, page_cache._generation())

    before, after = page_cache.AnonymousPageCacheMiddleware(view)(rf.get("/it/"))
    assert after != before


def test_the_homes_kept_sections_show_a_scheduled_item_on_time(client, monkeypatch):
    from tests.factories_press import make_clipping

    make_clipping(headline="Articolo di ieri")
    soon = timezone.now() + timedelta(hours=1)
    make_clipping(headline="Articolo programmato", published_at=soon)
    html = client.get("/it/").content.decode()
    assert "Articolo di ieri" in html and "Articolo programmato" not in html
    later = soon + timedelta(seconds=1)  # no save in between
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Articolo programmato" in client.get("/it/").content.decode()


def test_staff_get_the_homes_sections_afresh(client, monkeypatch):
    from tests.factories_press import make_clipping

    make_clipping(headline="Articolo di ieri")
    client.get("/it/")  # kept for visitors
    client.force_login(make_staff())
    built, real = [], fragments.kept
    monkeypatch.setattr(
        fragments, "kept", lambda name, *rest, **kw: built.append(name) or real(name, *rest, **kw)
    )
    client.get("/it/")
    assert built and not [name for name in built if name.startswith("contribution:")]
