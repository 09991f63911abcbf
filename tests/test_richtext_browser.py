"""In the admin's CKEditor 5: an image without a text alternative is refused with a clear
message; saving its text alternative empty marks it decorative (alt="") and is accepted."""

import re

import pytest

from plans.models import Page
from tests.factories import make_staff
from tests.factories_site import build_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_describes_or_marks_decorative_every_image(page, settings):
    settings.SERVE_MEDIA = True
    site = build_site()
    src = re.search(r'src="(/media/[^"]+)"', site["page"].body_it)[1]
    # Pasted from elsewhere or imported: an image nobody described yet.
    Page.objects.filter(pk=site["page"].pk).update(
        body_it=f'<p>Testo.</p><figure class="image"><img src="{src}"></figure>'
    )
    make_staff("redattrice", "a-long-test-password")
    page.goto("/admin/login/")
    page.fill("#id_username", "redattrice")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.goto(f"/admin/plans/page/{site['page'].pk}/change/")

    page.get_by_role("button", name="Salva", exact=True).first.click()
    error = page.locator(".errorlist").filter(has_text="non ha un testo alternativo")
    assert "salva il testo alternativo vuoto" in error.first.inner_text()

    editable = page.locator(".ck-editor__editable").first
    editable.locator("img").first.click()
    page.get_by_role("button", name="Cambia testo alternativo dell'immagine").click()
    page.get_by_label("Testo alternativo").fill("")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Salva", exact=True).first.click()
    page.wait_for_url("**/admin/plans/page/")
    assert f'<img src="{src}" alt="">' in Page.objects.get(pk=site["page"].pk).body_it
