"""The press review's sources (real newspapers) from `content/press/sources.toml`; the invented
clippings, series, publications and Tamtam issues of `content/demo/clippings.toml` and
`publications.toml`, with their scans, covers and PDFs drawn by `torino_portal.demo_files`
from text of the site (the plans' pages, the directions)."""

import functools

from django.utils.formats import date_format

from commissions.models import Commission
from plans.models import Direction, Plan
from torino_portal import demo_files
from torino_portal.loading import moment, read_toml, translated
from torino_portal.publishing import Status

from .models import Clipping, Issue, Publication, Series, Source

PALETTE = ["#7a1d2b", "#0b4f7a", "#2f5d3a", "#5a1420", "#6b4e16", "#3d3d6b"]


def load(loader):
    for record in read_toml(loader.root / "press" / "sources.toml")["source"]:
        loader.add(
            Source,
            {"slug": record["slug"]},
            {"name": record["name"], "kind": record["kind"], "website": record["website"]},
        )


def load_demo(loader):
    demo = loader.root / "demo"
    _clippings(loader, read_toml(demo / "clippings.toml")["clipping"])
    records = read_toml(demo / "publications.toml")
    series = {}
    for record in records["series"]:
        series[record["slug"]], _created = loader.add(
            Series, {"slug": record["slug"]}, translated(record, "name")
        )
    plans = {plan.number: plan for plan in Plan.objects.all()}
    for index, record in enumerate(records["publication"]):
        _publication(loader, record, series, plans, PALETTE[index % len(PALETTE)])
    for index, record in enumerate(records["tamtam"]):
        _issue(loader, record, PALETTE[index % len(PALETTE)])


def _clippings(loader, records):
    sources = {source.slug: source for source in Source.objects.all()}
    directions = {d.number: d for d in Direction.objects.filter(plan__number=2)}
    commissions = {c.slug_it: c for c in Commission.objects.all()}
    for record in records:
        source = sources.get(record["source"])
        if source is None:
            continue
        day = moment(record["date"]).date()
        tagged = [directions[n] for n in record["directions"] if n in directions]
        text = [record["summary_it"]]
        for direction in tagged[:2]:
            text += [p for p in demo_files.paragraphs(direction.description_it) if p[:3] != "## "]
        dateline = f"Torino, {date_format(day, 'l j F Y')}"
        if record["page"]:
            dateline += f" · {record['page']}"
        fmt = record["scan"]
        make = functools.partial(
            demo_files.cutting,
            source.name,
            dateline,
            record["headline"],
            text,
            author=record["author"],
            fmt=fmt.upper(),
        )
        name = f"{day:%Y-%m-%d}-{record['slug']}.{fmt}"
        loader.add(
            Clipping,
            # Keyed on the slug, not the headline: an editor may correct a headline.
            {"source": source, "date": day, "slug": record["slug"]},
            {
                "headline": record["headline"],
                "language": record["language"],
                "author": record["author"],
                "page": record["page"],
                "status": Status.PUBLISHED,
                "published_at": moment(day),
                **translated(record, "summary"),
            },
            many={
                "directions": tagged,
                "commissions": [commissions[s] for s in record["commissions"] if s in commissions],
            },
            files={"scan": (name, make)},
        )


def _site_text(loader, paths):
    """The Italian paragraphs of pages of the site's content (folders under content/)."""
    text = []
    for path in paths:
        text += demo_files.paragraphs((loader.root / path / "it.html").read_text("utf-8"))
    return text


def _publication(loader, record, series, plans, colour):
    slug = record["slug_it"]
    cover = functools.partial(demo_files.cover, record["title_it"], record["subtitle_it"], colour)
    pdf = functools.partial(
        demo_files.document,
        record["title_it"],
        _site_text(loader, record["pages"]),
        subtitle=record["subtitle_it"],
        facts=[("A cura di", record["authors_it"]), ("Anno", str(record["year"]))],
    )
    loader.add(
        Publication,
        {"slug_it": slug},
        {
            "slug_en": record["slug_en"],
            "year": record["year"],
            "series": series.get(record["series"]),
            "plan": plans.get(record.get("plan")),
            "status": Status.PUBLISHED,
            "published_at": moment(f"{record['year']}-12-01 09:00"),
            **translated(record, "title", "subtitle", "description", "authors"),
        },
        files={"cover": (f"{slug}.png", cover), "pdf": (f"{slug}.pdf", pdf)},
    )


def _issue(loader, record, colour):
    number, day = record["number"], moment(record["date"]).date()
    cover = functools.partial(
        demo_files.cover,
        f"Tamtam {number}",
        record["theme_it"],
        colour,
        kicker=f"Torino Internazionale · {date_format(day, 'F Y')}",
    )
    pdf = functools.partial(
        demo_files.document,
        f"Tamtam n. {number} — {record['theme_it']}",
        _site_text(loader, record["pages"]),
        subtitle=f"Periodico di Torino Internazionale · {date_format(day, 'F Y')}",
    )
    contents = {
        code: "<ul>" + "".join(f"<li>{item}</li>" for item in record[f"contents_{code}"]) + "</ul>"
        for code in ("it", "en")
    }
    loader.add(
        Issue,
        {"number": number},
        {
            "date": day,
            "status": Status.PUBLISHED,
            "published_at": moment(day),
            "contents_it": f"<h2>{record['theme_it']}</h2>{contents['it']}",
            "contents_en": f"<h2>{record['theme_en']}</h2>{contents['en']}",
            **translated(record, "theme"),
        },
        files={"cover": (f"tamtam-{number}.png", cover), "pdf": (f"tamtam-{number}.pdf", pdf)},
    )
