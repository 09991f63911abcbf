"""The demo loader: the original site's content, idempotent, and removable where invented."""

import pytest
from django.apps import apps
from django.core.management import call_command

from plans.models import Direction, Page, Plan
from torino_portal.models import SitePage

pytestmark = pytest.mark.django_db

SEED_LINES = [
    "Predisporre il 1° Piano Strategico, nel 2000, ha significato per l’area metropolitana",
    "Competitività, attrattività, coesione sociale e territoriale sono i meta-obiettivi",
]


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"torino_portal", "plans", "events", "commissions", "press", "newsletter"}
    }


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_demo_fills_the_plans_and_the_seed_page(demo, client):
    assert set(Plan.objects.values_list("number", flat=True)) == {1, 2}
    assert Direction.objects.filter(plan__number=2).count() == 12
    html = client.get("/it/piano-strategico-2/elaborazione-del-piano/processo/").content.decode()
    for line in SEED_LINES:
        assert line in html
    english = client.get("/en/strategic-plan-2/plan-development/process/").content.decode()
    assert "The Plan as a method" in english and "The Turin Plan" in english
    assert "available only in Italian" not in english
    for key in ("home", "help", "contacts", "privacy"):
        assert SitePage.objects.filter(key=key, status="published").exists()


def test_demo_runs_twice_without_duplicates(demo):
    before = _row_counts()
    call_command("load_demo", verbosity=0)
    assert _row_counts() == before


def test_remove_keeps_the_real_content_and_drops_the_invented(demo, client):
    seed = Page.objects.get(slug_it="processo")
    assert not seed.is_demo
    assert Direction.objects.filter(is_demo=True).count() == 12
    call_command("load_demo", "--remove", verbosity=0)
    for model in apps.get_models():
        if any(field.name == "is_demo" for field in model._meta.fields):
            assert not model.objects.filter(is_demo=True).exists(), model
    assert Page.objects.filter(pk=seed.pk).exists()
    assert client.get(seed.get_absolute_url()).status_code == 200


def test_demo_items_are_marked_in_the_admin(demo, admin_client):
    html = admin_client.get("/admin/plans/direction/?is_demo__exact=1").content.decode()
    assert "12 direzioni d&#x27;intervento" in html or "12 direzioni d'intervento" in html
    assert html.count("icon-yes.svg") == 12  # the "demo" column
