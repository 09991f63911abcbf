"""`make_*` helpers for the mailing list's tests."""

import re
from itertools import count
from urllib.parse import urlsplit

from django.utils import timezone

from newsletter.models import Interest, Newsletter, Subscriber
from torino_portal.publishing import Status

_numbers = count(1)


def make_interest(**fields):
    n = next(_numbers)
    defaults = {"key": f"interest-{n}", "name_it": f"Interesse {n}", "name_en": f"Interest {n}"}
    return Interest.objects.create(**{**defaults, **fields})


def make_subscriber(email=None, **fields):
    n = next(_numbers)
    defaults = {
        "email": email or f"person{n}@example.org",
        "language": "it",
        "status": Subscriber.Status.CONFIRMED,
        "consent_at": timezone.now(),
        "consent_version": "test",
        "confirmed_at": timezone.now(),
    }
    return Subscriber.objects.create(**{**defaults, **fields})


def make_newsletter(**fields):
    n = next(_numbers)
    defaults = {
        "subject_it": f"Notizie n. {n}",
        "subject_en": f"News no. {n}",
        "body_it": '<p>Ciao dal <a href="/it/agenda/">calendario</a>.</p>'
        '<p><img src="/media/editor/foto.png" alt="Foto"></p>',
        "body_en": '<p>Hello from the <a href="/en/agenda/">agenda</a>.</p>'
        '<p><img src="/media/editor/foto.png" alt="Photo"></p>',
        "status": Status.DRAFT,
    }
    return Newsletter.objects.create(**{**defaults, **fields})


def part(message, subtype):
    """The decoded text/plain or text/html part of a received message."""
    return message.get_body(preferencelist=(subtype,)).get_content()


def links(text):
    return re.findall(r"https?://[^\s<>\"']+", text)


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
