"""Admin login throttling (django-axes): per address and per account, behind the proxy too,
with an Italian page in the admin's layout."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.http import HttpRequest

from .factories import make_staff

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-test-password"
LOCKED = "Troppi accessi non riusciti"


def _login(client, username, password, address, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def _logged_in(client):
    return client.get("/admin/").status_code == 200


def test_the_right_password_after_25_wrong_ones_is_refused(client):
    make_staff("direttrice", PASSWORD)
    for n in range(25):
        response = _login(client, "direttrice", f"wrong-{n}", "203.0.113.5")
    assert response.status_code == 429
    response = _login(client, "direttrice", PASSWORD, "203.0.113.5")
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html and "Riprova tra 15 minuti" in html
    assert '<html lang="it"' in html and "Torino Internazionale" in html  # the admin's layout
    assert not _logged_in(client)


def test_the_lock_is_per_address_and_per_account(client):
    make_staff("direttrice", PASSWORD)
    make_staff("redattore", PASSWORD)
    make_staff("archivista", PASSWORD)
    for n in range(5):
        _login(client, "direttrice", f"wrong-{n}", "203.0.113.5")
    # The attacked account is locked from any address ...
    assert _login(client, "direttrice", PASSWORD, "198.51.100.2").status_code == 429
    # ... and the attacking address for any account,
    assert _login(client, "redattore", PASSWORD, "203.0.113.5").status_code == 429
    # while another account from another address logs in.
    response = _login(client, "archivista", PASSWORD, "198.51.100.3")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert _logged_in(client)


def test_the_lock_ends_after_the_cool_off(client):
    make_staff("direttrice", PASSWORD)
    for n in range(5):
        _login(client, "direttrice", f"wrong-{n}", "203.0.113.5")
    assert _login(client, "direttrice", PASSWORD, "203.0.113.5").status_code == 429
    # Sixteen minutes later (the attempts are rows: move them back rather than wait).
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=16))
    assert _login(client, "direttrice", PASSWORD, "203.0.113.5").status_code == 302


def test_visitors_behind_the_proxy_are_locked_one_by_one(client, settings):
    settings.TRUSTED_PROXIES = "10.0.0.1"
    make_staff("direttrice", PASSWORD)
    make_staff("redattore", PASSWORD)
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    for n in range(5):
        _login(client, "direttrice", f"wrong-{n}", "10.0.0.1", **attacker)
    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
    colleague = {"HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert _login(client, "redattore", PASSWORD, "10.0.0.1", **colleague).status_code == 302


def test_a_forged_forwarded_for_does_not_reset_the_count(client, settings):
    settings.TRUSTED_PROXIES = "10.0.0.1"
    make_staff("direttrice", PASSWORD)
    make_staff("redattore", PASSWORD)
    for n in range(5):
        forged = {"HTTP_X_FORWARDED_FOR": f"198.51.100.{n}"}
        _login(client, f"nobody-{n}", "wrong", "203.0.113.5", **forged)
    assert _login(client, "redattore", PASSWORD, "203.0.113.5").status_code == 429


def test_tests_log_in_with_a_request(client):
    """axes needs the request: `client.login` passes one, `force_login` bypasses it."""
    user = make_staff("direttrice", PASSWORD)
    assert client.login(request=HttpRequest(), username="direttrice", password=PASSWORD)
    assert _logged_in(client)
    client.logout()
    client.force_login(user)
    assert _logged_in(client)
