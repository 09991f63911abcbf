"""Fill a PostgreSQL database with the large data set `make bench` measures, and write the
address of one page of every type to `bench/.pages.json`.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal \\
        .venv/bin/python bench/fill_large.py [--scale 1.0]

Starts from the real content and the demo (load_content, load_demo), then adds, at scale 1:
2,000 plan pages, 20,000 events of which 5,000 commission meetings, 20,000 clippings, 2,000
publications, 500 Tamtam issues, 50,000 subscribers and 5,000 forum contributions. New rows
are copies of a demo row with their own titles, slugs and dates, so the script follows the
models as they change.
"""

import argparse
import json
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
if "bench_" not in os.environ.get("DATABASE_URL", ""):
    sys.exit("DATABASE_URL must name a PostgreSQL database called bench_*: it is emptied.")

import django  # noqa: E402

django.setup()

from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection, models, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from commissions.models import Commission, Contribution, Meeting, Topic  # noqa: E402
from events.models import Event  # noqa: E402
from newsletter.models import Subscriber  # noqa: E402
from plans.models import Page, Plan  # noqa: E402
from press.models import Clipping, Issue, Publication  # noqa: E402
from press.views import CLIPPINGS_PER_PAGE, PUBLICATIONS_PER_PAGE  # noqa: E402

ROME = ZoneInfo("Europe/Rome")
BATCH = 2000


def copies(template, count, change):
    """`count` unsaved copies of `template`, each passed through change(copy, i)."""
    fields = [f for f in template._meta.concrete_fields if not f.primary_key]
    values = {f.attname: getattr(template, f.attname) for f in fields}
    for i in range(count):
        copy = type(template)(**values)
        change(copy, i)
        yield copy


def suffix_text(obj, i, *names):
    for name in names:
        for language in ("", "_it", "_en"):
            attr = f"{name}{language}"
            if hasattr(obj, attr) and isinstance(getattr(obj, attr), str) and getattr(obj, attr):
                setattr(obj, attr, f"{getattr(obj, attr)[:150]} {i}")


def suffix_slug(obj, i):
    for attr in ("slug", "slug_it", "slug_en"):
        if getattr(obj, attr, None):
            setattr(obj, attr, f"{getattr(obj, attr)[:150]}-{i}")


def when(i, count, first_year=2000, last_year=2027):
    span = datetime(last_year, 12, 31, tzinfo=ROME) - datetime(first_year, 1, 1, tzinfo=ROME)
    return datetime(first_year, 1, 1, 9, 30, tzinfo=ROME) + span * (i / max(count, 1))


def bulk(model, rows):
    model.objects.bulk_create(rows, batch_size=BATCH)


