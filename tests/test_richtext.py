"""Rich text is sanitised on save, whatever the path; editor uploads are staff-only images."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import make_page, make_plan, make_site_page
from torino_portal.richtext import sanitize_html

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    '<script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="display:none">hidden</p>',
    '<div style="position:fixed;top:0">overlay</div>',
    '<form action="https://evil.example"><input name="q"></form>',
    '<p onclick="alert(1)">text</p>',
    '<object data="x.swf"></object>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_are_inert_after_save_and_on_the_page(client, payload):
    page = make_page(plan=make_plan(number=2), body_it=f"<p>prima</p>{payload}<p>dopo</p>")
    page.refresh_from_db()
    stored = page.body_it.lower()
    for danger in (
        "<script",
        "onerror",
        "javascript:",
        "<svg",
        "<iframe",
        "display:none",
        "position:",
        "<form",
        "<input",
        "onclick",
        "<object",
        "<style",
    ):
        assert danger not in stored
    html = client.get(page.get_absolute_url()).content.decode().lower()
    start = html.index('<div class="rich-text"')
    body = html[start : html.index("</div>", start)]  # divs are not allowed in rich text
    assert "onerror" not in body and "javascript:" not in body and "<script" not in body
    assert "<p>prima</p>" in body  # the text around the payload stays


def test_the_editors_formatting_survives():
    html = (
        '<h2>Titolo</h2><p><strong>b</strong> <em>i</em> <a href="https://example.org">l</a></p>'
        "<ul><li>uno</li></ul><ol><li>due</li></ol><blockquote><p>cit</p></blockquote>"
        '<figure class="table"><table><tbody><tr><td>c</td></tr></tbody></table></figure>'
        '<figure class="image"><img src="/media/editor/2026/a.png" alt="alt"></figure>'
        '<p style="text-align:center;">centrato</p>'
    )
    clean = sanitize_html(html)
    for kept in (
        "<h2>Titolo</h2>",
        "<strong>b</strong>",
        "<em>i</em>",
        "<blockquote>",
        "<ul><li>uno</li></ul>",
        "<table>",
        'alt="alt"',
        "text-align:center",
        'href="https://example.org"',
    ):
        assert kept in clean


def test_every_language_column_is_sanitised():
    page = make_page(body_it="<p>ok</p><script>x</script>", body_en="<p onclick='x'>en</p>")
    page.refresh_from_db()
    assert page.body_it == "<p>ok</p>" and page.body_en == "<p>en</p>"


def test_saving_in_english_does_not_copy_italian_into_english():
    from django.utils import translation

    with translation.override("en"):
        page = make_page(body_it="<p>Solo italiano</p>", body_en="")
        page.save()
    page.refresh_from_db()
    assert page.body_en == "" and page.body_it == "<p>Solo italiano</p>"


def test_the_admin_path_is_sanitised_too(admin_client):
    site_page = make_site_page("help")
    data = {
        "key": "help",
        "title_it": "Aiuto",
        "title_en": "Help",
        "summary_it": "",
        "summary_en": "",
        "body_it": '<p>ok</p><img src=x onerror="alert(1)">',
        "body_en": "<script>alert(1)</script><p>fine</p>",
        "status": "published",
        "published_at_0": "24/11/2026",
        "published_at_1": "10:00:00",
    }
    response = admin_client.post(f"/admin/torino_portal/sitepage/{site_page.pk}/change/", data)
    assert response.status_code == 302
    site_page.refresh_from_db()
    assert "onerror" not in site_page.body_it and "<script" not in site_page.body_en


def _png(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_editor_upload_is_for_staff_only(client):
    upload = SimpleUploadedFile("a.png", _png(), content_type="image/png")
    response = client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 302 and "/admin/login/" in response.headers["Location"]


def test_editor_upload_accepts_an_image_by_content(admin_client, settings):
    upload = SimpleUploadedFile("My Photo.PNG", _png(), content_type="image/png")
    response = admin_client.post("/admin/editor-upload/", {"upload": upload})
    assert response.status_code == 200
    url = response.json()["url"]
    assert url.startswith("/media/editor/") and url.endswith("my-photo.png")


def test_editor_upload_refuses_other_content_whatever_the_name(admin_client):
    fake = SimpleUploadedFile(
        "photo.png", b"<html><script>alert(1)</script>", content_type="image/png"
    )
    response = admin_client.post("/admin/editor-upload/", {"upload": fake})
    assert response.status_code == 400
    assert "non è di un tipo accettato" in response.json()["error"]["message"]


def test_editor_upload_refuses_large_files(admin_client, settings):
    big = SimpleUploadedFile("big.png", _png() + b"0" * (6 * 1024 * 1024), content_type="image/png")
    response = admin_client.post("/admin/editor-upload/", {"upload": big})
    assert response.status_code == 400
    assert "il limite è 5,0" in response.json()["error"]["message"]


def test_a_shown_text_is_sanitised_once_and_an_edit_is_a_new_text(settings):
    """Pages remember a sanitised text by its stored value (and the settings the sanitiser
    reads): a changed body, or a host no longer allowed, is worked out again."""
    from types import SimpleNamespace

    from torino_portal.templatetags.portal import rich_text

    settings.RICH_TEXT_IMAGE_HOSTS = ["images.example.org"]
    body = '<h2>Titolo</h2><p><img src="https://images.example.org/a.png" alt="A"></p>'
    shown = rich_text(SimpleNamespace(body=body), "body")
    assert "images.example.org" in shown.html and shown.headings[0].anchor == "titolo"
    assert rich_text(SimpleNamespace(body=body), "body").html == shown.html
    settings.RICH_TEXT_IMAGE_HOSTS = []
    assert "images.example.org" not in rich_text(SimpleNamespace(body=body), "body").html
    edited = rich_text(SimpleNamespace(body=body + "<script>x</script>"), "body")
    assert "<script" not in edited.html
