"""How fast a Strategic Plan page renders as its tree grows.

    .venv/bin/python bench/plan_pages.py [pages=50,400,2000] [requests=200]

Builds a throwaway SQLite database in a temporary folder (or uses DATABASE_URL when it points at
a database named bench_*), fills a plan with N pages, then renders the deepest page and the plan
overview through Django's test client. Prints queries per request and milliseconds per request.
"""

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

# Static files by name, without running collectstatic first.
settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from plans.models import Page, Plan  # noqa: E402
from torino_portal.publishing import Status  # noqa: E402


def fill(plan, count):
    Page.objects.filter(plan=plan).delete()
    parent, deepest = None, None
    for depth in range(5):  # a chain five deep, the rest as leaves under the top page
        parent = Page.objects.create(
            plan=plan, parent=parent, title_it=f"Livello {depth}", status=Status.PUBLISHED
        )
        deepest = parent
    top = Page.objects.filter(plan=plan, parent=None).first()
    Page.objects.bulk_create(
        Page(
            plan=plan,
            parent=top,
            title_it=f"Foglia {i}",
            slug_it=f"foglia-{i}",
            slug_en=f"leaf-{i}",
            status=Status.PUBLISHED,
            order=i,
        )
        for i in range(count - 5)
    )
    return deepest


def measure(client, url, requests):
    with override_settings(DEBUG=True):
        reset_queries()
        client.get(url)
        queries = len(connection.queries)
    start = time.perf_counter()
    for _ in range(requests):
        assert client.get(url).status_code == 200
    return queries, (time.perf_counter() - start) * 1000 / requests


def main():
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "50,400,2000").split(",")]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    call_command("migrate", verbosity=0)
    plan, _ = Plan.objects.get_or_create(
        number=2,
        defaults={"title_it": "Piano Strategico 2", "year": 2006, "status": Status.PUBLISHED},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'pages':>6} {'url':<12} {'queries':>7} {'ms/request':>10}")
    for size in sizes:
        deepest = fill(plan, size)
        for label, url in (
            ("deep page", deepest.get_absolute_url()),
            ("overview", plan.get_absolute_url()),
        ):
            queries, ms = measure(client, url, requests)
            print(f"{size:>6} {label:<12} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
