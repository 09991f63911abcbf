"""Rich text keeps only what the editor's toolbar makes: its classes, this site's images, a
text alternative on each image; and it is cleaned again when shown, so rows written without
`save()` (update, bulk_update, loaddata) cannot publish a script, in pages or in mails."""

import json

import pytest
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse

from newsletter.models import Newsletter
from newsletter.sending import render_newsletter
from plans.models import Page
from tests.factories import make_page, make_plan, make_site_page
from tests.factories_newsletter import make_newsletter
from torino_portal.models import SitePage
from torino_portal.publishing import Status
from torino_portal.richtext import render_html, sanitize_html

pytestmark = pytest.mark.django_db

SITE_CLASSES = ("skip-link", "visually-hidden", "preview-banner", "honeypot")
HOSTILE = (
    '<p class="skip-link">overlay</p><p class="visually-hidden">hidden</p>'
    '<p class="preview-banner">fake banner</p><p class="honeypot">trap</p>'
    '<img src="https://tracker.example/pixel.gif" alt="">'
    "<script>document.title='pwned'</script><p>testo vero</p>"
)


def _rich_text_of(html):
    start = html.index('<div class="rich-text"')
    return html[start : html.index("</div>", start)]


def _assert_harmless(fragment):
    for marker in ("<script", "pwned", "tracker.example", *SITE_CLASSES):
        assert marker not in fragment
    assert "testo vero" in fragment


def test_only_the_toolbars_classes_survive():
    html = sanitize_html(
        "".join(f'<p class="{name} lead">x</p>' for name in SITE_CLASSES)
        + '<figure class="image image-style-align-left image_resized evil">'
        '<img class="image-style-align-right" src="/media/editor/2026/a.png" alt="a"></figure>'
        '<figure class="table big"><table><tbody><tr><td>c</td></tr></tbody></table></figure>'
        '<ul class="todo-list"><li>fare</li></ul><pre><code class="language-python">x</code></pre>'
    )
    for name in (*SITE_CLASSES, "lead", "evil", "big"):
        assert name not in html
    for kept in (
        '<figure class="image image-style-align-left image_resized">',
        'class="image-style-align-right"',
        '<figure class="table">',
        '<ul class="todo-list">',
        '<code class="language-python">',
    ):
        assert kept in html


@pytest.mark.parametrize(
    "image",
    [
        '<img src="https://tracker.example/pixel.gif" alt="">',
        '<img src="//tracker.example/pixel.gif" alt="">',
        '<img src="http://127.0.0.1:8000.tracker.example/media/a.png" alt="">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '<img src="/admin/logout/" alt="">',
        '<img src="/media/../admin/logout/" alt="">',
        '<img src="/media/%2E%2E/admin/logout/" alt="">',
        '<img src="/media/a.png" srcset="https://tracker.example/p.gif 2x" alt="a">',
    ],
)
def test_images_from_elsewhere_are_dropped(image):
    html = sanitize_html(f"<p>prima</p>{image}<p>dopo</p>")
    assert "tracker.example" not in html and "data:" not in html and "admin/" not in html
    assert "<p>prima</p>" in html and "<p>dopo</p>" in html
    if "srcset" in image:
        assert '<img src="/media/a.png" alt="a">' in html  # only the foreign srcset went


def test_this_sites_media_and_configured_hosts_are_kept(settings):
    settings.RICH_TEXT_IMAGE_HOSTS = ["immagini.torinointernazionale.org"]
    html = sanitize_html(
        '<img src="/media/editor/2026/a.png" alt="a">'
        '<img src="http://127.0.0.1:8000/media/b.png" alt="b">'
        '<img src="https://immagini.torinointernazionale.org/c.webp" alt="c">'
        '<img src="http://immagini.torinointernazionale.org/d.webp" alt="d">'
    )
    assert html.count("<img") == 3 and "d.webp" not in html  # https only, as the CSP says


def test_a_page_shows_editor_styles_as_classes_never_as_inline_styles(client):
    page = make_page(
        plan=make_plan(number=2),
        body_it='<figure class="image image_resized" style="width:42.5%;">'
        '<img src="/media/editor/2026/a.png" alt="a" style="aspect-ratio:4/3;" width="400" '
        'height="300"></figure><p style="text-align:center;">centrato</p>',
    )
    fragment = _rich_text_of(client.get(page.get_absolute_url()).content.decode())
    assert "style=" not in fragment
    assert '<figure class="image image_resized width-40">' in fragment
    assert '<p class="text-align-center">centrato</p>' in fragment
    assert 'width="400" height="300"' in fragment


