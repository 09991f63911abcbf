"""How fast the Agenda's pages and feeds render as the number of events grows.

    .venv/bin/python bench/events_pages.py [events=100,1000,5000] [requests=50]

Builds a throwaway SQLite database in a temporary folder (or uses DATABASE_URL when it points at
a database named bench_*), fills it with N published events spread over the years around today,
then requests each Agenda page through Django's test client. Prints queries per request and
milliseconds per request.
"""

import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
if "bench_" not in os.environ.get("DATABASE_URL", ""):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain HTTP

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.models import Event, EventKind  # noqa: E402
from torino_portal.publishing import Status  # noqa: E402


def fill(count):
    Event.objects.all().delete()
    kinds = [
        EventKind.objects.get_or_create(slug=slug, defaults={"name_it": slug})[0]
        for slug in ("conference", "workshop", "forum")
    ]
    first = timezone.now() - datetime.timedelta(days=3 * 365)
    step = datetime.timedelta(days=6 * 365) / count
    Event.objects.bulk_create(
        Event(
            kind=kinds[n % 3],
            title_it=f"Evento {n}",
            title_en=f"Event {n}",
            slug_it=f"evento-{n}",
            slug_en=f"event-{n}",
            summary_it="In breve.",
            start=first + step * n,
            status=Status.PUBLISHED,
            published_at=first,
        )
        for n in range(count)
    )
    return Event.objects.order_by("start")[count // 2]


def measure(client, url, requests):
    with override_settings(DEBUG=True):
        reset_queries()
        assert client.get(url).status_code == 200, url
        queries = len(connection.queries)
    start = time.perf_counter()
    for _ in range(requests):
        client.get(url)
    return queries, (time.perf_counter() - start) * 1000 / requests


def main():
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "100,1000,5000").split(",")]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    call_command("migrate", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    today = timezone.localdate()
    print(f"{'events':>6} {'page':<16} {'queries':>7} {'ms/request':>10}")
    for size in sizes:
        middle = fill(size)
        pages = [
            ("agenda", "/it/agenda/"),
            ("agenda by kind", "/it/agenda/?kind=workshop"),
            ("archive", "/it/agenda/archivio/"),
            ("year", f"/it/agenda/{today.year}/"),
            ("month", f"/it/agenda/{today.year}/{today.month}/"),
            ("event", middle.get_absolute_url()),
            ("event .ics", middle.ics_url()),
            ("iCalendar feed", "/it/agenda/ical/"),
            ("RSS feed", "/it/agenda/rss/"),
            ("home", "/it/"),
        ]
        for label, url in pages:
            queries, ms = measure(client, url, requests)
            print(f"{size:>6} {label:<16} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
