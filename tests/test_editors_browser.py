"""The editors' workspace in a real browser (issue 11): change a page, see the difference
in its history, restore the earlier version and find it on the public page again; the
page tree reordered; the newsletter form at 1280 × 800."""

import pytest
from playwright.sync_api import expect

from commissions.models import Commission
from newsletter.models import Newsletter
from plans.models import Page
from tests.factories import make_page, make_plan, make_staff
from tests.factories_commissions import make_commission
from tests.factories_newsletter import make_newsletter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, username="redattrice"):
    make_staff(username, "a-long-test-password")
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def test_an_editor_changes_a_page_compares_and_restores_it(page):
    site_page = make_page(title_it="Il titolo giusto", title_en="The right title")
    public_url = site_page.get_absolute_url()
    log_in(page)

    page.goto(f"/admin/plans/page/{site_page.pk}/change/")
    page.fill("#id_title_it", "Un titolo sbagliato")
    page.get_by_role("button", name="Salva", exact=True).first.click()
    page.wait_for_url("**/admin/plans/page/")
    assert "Modifiche salvate: pagina «Un titolo sbagliato»" in page.inner_text(".messagelist")
    page.goto(public_url)
    assert page.locator("h1").first.text_content().strip() == "Un titolo sbagliato"

    page.goto(f"/admin/plans/page/{site_page.pk}/history/")
    assert "Titolo [it]" in page.inner_text("#change-history")
    page.get_by_role("button", name="Confronta le due versioni scelte").click()
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Titolo [it]"))
    old = row.locator("td.history-old").inner_text()
    new = row.locator("td.history-new").inner_text()
    assert (old, new) == ("Il titolo giusto", "Un titolo sbagliato")

    page.get_by_role("link", name="ripristina questa versione").first.click()
    page.get_by_role("button", name="Ripristina questa versione").first.click()
    page.wait_for_url("**/admin/plans/page/")
    assert "Modifiche salvate: pagina «Il titolo giusto»" in page.inner_text(".messagelist")
    assert Page.objects.get(pk=site_page.pk).title_it == "Il titolo giusto"

    page.goto(public_url)
    assert page.locator("h1").first.text_content().strip() == "Il titolo giusto"


def drag(page, source, target):
    """Drag as a hand does — press, move in small steps, release — so that the sorting
    script sees every move (`drag_to` jumps, and a busy machine drops the jump)."""
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=12)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 2, steps=4)
    page.mouse.up()


def test_an_editor_reorders_the_tree(page):
    plan = make_plan()
    first = make_page(plan=plan, title_it="Prima", order=1)
    second = make_page(plan=plan, title_it="Seconda", order=2)
    make_page(parent=first, title_it="Figlia della prima", order=1)
    log_in(page)
    page.goto(f"/admin/plans/page/?plan__id__exact={plan.pk}")
    titles = page.locator("th.field-tree_title")
    expect(titles).to_have_text(["Prima", "Figlia della prima", "Seconda"])
    # From the tree to the pages at the first page's level, where they are dragged.
    row = page.locator("tr", has=page.get_by_role("link", name="Prima", exact=True))
    row.get_by_role("link", name="a questo livello").click()
    expect(titles).to_have_text(["Prima", "Seconda"])
    handles = page.locator("div.drag.handle")
    with page.expect_response("**/adminsortable2_update/") as saved:
        drag(page, handles.nth(1), handles.nth(0))
    assert saved.value.ok
    expect(titles).to_have_text(["Seconda", "Prima"])
    page.goto(f"/admin/plans/page/?plan__id__exact={plan.pk}")
    expect(titles).to_have_text(["Seconda", "Prima", "Figlia della prima"])
    assert Page.objects.get(pk=second.pk).order < Page.objects.get(pk=first.pk).order


