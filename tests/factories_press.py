"""`make_*` helpers for the press app: each builds a valid, published item."""

import io
import time
from datetime import date
from itertools import count

from django.core.files.base import ContentFile
from PIL import Image

from press.models import Clipping, Issue, Publication, Series, Source
from torino_portal.publishing import Status

_numbers = count(1)


def pdf_bytes():
    """A small real PDF, the same bytes at every call (Pillow writes the clock's second into
    the file's dates unless given them)."""
    buffer = io.BytesIO()
    fixed = time.strptime("2007-08-20", "%Y-%m-%d")
    Image.new("RGB", (60, 80), "white").save(buffer, "PDF", creationDate=fixed, modDate=fixed)
    return buffer.getvalue()


def png_bytes(size=(40, 56)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#7a1d2b").save(buffer, "PNG")
    return buffer.getvalue()


def make_source(**fields):
    n = next(_numbers)
    defaults = {"name": f"Giornale {n}", "slug": f"giornale-{n}"}
    return Source.objects.create(**{**defaults, **fields})


def make_clipping(source=None, **fields):
    n = next(_numbers)
    defaults = {
        "headline": f"Articolo {n} sul Piano",
        "date": date(2006, 5, 10),
        "summary_it": f"Sintesi {n}.",
        "summary_en": f"Summary {n}.",
        "url": "https://example.org/article",
        "status": Status.PUBLISHED,
    }
    return Clipping.objects.create(source=source or make_source(), **{**defaults, **fields})


def make_series(**fields):
    n = next(_numbers)
    defaults = {"name_it": f"Collana {n}", "name_en": f"Series {n}", "slug": f"collana-{n}"}
    return Series.objects.create(**{**defaults, **fields})


def make_publication(with_files=False, **fields):
    n = next(_numbers)
    defaults = {
        "title_it": f"Pubblicazione {n}",
        "title_en": f"Publication {n}",
        "year": 2006,
        "description_it": "<p>Descrizione.</p>",
        "description_en": "<p>Description.</p>",
        "status": Status.PUBLISHED,
    }
    publication = Publication(**{**defaults, **fields})
    if with_files:
        publication.cover.save("copertina.png", ContentFile(png_bytes()), save=False)
        publication.pdf.save("volume.pdf", ContentFile(pdf_bytes()), save=False)
    publication.save()
    return publication


def make_issue(**fields):
    n = next(_numbers)
    defaults = {
        "number": n,
        "date": date(2006, 3, 1),
        "theme_it": f"Tema {n}",
        "theme_en": f"Theme {n}",
        "contents_it": "<h2>Sommario</h2><ul><li>Editoriale</li></ul>",
        "contents_en": "<h2>Contents</h2><ul><li>Editorial</li></ul>",
        "status": Status.PUBLISHED,
    }
    return Issue.objects.create(**{**defaults, **fields})
