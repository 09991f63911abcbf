"""How fast the site search answers over 50,000 items on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search.py [items=50000] [requests=40]

Needs a PostgreSQL database whose name starts with `bench_` (created when missing; its
content is replaced). Bulk-creates the items — clippings, Agenda events and plan pages in
the proportions of the real archive, with Italian and English text drawn from a vocabulary
of the site's words — then times `rebuild_search_index` and, through Django's test client
with the page cache off, the search page for typical queries: one word, a stemmed form, an
unaccented word, a phrase with an exclusion, a section filter and a later page. Prints the
queries per page and p50/p95 milliseconds per request (">2000": a section passed the count
limit, torino_portal/search.py `COUNT_LIMIT`, and the page says "more than").
"""

import os
import random
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_search")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # measure the search, not the page cache
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain HTTP
if not urlsplit(os.environ["DATABASE_URL"]).path.lstrip("/").startswith("bench_"):
    sys.exit("DATABASE_URL must name a PostgreSQL database called bench_*: it is overwritten.")

import django  # noqa: E402
import psycopg  # noqa: E402

url = urlsplit(os.environ["DATABASE_URL"])
with psycopg.connect(
    host=url.hostname, port=url.port or 5432, user=url.username, dbname="postgres", autocommit=True
) as admin:
    name = url.path.lstrip("/")
    if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        admin.execute(f'CREATE DATABASE "{name}"')

django.setup()

import logging  # noqa: E402

# One log line a request would bury the figures.
logging.getLogger("torino_portal.requests").setLevel(logging.WARNING)

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
from plans.models import Page, Plan  # noqa: E402
from press.models import Clipping, Source  # noqa: E402
from torino_portal.publishing import Status  # noqa: E402
from torino_portal.search import index  # noqa: E402

ITALIAN = (
    "piano strategico area metropolitana torino città periferie periferia mobilità sostenibile "
    "cultura turismo università ricerca innovazione lavoro impresa formazione qualità vita "
    "ambiente trasporti infrastrutture quartieri rinnovo urbano partecipazione cittadini "
    "commissione forum incontro convegno direzione obiettivi sviluppo economia sociale "
    "politecnico olimpiadi eventi internazionale europa regione provincia comune rete"
).split()
ENGLISH = (
    "strategic plan metropolitan area turin city suburbs mobility sustainable culture tourism "
    "university research innovation work business training quality life environment transport "
    "infrastructure neighbourhoods urban renewal participation citizens commission forum "
    "meeting conference direction goals development economy social olympics events europe"
).split()


def vocabulary(words, seed):
    """The site's words among 5,000 invented ones, all drawn by Zipf's law (word n has
    weight 1/n) as in real prose: a site word sits between rank 3 and rank 600, so some
    match a third of the archive and some a few hundred items."""
    rng = random.Random(seed)
    syllables = "ba ce di fo gu la me ni po ru sa te vi zo tra ple gno sci".split()
    invented = [
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(5000)
    ]
    for n, word in enumerate(words):
        invented.insert(3 + n * 12, word)
    return invented, [1 / (rank + 1) for rank in range(len(invented))]


VOCABULARY = {}


def text(rng, words, count):
    key = id(words)
    if key not in VOCABULARY:
        VOCABULARY[key] = vocabulary(words, len(words))
    vocab, weights = VOCABULARY[key]
    return " ".join(rng.choices(vocab, weights, k=count)).capitalize() + "."


