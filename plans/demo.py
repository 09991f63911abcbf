"""Demo content of the Strategic Plans: both plans, their trees (the seed page verbatim in
Italian with its English translation) and Plan 2's twelve directions (invented, marked)."""

from django.utils.dateparse import parse_datetime
from django.utils.timezone import make_aware

from torino_portal.publishing import Status

from .demo_content import DIRECTIONS, PAGES, PLANS
from .models import Direction, Page, Plan

TRANSLATED = ("title", "summary", "body")
PUBLISHED_AT = make_aware(parse_datetime("2007-08-20 09:00"))


def translated(item, fields=TRANSLATED):
    return {f"{field}_{code}": item[f"{field}_{code}"] for field in fields for code in ("it", "en")}


def load():
    plans = {}
    for item in PLANS:
        plans[item["number"]], _ = Plan.objects.update_or_create(
            number=item["number"],
            defaults={
                "year": item["year"],
                "status": Status.PUBLISHED,
                "published_at": PUBLISHED_AT,
                "is_demo": item["demo"],
                **translated(item),
            },
        )
    pages = {}
    for item in PAGES:
        plan, path = plans[item["plan"]], tuple(item["path"])
        parent = pages[(plan.number, path[:-1])] if len(path) > 1 else None
        pages[(plan.number, path)], _ = Page.objects.update_or_create(
            plan=plan,
            parent=parent,
            slug_it=path[-1],
            defaults={
                "slug_en": item["slug_en"],
                "order": item["order"],
                "status": Status.PUBLISHED,
                "published_at": PUBLISHED_AT,
                "is_demo": item["demo"],
                **translated(item),
            },
        )
    for item in DIRECTIONS:
        Direction.objects.update_or_create(
            plan=plans[2],
            number=item["number"],
            defaults={
                "meta_objective": item["meta_objective"],
                "status": Status.PUBLISHED,
                "published_at": PUBLISHED_AT,
                "is_demo": True,
                **translated(item, ("title", "summary", "description")),
            },
        )