def test_update_bypasses_save_but_not_the_page(client):
    page = make_page(plan=make_plan(number=2))
    Page.objects.filter(pk=page.pk).update(body_it=HOSTILE)
    assert "<script" in Page.objects.get(pk=page.pk).body_it  # stored as sent…
    _assert_harmless(_rich_text_of(client.get(page.get_absolute_url()).content.decode()))


def test_bulk_update_bypasses_save_but_not_the_page(client):
    page = make_page(plan=make_plan(number=2))
    page.body_it = HOSTILE
    Page.objects.bulk_update([page], ["body_it"])
    _assert_harmless(_rich_text_of(client.get(page.get_absolute_url()).content.decode()))


def test_loaddata_bypasses_save_but_not_the_page(client, tmp_path):
    site_page = make_site_page("help")
    record = json.loads(serializers.serialize("json", [site_page]))
    record[0]["fields"]["body_it"] = HOSTILE
    fixture = tmp_path / "help.json"
    fixture.write_text(json.dumps(record))
    call_command("loaddata", str(fixture), verbosity=0)
    assert "<script" in SitePage.objects.get(key="help").body_it
    _assert_harmless(_rich_text_of(client.get(reverse("site-help")).content.decode()))


def test_newsletter_mails_go_through_the_same_sanitiser(settings):
    newsletter = make_newsletter()
    Newsletter.objects.filter(pk=newsletter.pk).update(
        body_it=HOSTILE + '<p><img src="/media/editor/2026/a.png" alt="grafico"></p>'
    )
    newsletter.refresh_from_db()
    _subject, html, text = render_newsletter(newsletter, "it")
    for marker in ("<script", "pwned", "tracker.example", *SITE_CLASSES):
        assert marker not in html
    assert f'src="{settings.SITE_URL}/media/editor/2026/a.png"' in html
    assert "testo vero" in html and "pwned" not in text


def test_newsletter_archive_page_is_sanitised_at_render(client):
    newsletter = make_newsletter(status=Status.PUBLISHED)
    Newsletter.objects.filter(pk=newsletter.pk).update(body_it=HOSTILE)
    html = client.get(reverse("newsletter:detail", kwargs={"pk": newsletter.pk})).content.decode()
    _assert_harmless(_rich_text_of(html))


def test_render_is_idempotent_on_clean_text():
    clean = sanitize_html('<h2>Titolo</h2><p><a href="https://example.org">l</a></p>')
    assert render_html(clean) == clean


# --- The admin: images need a text alternative and must be on this site ----------------


def _site_page_form(body):
    return {
        "key": "help",
        "title_it": "Aiuto",
        "title_en": "Help",
        "summary_it": "",
        "summary_en": "",
        "body_it": body,
        "body_en": "",
        "status": "published",
        "published_at_0": "24/11/2026",
        "published_at_1": "10:00:00",
    }


def test_an_image_without_alt_is_refused_with_a_clear_message(admin_client):
    page = make_site_page("help")
    response = admin_client.post(
        f"/admin/torino_portal/sitepage/{page.pk}/change/",
        _site_page_form(
            '<figure class="image"><img src="/media/editor/2026/grafico.png"></figure>'
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "«grafico.png» non ha un testo alternativo" in html
    assert "salva il testo alternativo vuoto" in html
    page.refresh_from_db()
    assert "grafico" not in page.body_it


def test_an_image_marked_decorative_with_an_empty_alt_is_accepted(admin_client):
    page = make_site_page("help")
    response = admin_client.post(
        f"/admin/torino_portal/sitepage/{page.pk}/change/",
        _site_page_form(
            '<figure class="image"><img src="/media/editor/2026/fregio.png" alt=""></figure>'
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert '<img src="/media/editor/2026/fregio.png" alt="">' in page.body_it


def test_an_image_from_another_site_is_refused_in_the_admin(admin_client):
    page = make_site_page("help")
    response = admin_client.post(
        f"/admin/torino_portal/sitepage/{page.pk}/change/",
        _site_page_form('<p><img src="https://tracker.example/pixel.gif" alt="x"></p>'),
    )
    assert response.status_code == 200
    assert "è su un altro sito" in response.content.decode()
