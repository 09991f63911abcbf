"""`make_*` helpers for the Agenda: each builds a valid, published item; keywords override."""

import datetime
from itertools import count

from django.utils import timezone

from events.models import Event, EventKind, Registration, RegistrationStatus
from torino_portal.publishing import Status

_numbers = count(1)


def local(year, month, day, hour=0, minute=0):
    """An aware datetime in Europe/Rome."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def days_from_now(days, hour=10, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return local(day.year, day.month, day.day, hour, minute)


def make_kind(slug=None, **fields):
    n = next(_numbers)
    slug = slug or f"kind-{n}"
    defaults = {"name_it": f"Tipo {n}", "name_en": f"Kind {n}", "order": n}
    kind, _created = EventKind.objects.get_or_create(slug=slug, defaults={**defaults, **fields})
    return kind


def make_event(kind=None, **fields):
    n = next(_numbers)
    defaults = {
        "title_it": f"Evento {n}",
        "title_en": f"Event {n}",
        "summary_it": "In breve.",
        "summary_en": "In brief.",
        "description_it": "<p>Descrizione.</p>",
        "description_en": "<p>Description.</p>",
        "start": days_from_now(10),
        "venue_name_it": "Politecnico di Torino",
        "venue_address": "Corso Duca degli Abruzzi 24, Torino",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(days=1),
    }
    return Event.objects.create(kind=kind or make_kind(), **{**defaults, **fields})


def make_registration(event, **fields):
    n = next(_numbers)
    defaults = {
        "name": f"Persona {n}",
        "email": f"person{n}@example.org",
        "status": RegistrationStatus.CONFIRMED,
    }
    return Registration.objects.create(event=event, **{**defaults, **fields})
