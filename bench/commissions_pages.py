"""How the commissions' pages behave as a commission's meetings, documents, directions,
forum topics and contributions grow.

    .venv/bin/python bench/commissions_pages.py [sizes=10,200,1000] [requests=50]

Builds a throwaway SQLite database in a temporary folder (or uses DATABASE_URL when it points at
a database named bench_*), gives one commission N of everything (bulk_create), then renders
each page through Django's test client. Prints queries per request and milliseconds per request.
"""

import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

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
from django.utils import translation  # noqa: E402

from commissions.models import (  # noqa: E402
    Commission,
    Contribution,
    Document,
    Meeting,
    MeetingFormat,
    Person,
    Phase,
    Topic,
)
from plans.models import Direction, Plan  # noqa: E402
from torino_portal.publishing import Status  # noqa: E402

ROME = ZoneInfo("Europe/Rome")


def fill(plan, size):
    Commission.objects.all().delete()
    Direction.objects.filter(plan=plan).delete()
    commission = Commission.objects.create(
        plan=plan, name_it="Qualità Sociale", mandate_it="<p>Mandato.</p>", status=Status.PUBLISHED
    )
    start = datetime(2005, 1, 10, 10, tzinfo=ROME)
    formats, phases = list(MeetingFormat), list(Phase)
    for i in range(size):  # Meeting is multi-table: bulk_create cannot make its parent rows
        Meeting.objects.create(
            commission=commission,
            title_it=f"Incontro {i}",
            format=formats[i % 4],
            phase=phases[i % 3],
            start=start + timedelta(days=i),
            status=Status.PUBLISHED,
        )
    meetings = list(Meeting.objects.filter(commission=commission))
    Document.objects.bulk_create(
        Document(
            commission=commission,
            meeting=meetings[i % size],
            title_it=f"Documento {i}",
            file=f"commissions/2005/d{i}.pdf",
        )
        for i in range(size)
    )
    Direction.objects.bulk_create(
        Direction(
            plan=plan,
            number=i + 1,
            title_it=f"Direzione {i}",
            meta_objective="cohesion",
            status=Status.PUBLISHED,
        )
        for i in range(size)
    )
    commission.directions.add(*Direction.objects.filter(plan=plan))
    Person.objects.bulk_create(Person(commission=commission, name=f"P{i}") for i in range(size))
    Topic.objects.bulk_create(
        Topic(
            commission=commission,
            title_it=f"Tema {i}",
            slug_it=f"tema-{i}",
            slug_en=f"topic-{i}",
            status=Status.PUBLISHED,
        )
        for i in range(size)
    )
    topic = Topic.objects.filter(commission=commission).first()
    Contribution.objects.bulk_create(
        Contribution(
            topic=topic,
            name=f"N{i}",
            email="a@example.org",
            text="Testo.",
            language="it",
            status="approved",
        )
        for i in range(size)
    )
    return commission, meetings[0], topic


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
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "10,200,1000").split(",")]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    call_command("migrate", verbosity=0)
    translation.activate("it")
    plan, _ = Plan.objects.get_or_create(
        number=2,
        defaults={"title_it": "Piano Strategico 2", "year": 2006, "status": Status.PUBLISHED},
    )
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'N':>5} {'page':<12} {'queries':>7} {'ms/request':>10}")
    for size in sizes:
        commission, meeting, topic = fill(plan, size)
        for label, url in (
            ("index", "/it/commissioni/"),
            ("commission", commission.get_absolute_url()),
            ("meeting", meeting.get_absolute_url()),
            ("timeline", "/it/commissioni/processo/"),
            ("forum", "/it/commissioni/forum/"),
            ("topic", topic.get_absolute_url()),
        ):
            queries, ms = measure(client, url, requests)
            print(f"{size:>5} {label:<12} {queries:>7} {ms:>10.1f}")


if __name__ == "__main__":
    main()
