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


def test_a_pages_siblings_are_listed_in_their_order_to_be_dragged(client):
    plan = make_plan()
    parent = make_page(plan=plan, title_it="Genitore", order=1)
    make_page(parent=parent, title_it="Terza", order=9)
    make_page(parent=parent, title_it="Prima", order=2)
    make_page(plan=plan, title_it="Altrove", order=3)
    client.force_login(make_staff())
    html = client.get("/admin/plans/page/").content.decode()
    assert f'href="?parent__id__exact={parent.pk}"' in html
    html = client.get(f"/admin/plans/page/?parent__id__exact={parent.pk}").content.decode()
    titles = re.findall(r'<span class="tree-depth-\d">([^<]+)</span>', html)
    assert titles == ["Prima", "Terza"]
    assert html.count('class="drag handle"') == 2
    top = client.get(f"/admin/plans/page/?parent__isnull=True&plan__id__exact={plan.pk}")
    titles = re.findall(r'<span class="tree-depth-\d">([^<]+)</span>', top.content.decode())
    assert titles == ["Genitore", "Altrove"]


def test_dragging_needs_the_change_permission(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    page = make_page(order=1)
    viewer = get_user_model().objects.create_user("viewer", "v@example.org", "x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_page"))
    client.force_login(viewer)
    response = client.post(
        "/admin/plans/page/adminsortable2_update/",
        f'{{"updatedItems": [[{page.pk}, 7]]}}',
        content_type="application/json",
    )
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.order == 1