def test_the_newsletter_form_at_1280_sends_a_test_without_overlaps(page, tmp_path):
    newsletter = make_newsletter(
        subject_it="Un oggetto piuttosto lungo per la newsletter di primavera del Piano"
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page)
    page.goto(f"/admin/newsletter/newsletter/{newsletter.pk}/change/")
    page.screenshot(path=tmp_path / "newsletter-1280.png", full_page=False)
    title = page.locator("#content h1").bounding_box()
    for tool in page.locator(".object-tools li").all():
        box = tool.bounding_box()
        overlaps = not (
            box["x"] + box["width"] <= title["x"]
            or title["x"] + title["width"] <= box["x"]
            or box["y"] + box["height"] <= title["y"]
            or title["y"] + title["height"] <= box["y"]
        )
        assert not overlaps, tool.inner_text()
    page.get_by_role("button", name="Inviami una prova").click()
    page.wait_for_url(f"**/admin/newsletter/newsletter/{newsletter.pk}/change/")
    assert "redattrice@example.org" in page.inner_text(".messagelist")
    assert Newsletter.objects.get(pk=newsletter.pk).subject_it.startswith("Un oggetto")


def test_an_editor_drags_the_commissions_into_order(page):
    plan = make_plan()
    first = make_commission(plan=plan, name_it="Commissione A", order=1)
    second = make_commission(plan=plan, name_it="Commissione B", order=2)
    third = make_commission(plan=plan, name_it="Commissione C", order=3)
    log_in(page)
    page.goto("/admin/commissions/commission/")
    handles = page.locator("div.drag.handle")
    # The new order is saved at once, by the request the drop sends.
    with page.expect_response("**/adminsortable2_update/") as saved:
        handles.nth(2).drag_to(handles.nth(0))
    assert saved.value.ok
    names = page.locator("th.field-name, td.field-name")
    expect(names.first).to_have_text("Commissione C")
    # Saved as the list shows it, without pressing a button.
    expect(page.locator("th.field-name, td.field-name")).to_have_text(
        ["Commissione C", "Commissione A", "Commissione B"]
    )
    page.reload()
    expect(page.locator("th.field-name, td.field-name")).to_have_text(
        ["Commissione C", "Commissione A", "Commissione B"]
    )
    orders = {c.pk: c.order for c in Commission.objects.filter(plan=plan)}
    assert orders[third.pk] < orders[first.pk] < orders[second.pk]


def test_the_page_list_and_the_dashboard_fit_1280(page):
    plan = make_plan()
    top = make_page(
        plan=plan, title_it="Una pagina con un titolo abbastanza lungo da andare a capo"
    )
    for i in range(3):
        make_page(parent=top, title_it=f"Sottopagina numero {i} con un titolo lungo")
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page)
    page.goto("/admin/plans/page/")
    # Django scrolls a list that is too wide inside its box: columns cut off at the right.
    results = page.locator("#changelist .results")
    assert results.evaluate("box => box.scrollWidth <= box.clientWidth")
    page.goto("/admin/")
    header = page.locator("#dashboard-content th", has_text="Pubblicati senza inglese")
    assert header.bounding_box()["width"] > 80  # a column, not a letter per line


def test_the_editor_shows_headings_lists_and_quotes_as_the_site_does(page):
    site_page = make_page(
        body_it="<h2>Titolo</h2><h3>Sottotitolo</h3><p>Testo.</p>"
        "<ul><li>Voce</li></ul><blockquote><p>Citazione</p></blockquote>"
    )
    log_in(page)
    page.goto(f"/admin/plans/page/{site_page.pk}/change/")
    editor = page.locator(".ck-editor__editable").first

    def style(selector, name):
        return editor.locator(selector).first.evaluate(
            f"element => getComputedStyle(element).{name}"
        )

    size = {tag: float(style(tag, "fontSize")[:-2]) for tag in ("h2", "h3", "p")}
    assert size["h2"] > size["h3"] > size["p"]
    assert style("li", "listStyleType") == "disc"
    assert style("blockquote", "borderLeftStyle") == "solid"
    assert style("h4, h2", "fontWeight") in ("700", "bold")