def fill_pages(count):
    plan = Plan.objects.get(number=2)
    template = Page.objects.filter(plan=plan).exclude(parent=None).first()
    tops = max(1, count // 50)
    bulk(
        Page,
        copies(
            template,
            tops,
            lambda p, i: (
                setattr(p, "parent_id", None),
                setattr(p, "order", 1000 + i),
                suffix_text(p, i, "title"),
                suffix_slug(p, i),
            ),
        ),
    )
    parents = list(Page.objects.filter(plan=plan, parent=None, order__gte=1000))
    rest = count - tops

    def child(p, i):
        p.parent_id = parents[i % len(parents)].pk
        p.order = i
        suffix_text(p, tops + i, "title")
        suffix_slug(p, tops + i)

    bulk(Page, copies(template, rest, child))


def fill_events(plain, meetings):
    template = Event.objects.filter(meeting__isnull=True).first()

    def event(e, i):
        e.start = when(i, plain)
        e.end = e.start + timedelta(hours=3) if e.end else None
        e.published_at = e.start - timedelta(days=30)
        suffix_text(e, i, "title")
        suffix_slug(e, i)

    bulk(Event, copies(template, plain, event))
    commissions = list(Commission.objects.all())

    def meeting(m, i):
        m.commission_id = commissions[i % len(commissions)].pk
        m.start = when(i, meetings, 2004, 2007)
        m.end = m.start + timedelta(hours=2)
        m.published_at = m.start - timedelta(days=30)
        suffix_text(m, i, "title")
        suffix_slug(m, i)

    # Multi-table inheritance: bulk_create cannot write a meeting's two rows.
    with transaction.atomic():
        for row in copies(Meeting.objects.first(), meetings, meeting):
            row.save()


def fill_press(clippings, publications, issues):
    template = Clipping.objects.first()

    def clipping(c, i):
        c.date = when(i, clippings, 2000, 2026).date()
        c.published_at = when(i, clippings, 2000, 2026)
        suffix_text(c, i, "headline")
        suffix_slug(c, i)

    bulk(Clipping, copies(template, clippings, clipping))
    template = Publication.objects.first()

    def publication(p, i):
        p.year = 1990 + i % 37
        p.isbn = ""
        suffix_text(p, i, "title")
        suffix_slug(p, i)

    bulk(Publication, copies(template, publications, publication))
    template = Issue.objects.first()
    first = (Issue.objects.aggregate(models.Max("number"))["number__max"] or 0) + 1

    def issue(t, i):
        t.number = first + i
        t.date = when(i, issues, 1995, 2026).date()
        t.published_at = when(i, issues, 1995, 2026)

    bulk(Issue, copies(template, issues, issue))


def fill_subscribers(count):
    from newsletter.models import email_hash

    confirmed = timezone.now() - timedelta(days=30)

    def subscriber(i):
        address = f"lettore{i}@example.org"
        return Subscriber(
            email=address,
            email_hash=email_hash(address),
            language="it" if i % 3 else "en",
            status=Subscriber.Status.CONFIRMED,
            consent_at=confirmed,
            confirmed_at=confirmed,
        )

    bulk(Subscriber, (subscriber(i) for i in range(count)))


def fill_contributions(count):
    template = Contribution.objects.first()
    topics = list(Topic.objects.all())

    def contribution(c, i):
        c.topic_id = topics[i % len(topics)].pk
        c.status = "approved"
        c.text = f"{c.text[:400]} ({i})"

    bulk(Contribution, copies(template, count, contribution))


def page_addresses():
    """One address of each public page type, in Italian (and the home in English)."""
    translation.activate("it")
    seed = Page.objects.get(slug_it="processo")
    meeting = Meeting.objects.published().order_by("pk").first()
    commission = meeting.commission
    topic = Topic.objects.published().order_by("pk").first()
    event = Event.objects.published().filter(meeting__isnull=True).order_by("-start").first()
    clipping = Clipping.objects.published().order_by("-date").first()
    publication = Publication.objects.published().first()
    issue = Issue.objects.published().order_by("-number").first()
    today = timezone.localdate()
    # A deep page: four fifths of the way down each growing list.
    deep_press = max(1, Clipping.objects.published().count() // CLIPPINGS_PER_PAGE * 4 // 5)
    deep_books = max(1, Publication.objects.published().count() // PUBLICATIONS_PER_PAGE * 4 // 5)
    pages = {
        "home (it)": "/it/",
        "home (en)": "/en/",
        "plan page (seed)": seed.get_absolute_url(),
        "plan": reverse("plans:plan", kwargs={"number": 2}),
        "directions": reverse("plans:directions", kwargs={"number": 2}),
        "commissions index": reverse("commissions:index"),
        "commission page": commission.get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "process timeline": reverse("commissions:process"),
        "forum": reverse("commissions:forum"),
        "forum topic": topic.get_absolute_url(),
        "agenda": reverse("events:index"),
        "agenda archive": reverse("events:archive"),
        "month calendar": reverse(
            "events:month", kwargs={"year": today.year, "month": today.month}
        ),
        "event page": event.get_absolute_url(),
        "iCalendar feed": reverse("events:ical"),
        "agenda RSS": reverse("events:feed"),
        "press review": reverse("press:index"),
        f"press review, page {deep_press}": reverse("press:index") + f"?page={deep_press}",
        "clipping": clipping.get_absolute_url(),
        "press RSS": reverse("press:feed"),
        "publications": reverse("publications:index"),
        f"publications, page {deep_books}": reverse("publications:index") + f"?page={deep_books}",
        "publication": publication.get_absolute_url(),
        "Tamtam": reverse("tamtam:index"),
        "Tamtam issue": issue.get_absolute_url(),
        "mailing list": reverse("newsletter:index"),
        "search 'piano'": reverse("search") + "?q=piano",
        "sitemap.xml": "/sitemap.xml",
    }
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    scale = parser.parse_args().scale

    def n(count):
        return max(1, int(count * scale))

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    for command in ("load_content", "load_demo"):
        if command in get_commands():
            call_command(command, verbosity=0)
    steps = [
        ("plan pages", lambda: fill_pages(n(2000))),
        ("events and meetings", lambda: fill_events(n(15000), n(5000))),
        ("clippings, publications, Tamtam", lambda: fill_press(n(20000), n(2000), n(500))),
        ("subscribers", lambda: fill_subscribers(n(50000))),
        ("forum contributions", lambda: fill_contributions(n(5000))),
    ]
    for label, step in steps:
        step_started = time.perf_counter()
        step()
        print(f"  {label}: {time.perf_counter() - step_started:.1f} s", flush=True)
    if "rebuild_search_index" in get_commands():
        step_started = time.perf_counter()
        call_command("rebuild_search_index", verbosity=0)
        print(f"  search index: {time.perf_counter() - step_started:.1f} s", flush=True)
    # Fresh statistics, as autovacuum would give a live database in time: without them the
    # planner guesses a handful of rows where there are 20,000 and picks nested loops.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    (ROOT / "bench" / ".pages.json").write_text(json.dumps(page_addresses(), indent=1))
    print(
        f"Filled in {time.perf_counter() - started:.0f} s: {Page.objects.count()} pages, "
        f"{Event.objects.count()} events ({Meeting.objects.count()} meetings), "
        f"{Clipping.objects.count()} clippings, {Publication.objects.count()} publications, "
        f"{Issue.objects.count()} Tamtam, {Subscriber.objects.count()} subscribers, "
        f"{Contribution.objects.count()} contributions"
    )


if __name__ == "__main__":
    main()
