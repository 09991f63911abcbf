"""What operators rely on: /healthz, a 503 page while the database is away, the site
without Redis, one JSON log line per request."""

import json
import logging

import pytest
from django.db import connection
from django.test import Client

from tests.factories import make_page
from torino_portal.cache import RedisOrLocalMemory, RedisOrNothing
from torino_portal.operations import JsonFormatter

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens on port 1: a real refused connection


def test_healthz_answers_ok_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.redis
def test_healthz_checks_redis_when_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok", "redis": "ok"}
    settings.REDIS_URL = CLOSED_PORT
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "redis": "down"}


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_database_away_is_a_503_page_and_service_resumes_by_itself():
    """While PostgreSQL is away (here: the connection points at a port where nothing
    listens), visitors get a 503 page in the layout; when it is back, pages again — without
    restarting anything."""
    page = make_page(title_it="Processo")
    visitor = Client(raise_request_exception=False)
    original_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        response = visitor.get(page.get_absolute_url())
        assert response.status_code == 503 and response["Retry-After"] == "10"
        html = response.content.decode()
        assert "Torino Internazionale" in html and "Servizio non disponibile" in html
        health = visitor.get("/healthz")
        assert health.status_code == 503 and health.json()["database"] == "down"
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port
    response = visitor.get(page.get_absolute_url())
    assert response.status_code == 200 and "Processo" in response.content.decode()
    assert visitor.get("/healthz").status_code == 200


def test_without_redis_the_caches_degrade_instead_of_failing():
    default = RedisOrLocalMemory(CLOSED_PORT, {"OPTIONS": {"socket_timeout": 0.2}})
    pages = RedisOrNothing(CLOSED_PORT, {"OPTIONS": {"socket_timeout": 0.2}})
    # Rate limits keep counting in this process's memory…
    assert default.add("ratelimit:x", 1, 60) is True
    assert default.incr("ratelimit:x") == 2
    # …pages are simply not kept.
    pages.set("page", "html", 60)
    assert pages.get("page") is None


@pytest.mark.redis
def test_pages_are_served_when_redis_goes_away(client, settings):
    page = make_page(title_it="Processo")
    settings.PAGE_CACHE_SECONDS = 300
    settings.CACHES = {
        "default": {"BACKEND": "torino_portal.cache.RedisOrLocalMemory", "LOCATION": CLOSED_PORT},
        "pages": {"BACKEND": "torino_portal.cache.RedisOrNothing", "LOCATION": CLOSED_PORT},
    }
    for _ in range(2):
        response = client.get(page.get_absolute_url())
        assert response.status_code == 200 and "Processo" in response.content.decode()


def test_each_request_is_one_json_log_line(client, caplog):
    make_page(title_it="Processo")
    with caplog.at_level(logging.INFO, logger="torino_portal.requests"):
        client.get("/it/")
    (record,) = [r for r in caplog.records if r.name == "torino_portal.requests"]
    line = json.loads(JsonFormatter().format(record))
    assert line["method"] == "GET" and line["path"] == "/it/" and line["status"] == 200
    assert line["client"] == "127.0.0.1"
    assert isinstance(line["duration_ms"], float) and line["level"] == "INFO"
