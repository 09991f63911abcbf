"""The page list in the admin is the tree (issue 11): tree order, indented by depth; the
order column reorders siblings."""

import re

import pytest

from tests.factories import make_page, make_plan, make_staff

pytestmark = pytest.mark.django_db


def test_pages_are_listed_in_tree_order_and_indented(client):
    plan = make_plan()
    second = make_page(plan=plan, title_it="Seconda", order=2)
    first = make_page(plan=plan, title_it="Prima", order=1)
    make_page(parent=second, title_it="Seconda, figlia", order=1)
    make_page(parent=first, title_it="Prima, figlia B", order=5)
    child = make_page(parent=first, title_it="Prima, figlia A", order=3)
    make_page(parent=child, title_it="Prima, nipote", order=1)
    client.force_login(make_staff())
    html = client.get("/admin/plans/page/").content.decode()
    rows = re.findall(r'<span class="tree-depth-(\d)">([^<]+)</span>', html)
    assert rows == [
        ("0", "Prima"),
        ("1", "Prima, figlia A"),
        ("2", "Prima, nipote"),
        ("1", "Prima, figlia B"),
        ("0", "Seconda"),
        ("1", "Seconda, figlia"),
    ]


def test_changing_the_order_number_moves_a_page_among_its_siblings(client):
    plan = make_plan()
    a = make_page(plan=plan, title_it="A", order=1)
    b = make_page(plan=plan, title_it="B", order=2)
    client.force_login(make_staff())
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": a.pk,
        "form-0-order": "3",
        "form-1-id": b.pk,
        "form-1-order": "2",
        "_save": "Salva",
    }
    assert client.post("/admin/plans/page/", data).status_code == 302
    html = client.get("/admin/plans/page/").content.decode()
    titles = re.findall(r'<span class="tree-depth-\d">([^<]+)</span>', html)
    assert titles == ["B", "A"]
