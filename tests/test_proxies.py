"""Per-visitor limits behind a reverse proxy: TRUSTED_PROXIES decides which X-Forwarded-For
entry is the visitor; X-Forwarded-Proto counts only from those proxies; every limited form
answers with the site's 429 page."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from commissions.models import Contribution
from newsletter.models import Subscriber
from torino_portal.proxies import TrustedProxies

from .factories_commissions import make_commission, make_topic

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    cache.clear()
    settings.STAFF_NOTIFICATION_EMAILS = ["redazione@example.org"]
    yield
    cache.clear()


# --- Which address is the visitor ----------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "remote", "forwarded", "visitor"),
    [
        # No proxy configured: the header is never read.
        ("", "203.0.113.5", "1.1.1.1", "203.0.113.5"),
        # A listed proxy: the first address from the right that is not a proxy of ours.
        (PROXY, PROXY, "198.51.100.7", "198.51.100.7"),
        (PROXY, PROXY, "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        ("10.0.0.0/8", "10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        ("10.0.0.1, 10.0.0.2", PROXY, "198.51.100.7, 10.0.0.2", "198.51.100.7"),
        # The peer is not a proxy of ours: its X-Forwarded-For is the visitor's own claim.
        (PROXY, "203.0.113.5", "198.51.100.7", "203.0.113.5"),
        # Written by the visitor, not by our proxy: the proxy stands in for them.
        (PROXY, PROXY, "198.51.100.7, not-an-address", PROXY),
        (PROXY, PROXY, "", PROXY),
        # Ports, brackets, IPv4 seen through IPv6.
        (PROXY, PROXY, "198.51.100.7:4711", "198.51.100.7"),
        (PROXY, PROXY, "[2001:db8::1]:443", "2001:db8::1"),
        ("::1", "::1", "::ffff:198.51.100.7", "198.51.100.7"),
        # A count: the N-th entry from the right, whatever the peer.
        ("1", "127.0.0.1", "6.6.6.6, 198.51.100.7", "198.51.100.7"),
        ("2", "127.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.5", "198.51.100.7"),
        # Fewer entries than proxies: the request skipped them, the header proves nothing.
        ("2", "127.0.0.1", "198.51.100.7", "127.0.0.1"),
    ],
)
def test_the_visitor_is_found_from_the_right(setting, remote, forwarded, visitor):
    meta = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": forwarded}
    assert TrustedProxies.parse(setting).client_address(meta) == visitor


# --- Rate limits per visitor ---------------------------------------------------------


@pytest.fixture
def topic():
    return make_topic(make_commission(), title_it="Cultura e periferie")


def _contribute(client, topic, **headers):
    data = {"name": "Giulia", "email": "g@example.org", "text": "Più biblioteche.", "consent": "on"}
    return client.post(topic.get_absolute_url(), data, **headers)


def test_two_visitors_behind_the_same_proxy_have_separate_limits(client, topic, settings):
    settings.TRUSTED_PROXIES = PROXY
    settings.FORUM_CONTRIBUTION_RATE = "2/h"
    first = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    second = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.8"}
    assert [_contribute(client, topic, **first).status_code for _ in range(3)] == [302, 302, 429]
    # The next visitor through the same proxy is not punished for the first one.
    assert _contribute(client, topic, **second).status_code == 302
    assert Contribution.objects.count() == 3


def test_a_forged_forwarded_for_from_a_direct_client_is_ignored(client, topic, settings):
    settings.TRUSTED_PROXIES = PROXY
    settings.FORUM_CONTRIBUTION_RATE = "2/h"
    codes = [
        _contribute(
            client, topic, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
    assert Contribution.objects.count() == 2


def test_without_trusted_proxies_the_header_is_ignored(client, topic, settings):
    settings.TRUSTED_PROXIES = ""
    settings.FORUM_CONTRIBUTION_RATE = "1/h"
    assert _contribute(client, topic, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert _contribute(client, topic, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


# --- X-Forwarded-Proto ----------------------------------------------------------------


@pytest.fixture
def https_only(settings):
    settings.TRUSTED_PROXIES = PROXY
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def test_forged_proto_from_a_direct_client_is_ignored(client, https_only):
    response = client.get("/it/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/it/"


def test_proto_from_our_proxy_is_believed(client, https_only):
    response = client.get("/it/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200


def test_only_the_value_our_proxy_wrote_counts(client, https_only):
    # The visitor sent "https" over plain HTTP; the proxy appended what it saw.
    response = client.get("/it/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_PROTO="https, http")
    assert response.status_code == 301


# --- One 429 page for every limited form ----------------------------------------------


def _flood(client, url, data, times):
    for _ in range(times):
        response = client.post(url, data, REMOTE_ADDR="203.0.113.9")
    return response


@pytest.mark.parametrize(
    ("language", "title"), [("it", "Troppi tentativi"), ("en", "Too many attempts")]
)
def test_every_limited_form_answers_with_the_429_page(client, topic, settings, language, title):
    settings.FORUM_CONTRIBUTION_RATE = "1/h"
    mail = {"email": "flood@example.org", "name": "x", "text": "x", "consent": "on"}
    with translation.override(language):
        forms = [
            (topic.get_absolute_url(), 2),
            (reverse("newsletter:index"), 6),
            (reverse("newsletter:unsubscribe-request"), 6),
            (
                reverse(
                    "events:register",
                    kwargs={"year": 2030, "month": 1, "day": 2, "slug": "un-evento"},
                ),
                6,
            ),
        ]
    for url, times in forms:
        cache.clear()
        response = _flood(client, url, mail, times)
        html = response.content.decode()
        assert response.status_code == 429, url
        assert f'<h1 class="page-title">{title}</h1>' in html, url
        assert f'<html lang="{language}">' in html and '<main id="content"' in html
    assert not Subscriber.objects.filter(email="flood@example.org").exists()