def fill(total):
    rng = random.Random(7)
    published = timezone.now() - timedelta(days=1)
    common = {"status": Status.PUBLISHED, "published_at": published}
    for model in (Page, Plan, Event, Clipping):
        model.objects.all().delete()
    clippings, events = total * 6 // 10, total * 25 // 100
    pages = total - clippings - events
    source = Source.objects.get_or_create(slug="bench", defaults={"name": "La Stampa"})[0]
    Clipping.objects.bulk_create(
        (
            Clipping(
                source=source,
                headline=text(rng, ITALIAN, 7),
                slug=f"articolo-{i}",
                date=date(2000, 1, 1) + timedelta(days=i % 7300),
                summary_it=text(rng, ITALIAN, 40),
                summary_en=text(rng, ENGLISH, 40),
                url="https://example.org/",
                **common,
            )
            for i in range(clippings)
        ),
        batch_size=2000,
    )
    kind = EventKind.objects.get_or_create(slug="bench", defaults={"name": "Convegno"})[0]
    Event.objects.bulk_create(
        (
            Event(
                kind=kind,
                title_it=text(rng, ITALIAN, 6),
                title_en=text(rng, ENGLISH, 6),
                slug_it=f"evento-{i}",
                slug_en=f"event-{i}",
                summary_it=text(rng, ITALIAN, 20),
                description_it=f"<p>{text(rng, ITALIAN, 120)}</p>",
                description_en=f"<p>{text(rng, ENGLISH, 120)}</p>",
                start=published - timedelta(days=i),
                **common,
            )
            for i in range(events)
        ),
        batch_size=2000,
    )
    plan = Plan.objects.create(
        number=9, year=2006, title_it="Piano di prova", body_it="<p>Prova.</p>", **common
    )
    Page.objects.bulk_create(
        (
            Page(
                plan=plan,
                title_it=text(rng, ITALIAN, 5),
                title_en=text(rng, ENGLISH, 5),
                slug_it=f"pagina-{i}",
                slug_en=f"page-{i}",
                order=i,
                body_it="".join(f"<p>{text(rng, ITALIAN, 60)}</p>" for _ in range(5)),
                body_en="".join(f"<p>{text(rng, ENGLISH, 60)}</p>" for _ in range(5)),
                **common,
            )
            for i in range(pages)
        ),
        batch_size=1000,
    )
    return clippings + events + pages + 1


def measure(client, url, requests):
    with override_settings(DEBUG=True):
        reset_queries()
        response = client.get(url)
        assert response.status_code == 200, url
        queries = len(connection.queries)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(len(timings) * 0.95) - 1)]
    return queries, statistics.median(timings), p95


QUERIES = [
    ("one word", "/it/cerca/?q=cultura"),
    ("stemmed form", "/it/cerca/?q=periferia"),
    ("no accent", "/it/cerca/?q=citta"),
    ("two words", "/it/cerca/?q=mobilità+sostenibile"),
    ("phrase, exclusion", "/it/cerca/?q=%22piano+strategico%22+-torino"),
    ("section filter", "/it/cerca/?q=innovazione&section=agenda"),
    ("page 5", "/it/cerca/?q=lavoro&page=5"),
    ("English", "/en/search/?q=sustainable+mobility"),
    ("rare word", "/it/cerca/?q=politecnico+olimpiadi+europa"),
    ("no match", "/it/cerca/?q=zzzzqqq"),
]


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    call_command("migrate", verbosity=0)
    with index.suspended():
        items = fill(total)
    start = time.perf_counter()
    rows = index.rebuild()
    seconds = time.perf_counter() - start
    with connection.cursor() as cursor:  # what autovacuum does after a rebuild
        cursor.execute("VACUUM ANALYZE torino_portal_searchdocument")
    print(f"{items} items, {rows} rows: rebuild_search_index {seconds:.1f} s")
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'query':<20} {'results':>8} {'queries':>7} {'p50 ms':>7} {'p95 ms':>7}")
    for label, url in QUERIES:
        # "24 risultati", or "Più di 2.000 risultati" when a section passed the count limit.
        count = re.search(
            r'class="search-count"[^>]*>(Più di |More than )?([\d.,]+)',
            client.get(url).content.decode(),
        )
        found = (
            (">" if count.group(1) else "") + re.sub(r"\D", "", count.group(2)) if count else "0"
        )
        queries, p50, p95 = measure(client, url, requests)
        print(f"{label:<20} {found:>8} {queries:>7} {p50:>7.1f} {p95:>7.1f}")


if __name__ == "__main__":
    main()
