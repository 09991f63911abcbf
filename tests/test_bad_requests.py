"""Bad requests are 4xx pages, never 500: refused hosts, NUL and undecodable bytes, admin
filters; links and alternates never echo the request's path; `check --deploy` and Redis."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    # A 500 must show up as a status here, not as an exception raised into the test.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("https_redirect", [False, True])
def test_a_refused_host_gets_a_plain_400(client, settings, https_redirect):
    settings.SECURE_SSL_REDIRECT = https_redirect  # the redirect asks for the Host first
    response = client.get("/it/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert b"evil" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/it/cerca/?q=%00",
        "/it/cerca/?q=caf%FF",
        "/it/cerca/?q=%C0%AE%C0%AE%2F",  # overlong "../"
        "/it/cerca/?q=%ED%A0%80",  # a UTF-16 surrogate, not UTF-8
        "/it/rassegna-stampa/?source=%00",
        "/it/rassegna-stampa/?source=%00%ff",
        "/it/agenda/?kind=%00",
        "/it/agenda/%00/",
        "/it/%FF/",
        "/en/search/?q=a%00b",
        "/it/commissioni/forum/?x=%00",
    ],
)
def test_nul_and_undecodable_bytes_get_the_400_page(client, url):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 400
    assert '<main id="content"' in html
    assert ("Bad request" if url.startswith("/en/") else "Richiesta non valida") in html


def test_the_400_page_speaks_the_address_language(client):
    html = client.get("/en/search/?q=%00").content.decode()
    assert '<html lang="en">' in html and '<h1 class="page-title">Bad request</h1>' in html


def test_raw_bytes_in_the_path_are_refused(client):
    # What a server hands over for GET /it/%FF/ and /it/\x00: bytes as latin-1 text.
    assert client.get("/", PATH_INFO="/it/\xff/").status_code == 400
    assert client.get("/", PATH_INFO="/it/a\x00b/").status_code == 400


def test_a_header_with_a_nul_is_refused(client):
    data = {"username": "redazione", "password": "wrong"}
    response = client.post("/admin/login/", data, HTTP_USER_AGENT="Mozilla\x00/5.0")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/it/commissioni/qualita-sociale/incontri/99999999999999999999-forum/",
        "/en/commissions/social-quality/meetings/9223372036854775808-forum/",
    ],
)
def test_meeting_numbers_past_the_column_are_404(client, path):
    # Found by tests/test_hostile_input.py (HYPOTHESIS_PROFILE=thorough), on SQLite.
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/it/agenda/1990/2736591077/",
        "/it/agenda/2006/5/99999999999/",
        "/en/agenda/2006/9999999999/1/",
    ],
)
def test_huge_months_and_days_are_404(client, path):
    # Found by tests/test_hostile_input.py (HYPOTHESIS_PROFILE=thorough): C's int overflowed.
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("digits", ["²", "١٢", "3²"])
def test_digits_that_int_refuses_are_404(client, digits):
    # str.isdigit() accepts them, int() does not (found by HYPOTHESIS_PROFILE=thorough).
    assert client.get("/it/cerca/", {"q": "piano", "page": digits}).status_code == 404
    assert client.get(f"/it/agenda/iscrizioni/annulla/{digits}-abc/").status_code == 404


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "django_language"])
def test_a_cookie_with_a_nul_is_ignored(client, cookie):
    # Cookie values in quotes may spell bytes in octal: "\\000" is a NUL once parsed.
    header = f'{cookie}="abcdefgh\\000ijk"'
    response = client.get("/admin/", HTTP_COOKIE=header)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/it/", HTTP_COOKIE=header).status_code == 200


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("date__year=99999", 400),
        ("date__year=9999", 400),  # the next year, 10000, cannot be a date
        ("date__year=9999&date__month=12", 400),
        ("date__year=99999999999999999999", 400),
        ("date__year=2006&date__month=13", 400),
        ("date__year=%00", 400),
        ("source__id__exact=%00", 400),
        ("q=%00", 400),
        # In range but no such day: the admin's own "?e=1" (incorrect lookup) redirect.
        ("date__year=2006&date__month=2&date__day=31", 302),
    ],
)
def test_admin_lists_refuse_nul_and_impossible_dates(client, admin_user, query, status):
    client.force_login(admin_user)
    assert client.get(f"/admin/press/clipping/?{query}").status_code == status


def test_every_date_hierarchy_survives_year_9999(client, admin_user):
    client.force_login(admin_user)
    for url, field in [
        ("/admin/press/clipping/", "date"),
        ("/admin/events/event/", "start"),
        ("/admin/plans/page/", "published_at"),
        ("/admin/newsletter/newsletter/", "published_at"),
    ]:
        assert client.get(f"{url}?{field}__year=9999").status_code == 400, url
        assert client.get(f"{url}?{field}__year=2006").status_code == 200, url


@pytest.mark.parametrize(
    "path", ["//evil.example/it/", "//evil.example/it/cerca/", "/it/nowhere//evil.example/"]
)
def test_links_never_point_off_site(client, path, settings):
    settings.SITE_URL = "https://www.torinointernazionale.org"
    response = client.get("/", PATH_INFO=path)
    html = response.content.decode()
    assert response.status_code == 404
    # Nothing points off-site: at most the path itself, on the site's own address.
    assert "evil" not in html.replace(f"{settings.SITE_URL}{path}", "")
    for href in re.findall(
        r'<link rel="(?:alternate|canonical)" (?:hreflang="[^"]*" )?href="([^"]*)"', html
    ):
        assert href.startswith(f"{settings.SITE_URL}/"), href
    assert '<a href="/en/" hreflang="en" lang="en">english</a>' in html


def test_alternates_use_the_site_address_not_the_host(client, settings):
    settings.SITE_URL = "https://www.torinointernazionale.org"
    settings.ALLOWED_HOSTS = ["www.torinointernazionale.org", "torinointernazionale.org"]
    html = client.get("/it/cerca/?q=piano", HTTP_HOST="torinointernazionale.org").content.decode()
    assert (
        '<link rel="alternate" hreflang="en" '
        'href="https://www.torinointernazionale.org/en/search/?q=piano">'
    ) in html


# --- check --deploy -------------------------------------------------------------------


def _deploy_check(settings, **overrides):
    settings.DEBUG = False
    for name, value in overrides.items():
        setattr(settings, name, value)
    try:
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "caches")
    except SystemCheckError as error:
        return str(error)
    return ""


def test_check_deploy_warns_without_redis(settings):
    report = _deploy_check(settings, REDIS_URL="")
    assert "torino_portal.W001" in report and "per process" in report
    assert "(0 silenced)" in report


def test_a_mistyped_trusted_proxies_stops_the_start(settings):
    settings.TRUSTED_PROXIES = "10.0.0.0/33, proxy.example"
    with pytest.raises(SystemCheckError, match="torino_portal.E001"):
        call_command("check", "--tag", "security")


def test_too_many_fields_get_the_400_page(client):
    data = {f"field{n}": "x" for n in range(1001)}
    response = client.post("/it/mailing-list/", data)
    assert response.status_code == 400
    assert "Richiesta non valida" in response.content.decode()


def test_check_deploy_is_quiet_with_redis(settings):
    assert "torino_portal.W001" not in _deploy_check(settings, REDIS_URL="redis://127.0.0.1:6379/0")
