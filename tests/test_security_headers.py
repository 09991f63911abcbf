"""Security headers on every page type: Content-Security-Policy (none of 'unsafe-inline' or
'unsafe-eval' on public pages; the admin's own policy for CKEditor 5), Permissions-Policy,
HSTS, nosniff, Referrer-Policy, frame refusal. Chromium checks that nothing is blocked."""

import re

import pytest

from tests.factories_site import build_site, public_urls

pytestmark = pytest.mark.django_db


def _directives(header):
    return {
        part.split()[0]: part.split()[1:]
        for part in (piece.strip() for piece in header.split(";"))
        if part
    }


@pytest.fixture
def site(settings):
    settings.SERVE_MEDIA = True
    return build_site()


@pytest.mark.parametrize("language", ["it", "en"])
def test_every_public_page_type_has_every_header(client, site, language):
    for kind, url in public_urls(site, language):
        response = client.get(url, secure=True)
        assert response.status_code == (404 if kind == "404" else 200), (kind, url)
        csp = response["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, kind
        policy = _directives(csp)
        assert policy["default-src"] == ["'self'"], kind
        assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"], kind
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
        permissions = response["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in permissions, kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["X-Frame-Options"] == "DENY", kind
        assert re.match(
            r"max-age=\d{7,}; includeSubDomains; preload", response["Strict-Transport-Security"]
        )


def test_public_pages_carry_no_inline_code(client, site):
    """What the policy forbids is not in the pages either (it would be blocked)."""
    for language in ("it", "en"):
        for kind, url in public_urls(site, language):
            html = client.get(url).content.decode()
            assert not re.search(r"<script(?![^>]*\ssrc=)(?![^>]*application/(ld\+)?json)", html), (
                kind
            )
            assert "<style" not in html and " style=" not in html, kind
            assert not re.search(r"\son[a-z]+=", html), kind


def test_the_admin_has_its_own_policy_for_ckeditor(admin_client, site):
    response = admin_client.get(f"/admin/plans/page/{site['page'].pk}/change/", secure=True)
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    # CKEditor 5 places its balloons with style attributes and shows a data: image while
    # uploading; <style> elements stay the site's own.
    assert policy["style-src"] == ["'self'"]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]
    assert policy["img-src"] == ["'self'", "data:"]
    # Scripts stay this site's own: no inline script, no eval, in the admin too.
    assert policy["script-src"] == ["'self'"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_uploaded_files_have_a_policy_of_their_own(client, site):
    src = re.search(r'src="(/media/editor/[^"]+)"', site["page"].body_it)[1]
    response = client.get(src)
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
