"""The Strategic Plans from `content/plans/` and their directions from `content/directions/`.

Each plan is a folder (`plan.toml`, `it.html`, `en.html` for its overview) and its page
tree is the folder tree below it: a page's folder is named by its Italian slug and holds
`page.toml` (titles, English slug, order, summaries) and the two bodies. Each direction is
a folder with `direction.toml` and its description in `it.html` and `en.html`.
"""

from torino_portal.loading import moment, read_prose, read_toml, translated
from torino_portal.publishing import Status

from .models import Direction, Page, Plan


def load(loader):
    for folder in sorted((loader.root / "plans").iterdir()):
        if (folder / "plan.toml").exists():
            _plan(loader, folder)
    for folder in sorted((loader.root / "directions").iterdir()):
        if (folder / "direction.toml").exists():
            _direction(loader, folder)


def _plan(loader, folder):
    record = read_toml(folder / "plan.toml")
    published_at = moment(record["published_at"])
    plan, _created = loader.add(
        Plan,
        {"number": record["number"]},
        {
            "year": record["year"],
            "status": Status.PUBLISHED,
            "published_at": published_at,
            **translated(record, "title", "summary"),
            **read_prose(folder, "body"),
        },
    )
    _pages(loader, folder, plan, None, published_at)


def _pages(loader, folder, plan, parent, published_at):
    for child in sorted(folder.iterdir()):
        if not (child / "page.toml").exists():
            continue
        record = read_toml(child / "page.toml")
        page, _created = loader.add(
            Page,
            {"plan": plan, "parent": parent, "slug_it": child.name},
            {
                "slug_en": record["slug_en"],
                "order": record["order"],
                "status": Status.PUBLISHED,
                "published_at": published_at,
                **translated(record, "title", "summary"),
                **read_prose(child, "body"),
            },
        )
        _pages(loader, child, plan, page, published_at)


def _direction(loader, folder):
    record = read_toml(folder / "direction.toml")
    plan = Plan.objects.filter(number=record["plan"]).first()
    if plan is None:
        return
    loader.add(
        Direction,
        {"plan": plan, "number": record["number"]},
        {
            "meta_objective": record["meta_objective"],
            "status": Status.PUBLISHED,
            "published_at": plan.published_at,
            **translated(record, "title", "summary"),
            **read_prose(folder, "description"),
        },
    )
