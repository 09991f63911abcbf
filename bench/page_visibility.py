"""What the one visibility rule costs on a plan's pages: `Page.objects.published()` (the page,
its plan and every ancestor public, one recursive query) against the page's own status only.

    .venv/bin/python bench/page_visibility.py [pages=400,2000,10000] [repeats=20]

A throwaway SQLite database (or DATABASE_URL when it names a database bench_*), one plan, a
chain eight deep and the rest as leaves spread over the chain; a draft page halfway down
hides half the leaves. Prints milliseconds per evaluated queryset and the row counts.
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

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from plans.models import Page, Plan  # noqa: E402
from torino_portal.publishing import PublishableQuerySet, Status  # noqa: E402

FIELDS = ("pk", "parent_id", "title_it", "slug_it")


def fill(plan, count):
    Page.objects.filter(plan=plan).delete()
    chain, parent = [], None
    for depth in range(8):
        parent = Page.objects.create(
            plan=plan, parent=parent, title_it=f"Livello {depth}", status=Status.PUBLISHED
        )
        chain.append(parent)
    Page.objects.filter(pk=chain[4].pk).update(status=Status.DRAFT)
    Page.objects.bulk_create(
        Page(
            plan=plan,
            parent=chain[i % len(chain)],
            title_it=f"Foglia {i}",
            slug_it=f"foglia-{i}",
            slug_en=f"leaf-{i}",
            status=Status.PUBLISHED,
            order=i,
        )
        for i in range(count - len(chain))
    )
    if connection.vendor == "postgresql":
        # As autovacuum would after such a load: with no statistics the planner expects
        # one row and joins the recursive query's result by a nested loop (seconds).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Page._meta.db_table}")


def timed(make, repeats):
    rows = len(list(make()))
    start = time.perf_counter()
    for _ in range(repeats):
        list(make())
    return rows, (time.perf_counter() - start) * 1000 / repeats


def main():
    sizes = [int(n) for n in (sys.argv[1] if len(sys.argv) > 1 else "400,2000,10000").split(",")]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    call_command("migrate", verbosity=0)
    plan, _ = Plan.objects.get_or_create(
        number=2, defaults={"title_it": "Piano 2", "year": 2006, "status": Status.PUBLISHED}
    )
    # ms: the rows as the plan views load them; ids ms: the ids alone (the query's own cost).
    print(f"{'pages':>6} {'rule':<22} {'rows':>6} {'ms':>7} {'ids ms':>7}")
    for size in sizes:
        fill(plan, size)
        for label, make in (
            ("own status only", lambda: PublishableQuerySet.published(Page.objects.all())),
            ("plan + ancestors", lambda: Page.objects.published()),
        ):
            rows, ms = timed(lambda m=make: m().filter(plan=plan).only(*FIELDS), repeats)
            _rows, sql_ms = timed(lambda m=make: m().filter(plan=plan).values_list("pk"), repeats)
            print(f"{size:>6} {label:<22} {rows:>6} {ms:>7.1f} {sql_ms:>7.1f}")


if __name__ == "__main__":
    main()
