"""How fast the press review renders as the clippings grow, filtered and not.

    .venv/bin/python bench/press_lists.py [clippings=1000,10000,50000] [requests=50]

Builds a throwaway SQLite database in a temporary folder (or uses DATABASE_URL when it points at
a database named bench_*), bulk-creates N clippings over 20 years and 30 sources, then renders
the press review (first page, a deep page, year+month+source filtered) and the RSS feed through
Django's test client. Prints queries per request and milliseconds per request.
"""

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
if "bench_" not in os.environ.get("DATABASE_URL", ""):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain HTTP

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Static files by name, without running collectstatic first.
settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from press.models import Clipping, Source  # noqa: E402
from torino_portal.publishing import Status  # noqa: E402

START = date(2000, 1, 1)
DAYS = 20 * 365


def fill(count, sources):
    Clipping.objects.all().delete()
    published = timezone.now() - timedelta(days=1)
    Clipping.objects.bulk_create(
        (
            Clipping(
                source=sources[i % len(sources)],
                headline=f"Articolo {i} sul Piano Strategico",
                slug=f"articolo-{i}",
                date=START + timedelta(days=(i * 7) % DAYS),
                summary_it="Sintesi dell'articolo. " * 5,
                url="https://example.org/",
                status=Status.PUBLISHED,
                published_at=published,
            )
            for i in range(count)
        ),
        batch_size=2000,
    )


def measure(client, url, requests):
    with override_settings(DEBUG=True):
        reset_queries()
        assert client.get(url).status_code == 200
        queries = len(connection.queries)
    start = time.perf_counter()
    for _ in range(requests):
        assert client.get(url).status_code == 200
    return queries, (time.perf_counter() - start) * 1000 / requests


def main():
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "1000,10000,50000").split(",")]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    call_command("migrate", verbosity=0)
    sources = [
        Source.objects.get_or_create(slug=f"fonte-{n}", defaults={"name": f"Fonte {n}"})[0]
        for n in range(30)
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'clippings':>9} {'page':<28} {'queries':>7} {'ms/request':>10}")
    for size in sizes:
        fill(size, sources)
        last = (size + 24) // 25
        for label, url in (
            ("first page", "/it/rassegna-stampa/"),
            (f"page {last // 2}", f"/it/rassegna-stampa/?page={last // 2}"),
            ("year+month+source", "/it/rassegna-stampa/?year=2010&month=3&source=fonte-4"),
            ("RSS feed", "/it/rassegna-stampa/feed/"),
        ):
            queries, ms = measure(client, url, requests)
            print(f"{size:>9} {label:<28} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
