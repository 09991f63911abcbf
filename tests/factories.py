"""Small `make_*` helpers: each builds a valid, published item; keywords override fields.

Translated fields are set per language (`title_it=`, `title_en=`): modeltranslation only
fills the active language's column otherwise.
"""

from itertools import count

from django.contrib.auth import get_user_model

from plans.models import Direction, MetaObjective, Page, Plan
from torino_portal.models import SitePage
from torino_portal.publishing import Status

_numbers = count(1)


def make_staff(username="editor", password="a-long-test-password"):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", password, is_staff=True, is_superuser=True
    )
    user.raw_password = password
    return user


def make_plan(**fields):
    number = fields.pop("number", 100 + next(_numbers))
    defaults = {
        "title_it": f"Piano Strategico {number}",
        "title_en": f"Strategic Plan {number}",
        "year": 2006,
        "summary_it": "Sintesi del piano.",
        "summary_en": "The plan in brief.",
        "body_it": "<p>Testo del piano.</p>",
        "body_en": "<p>The plan's text.</p>",
        "status": Status.PUBLISHED,
    }
    return Plan.objects.create(number=number, **{**defaults, **fields})


def make_page(plan=None, parent=None, **fields):
    n = next(_numbers)
    defaults = {
        "title_it": f"Pagina {n}",
        "title_en": f"Page {n}",
        "body_it": "<h2>Primo</h2><p>Uno.</p><h2>Secondo</h2><p>Due.</p>",
        "body_en": "<h2>First</h2><p>One.</p><h2>Second</h2><p>Two.</p>",
        "status": Status.PUBLISHED,
        "order": n,
    }
    plan = plan or (parent.plan if parent else make_plan())
    return Page.objects.create(plan=plan, parent=parent, **{**defaults, **fields})


def make_direction(plan=None, **fields):
    n = next(_numbers)
    defaults = {
        "number": n,
        "title_it": f"Direzione {n}",
        "title_en": f"Direction {n}",
        "description_it": "<p>Descrizione.</p>",
        "description_en": "<p>Description.</p>",
        "meta_objective": MetaObjective.COMPETITIVENESS,
        "status": Status.PUBLISHED,
    }
    return Direction.objects.create(plan=plan or make_plan(), **{**defaults, **fields})


def make_site_page(key, **fields):
    defaults = {
        "title_it": key.capitalize(),
        "title_en": key.capitalize(),
        "body_it": "<p>Testo.</p>",
        "body_en": "<p>Text.</p>",
        "status": Status.PUBLISHED,
    }
    return SitePage.objects.create(key=key, **{**defaults, **fields})


def sitemap_text(client):
    """Every section sitemap listed by /sitemap.xml, fetched and joined (the index itself
    lists only the sections)."""
    import re
    from urllib.parse import urlsplit

    index = client.get("/sitemap.xml").content.decode()
    parts = [index]
    for loc in re.findall(r"<loc>([^<]+)</loc>", index):
        url = urlsplit(loc)
        parts.append(
            client.get(f"{url.path}?{url.query}" if url.query else url.path).content.decode()
        )
    return "\n".join(parts)
