"""The Strategic Plans: trees of pages, directions, publishing states, queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plans.models import MetaObjective, Page
from tests.factories import make_direction, make_page, make_plan, make_staff
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan2():
    return make_plan(number=2, title_it="Piano Strategico 2", title_en="Strategic Plan 2")


def test_page_tree_addresses_in_both_languages(client, plan2):
    dev = make_page(plan=plan2, title_it="Elaborazione del Piano", title_en="Plan development")
    process = make_page(parent=dev, title_it="Processo", title_en="Process")
    assert dev.slug_it == "elaborazione-del-piano" and dev.slug_en == "plan-development"
    assert process.get_absolute_url() == "/it/piano-strategico-2/elaborazione-del-piano/processo/"
    html = client.get("/it/piano-strategico-2/elaborazione-del-piano/processo/").content.decode()
    assert '<h1 class="page-title">Processo</h1>' in html
    breadcrumbs = html[
        html.index('aria-label="Percorso"') : html.index("</nav>", html.index("Percorso"))
    ]
    assert [
        part
        for part in ["Home", "Piano Strategico 2", "Elaborazione del Piano", "Processo"]
        if part in breadcrumbs
    ] == ["Home", "Piano Strategico 2", "Elaborazione del Piano", "Processo"]
    english = client.get("/en/strategic-plan-2/plan-development/process/").content.decode()
    assert '<h1 class="page-title">Process</h1>' in english


def test_missing_english_slug_falls_back_to_the_title_or_italian(plan2):
    page = make_page(plan=plan2, title_it="Visione", title_en="", slug_en="")
    assert page.slug_en == "visione"


def test_a_page_lists_its_children_and_the_side_tree(client, plan2):
    parent = make_page(plan=plan2, title_it="Il Piano")
    make_page(parent=parent, title_it="Visione", order=2)
    make_page(parent=parent, title_it="Meta-obiettivi", order=1)
    html = client.get(parent.get_absolute_url()).content.decode()
    children = html[html.index("In questa sezione") :]
    assert children.index("Meta-obiettivi") < children.index("Visione")
    assert 'class="side-nav"' in html and 'aria-current="page">Il Piano</a>' in html


def test_plan_overview_shows_the_whole_tree(client, plan2):
    top = make_page(plan=plan2, title_it="Alto")
    make_page(parent=make_page(parent=top, title_it="Medio"), title_it="Profondo")
    html = client.get("/it/piano-strategico-2/").content.decode()
    assert "Alto" in html and "Medio" in html and "Profondo" in html


def test_draft_and_future_pages_are_hidden_from_visitors(client, plan2):
    draft = make_page(plan=plan2, status=Status.DRAFT)
    future = make_page(plan=plan2, published_at=timezone.now() + timedelta(days=1))
    child_of_draft = make_page(parent=draft)
    for page in (draft, future, child_of_draft):
        assert client.get(page.get_absolute_url()).status_code == 404
    assert draft.title_it not in client.get("/it/piano-strategico-2/").content.decode()


def test_staff_preview_drafts_with_a_banner(client, plan2):
    draft = make_page(plan=plan2, status=Status.DRAFT)
    client.force_login(make_staff())
    html = client.get(draft.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in html and "Anteprima" in html
    published = make_page(plan=plan2)
    assert 'class="preview-banner"' not in client.get(published.get_absolute_url()).content.decode()


def test_draft_plan_is_404(client):
    make_plan(number=1, status=Status.DRAFT)
    assert client.get("/it/piano-strategico-1/").status_code == 404


def test_directions_listed_by_meta_objective_and_each_with_its_page(client, plan2):
    make_direction(
        plan=plan2, number=1, title_it="Torino metropoli", meta_objective=MetaObjective.COHESION
    )
    make_direction(
        plan=plan2,
        number=2,
        title_it="Economia della conoscenza",
        meta_objective=MetaObjective.COMPETITIVENESS,
    )
    html = client.get("/it/piano-strategico-2/direzioni/").content.decode()
    assert html.index("Competitività") < html.index("Economia della conoscenza")
    assert html.index("Coesione sociale e territoriale") < html.index("Torino metropoli")
    page = client.get("/it/piano-strategico-2/direzioni/1/").content.decode()
    assert "1. Torino metropoli" in page and "coesione sociale e territoriale" in page
    english = client.get("/en/strategic-plan-2/directions/2/").content.decode()
    assert "Direction" in english and "competitiveness" in english


def test_the_kept_directions_follow_edits_drafts_and_schedules(
    client, plan2, monkeypatch, django_assert_num_queries
):
    from torino_portal import fragments

    first = make_direction(plan=plan2, number=1, title_it="Torino metropoli")
    make_direction(plan=plan2, number=2, title_it="Bozza", status=Status.DRAFT)
    soon = timezone.now() + timedelta(hours=1)
    make_direction(plan=plan2, number=3, title_it="Annunciata", published_at=soon)
    url = "/it/piano-strategico-2/direzioni/"
    html = client.get(url).content.decode()
    assert 'href="/it/piano-strategico-2/direzioni/1/"' in html
    assert "Bozza" not in html and "Annunciata" not in html
    with django_assert_num_queries(0):  # the plan, its tree and its directions are kept
        client.get(url)
    first.title_it = "Torino metropoli del Nord"
    first.save()
    assert "Torino metropoli del Nord" in client.get(url).content.decode()
    later = soon + timedelta(seconds=1)  # no save in between
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Annunciata" in client.get(url).content.decode()
    client.force_login(make_staff())  # staff preview drafts
    assert "Bozza" in client.get(url).content.decode()


def test_admin_has_view_on_site_and_saves_a_page(admin_client, plan2):
    page = make_page(plan=plan2)
    html = admin_client.get(f"/admin/plans/page/{page.pk}/change/").content.decode()
    assert "Vedi sul sito" in html
    assert 'id="id_body_en"' in html and 'id="id_body_it"' in html


def test_admin_rejects_a_page_inside_itself(admin_client, plan2):
    parent = make_page(plan=plan2)
    child = make_page(parent=parent)
    data = {
        "plan": plan2.pk,
        "parent": child.pk,
        "order": 1,
        "title_it": parent.title_it,
        "title_en": "",
        "slug_it": parent.slug_it,
        "slug_en": parent.slug_en,
        "summary_it": "",
        "summary_en": "",
        "body_it": "<p>x</p>",
        "body_en": "",
        "status": "published",
        "published_at_0": "24/11/2026",
        "published_at_1": "10:00:00",
    }
    response = admin_client.post(f"/admin/plans/page/{parent.pk}/change/", data)
    assert response.status_code == 200
    assert "Una pagina non può stare dentro se stessa." in response.content.decode()
    parent.refresh_from_db()
    assert parent.parent_id is None


def test_page_queries_do_not_grow_with_the_tree(client, plan2, django_assert_num_queries):
    """A few hundred pages: the page, its menu, breadcrumbs and side tree in fixed queries
    (the numbers README.md states: Speed, and the page tree's decision)."""
    tops = [make_page(plan=plan2) for _ in range(20)]
    deep = tops[0]
    for _ in range(5):
        deep = make_page(parent=deep)
    Page.objects.bulk_create(
        [
            Page(
                plan=plan2,
                parent=top,
                title_it=f"Foglia {top.pk}-{i}",
                slug_it=f"f-{top.pk}-{i}",
                slug_en=f"l-{top.pk}-{i}",
                status=Status.PUBLISHED,
                order=i,
            )
            for top in tops
            for i in range(15)
        ]
    )
    assert Page.objects.filter(plan=plan2).count() > 300
    # The plan, its tree, the page; and, once per content change, when the next scheduled
    # plan or page goes live (the tree is kept until then: torino_portal/fragments.py).
    with django_assert_num_queries(5):
        response = client.get(deep.get_absolute_url())
    assert response.status_code == 200
    # Kept: only the page's own text.
    with django_assert_num_queries(1):
        assert client.get(tops[1].get_absolute_url()).status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/it/piano-strategico-2/").status_code == 200


def test_the_plans_contents_list_a_large_section_in_part_and_link_the_rest(client, plan2):
    section = make_page(plan=plan2, title_it="Territorio", title_en="Territory")
    Page.objects.bulk_create(
        [
            Page(
                plan=plan2,
                parent=section,
                title_it=f"Progetto {i:02d}",
                slug_it=f"progetto-{i}",
                slug_en=f"project-{i}",
                status=Status.PUBLISHED,
                order=i,
            )
            for i in range(15)
        ]
    )
    html = client.get("/it/piano-strategico-2/").content.decode()
    assert "Progetto 11" in html and "Progetto 12" not in html
    assert f'<a href="{section.get_absolute_url()}">3 altre pagine in “Territorio”</a>' in html
    # The section's own page lists every one of them.
    section_page = client.get(section.get_absolute_url()).content.decode()
    assert "Progetto 14" in section_page
    english = client.get("/en/strategic-plan-2/").content.decode()
    assert "3 more pages in “Territory”" in english
