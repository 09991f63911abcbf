"""In Chromium: no page type, in either language, breaks its Content-Security-Policy (no
violation event, no console report), and CKEditor 5 works in the admin under the admin's."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_staff
from tests.factories_press import png_bytes
from tests.factories_site import build_site, public_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Collected in the page from its first script on: every violation the browser reports.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


def _watch(page):
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            or "Permissions-Policy" in message.text
            else None
        ),
    )
    return console


@pytest.fixture
def site(settings):
    settings.SERVE_MEDIA = True
    return build_site()


@pytest.mark.parametrize("language", ["it", "en"])
def test_no_public_page_type_violates_its_policy(page, site, language):
    console = _watch(page)
    for kind, url in public_urls(site, language):
        response = page.goto(url)
        assert response.status == (404 if kind == "404" else 200), (kind, url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        violations = page.evaluate("window.__violations")
        assert violations == [], (kind, url, violations)
        assert console == [], (kind, url, console)
    # The pages did load their images and styles under the policy (nothing blocked).
    page.goto(public_urls(site, language)[2][1])
    assert page.locator(".rich-text figure.width-40 img").evaluate("img => img.naturalWidth") > 0
    assert (
        page.locator(".rich-text .text-align-center").evaluate("p => getComputedStyle(p).textAlign")
        == "center"
    )


def test_ckeditor_works_in_the_admin_under_its_policy(page, site):
    make_staff("redattrice", "a-long-test-password")
    from django.contrib.auth.models import User

    User.objects.filter(username="redattrice").update(is_superuser=True)
    console = _watch(page)
    page.goto("/admin/login/")
    page.fill("#id_username", "redattrice")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto(f"/admin/plans/page/{site['page'].pk}/change/")
    editable = page.locator(".ck-editor__editable").first
    editable.wait_for()
    assert editable.get_attribute("contenteditable") == "true"
    # The stored text is in the editor, its image shown; typing works.
    assert "Le immagini" in editable.inner_text()
    assert editable.locator("img").first.evaluate("img => img.naturalWidth") > 0
    editable.click()
    page.keyboard.type(" Nuova frase.")
    assert "Nuova frase." in editable.inner_text()
    # An image uploaded with the editor's button lands under /media/editor/, named by a token.
    page.locator(".ck-editor").first.locator("input[type=file]").first.set_input_files(
        {"name": "Foto Nuova.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    # (Locators wait from Playwright's own world: wait_for_function would need 'unsafe-eval'.)
    expect(editable.locator("img[src*='/media/editor/'][src$='-foto-nuova.png']")).to_have_count(1)
    assert page.evaluate("window.__violations") == []
    assert console == []


def test_other_admin_pages_work_under_the_admins_policy(page, site):
    make_staff("redattore", "a-long-test-password")
    console = _watch(page)
    page.goto("/admin/login/")
    page.fill("#id_username", "redattore")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    for url in (
        "/admin/",
        "/admin/plans/page/",
        "/admin/events/event/add/",
        "/admin/newsletter/newsletter/add/",
        f"/admin/commissions/meeting/{site['meeting'].pk}/change/",
        "/admin/press/publication/add/",
    ):
        assert page.goto(url).status == 200, url
        page.wait_for_load_state("load")
        assert page.evaluate("window.__violations") == [], url
    assert console == []
