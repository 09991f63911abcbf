"""What people click: a visitor posts to the online forum, an editor approves it in the
admin with the bulk action, the visitor sees it; the staff notice goes through real SMTP."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import make_plan, make_site_page, make_staff
from tests.factories_commissions import make_commission, make_meeting, make_topic
from tests.mailqueue import deliver

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def topic(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["redazione@example.org"]
    make_site_page("privacy")
    commission = make_commission(
        plan=make_plan(number=2), name_it="Qualità Sociale", name_en="Social Quality"
    )
    make_meeting(commission, title_it="Giornata di consultazione con le scuole")
    return make_topic(
        commission, title_it="Quale futuro per le periferie?", title_en="What future for suburbs?"
    )


def test_a_contribution_is_shown_once_an_editor_approves_it(
    page, browser, live_server, topic, smtp_server
):
    text = "Più spazi per i ragazzi nei quartieri.\nAperti anche la sera: https://example.org"
    page.goto(topic.get_absolute_url())
    form = page.locator("#contribute form")
    form.get_by_label("Il tuo nome").fill("Lucia")
    form.get_by_label("Il tuo indirizzo e-mail").fill("lucia@example.org")
    form.get_by_label("Il tuo contributo").fill(text)
    form.get_by_label("Ho letto l'informativa sulla privacy").check()
    form.get_by_role("button", name="Invia il contributo").click()

    expect(page.get_by_role("status")).to_contain_text("in attesa di moderazione")
    expect(page.locator(".contributions")).not_to_contain_text("Più spazi per i ragazzi")

    # The editors are told by e-mail, through a real SMTP server, by the mail worker.
    deliver()
    (message,) = smtp_server.messages
    assert message.envelope_to == ["redazione@example.org"]
    assert "Quale futuro per le periferie?" in message["Subject"]

    editor = make_staff()
    admin = browser.new_context(locale="it-IT", base_url=live_server.url)
    admin.set_default_timeout(15_000)
    tab = admin.new_page()
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill(editor.username)
    tab.get_by_label("Password").fill(editor.raw_password)
    tab.get_by_role("button", name="Accedi").click()
    tab.goto("/admin/commissions/contribution/?status__exact=pending")
    row = tab.get_by_role("row").filter(has_text="Lucia")
    row.get_by_role("checkbox").check()
    tab.locator("select[name=action]").select_option("approve")
    tab.get_by_role("button", name="Vai").click()
    expect(tab.get_by_text("1 contributo approvato.")).to_be_visible()
    admin.close()

    page.reload()
    contribution = page.locator(".contribution").filter(has_text="Lucia")
    expect(contribution).to_contain_text("Più spazi per i ragazzi nei quartieri.")
    expect(contribution.get_by_role("link", name="https://example.org")).to_have_attribute(
        "rel", "nofollow ugc"
    )
    expect(page.locator("main")).not_to_contain_text("lucia@example.org")


def test_commission_pages_pass_axe_wcag_aa(page, topic):
    axe = Axe()
    commission = topic.commission
    meeting = commission.meetings.get()
    for path in [
        "/it/commissioni/",
        commission.get_absolute_url(),
        meeting.get_absolute_url(),
        "/it/commissioni/processo/",
        topic.get_absolute_url(),
    ]:
        page.goto(path)
        results = axe.run(page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
        assert results.violations_count == 0, (path, results.generate_report())
