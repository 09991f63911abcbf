"""`make_*` helpers for the commissions app: each builds a valid, published item."""

import importlib
import io
import wave
from datetime import datetime
from itertools import count
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from commissions.models import (
    Commission,
    Contribution,
    ContributionStatus,
    Document,
    Meeting,
    MeetingFormat,
    Person,
    Phase,
    Topic,
)
from events.models import EventKind
from tests.factories import make_plan
from torino_portal.publishing import Status

_numbers = count(1)
ROME = ZoneInfo("Europe/Rome")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def wav_bytes():
    """A tiny valid WAV file (a tenth of a second of silence)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(8000)
        out.writeframes(b"\x00\x00" * 800)
    return buffer.getvalue()


def make_commission(plan=None, **fields):
    n = next(_numbers)
    defaults = {
        "name_it": f"Commissione {n}",
        "name_en": f"Commission {n}",
        "summary_it": "Sintesi.",
        "summary_en": "In brief.",
        "mandate_it": "<h2>Mandato</h2><p>Il mandato.</p>",
        "mandate_en": "<h2>Mandate</h2><p>The mandate.</p>",
        "order": n,
        "status": Status.PUBLISHED,
    }
    return Commission.objects.create(plan=plan or make_plan(), **{**defaults, **fields})


def make_person(commission, **fields):
    n = next(_numbers)
    defaults = {"name": f"Persona {n}", "organisation_it": "Comune di Torino"}
    return Person.objects.create(commission=commission, **{**defaults, **fields})


def meeting_kinds():
    """The Agenda kinds the data migration makes: a transactional test's flush empties the
    tables after the migrations ran, so the factory puts them back (same rows)."""
    migration = importlib.import_module("commissions.migrations.0007_meeting_kinds")
    for slug, name_it, name_en, order in migration.KINDS:
        EventKind.objects.get_or_create(
            slug=slug, defaults={"name_it": name_it, "name_en": name_en, "order": order}
        )


def make_meeting(commission=None, **fields):
    meeting_kinds()
    n = next(_numbers)
    defaults = {
        "title_it": f"Incontro {n}",
        "title_en": f"Meeting {n}",
        "format": MeetingFormat.FORUM,
        "phase": Phase.MANDATE,
        "start": datetime(2005, 3, 1, 10, 0, tzinfo=ROME),
        "venue_name_it": "Torino Incontra",
        "outcome_it": "<p>Esito.</p>",
        "outcome_en": "<p>Outcome.</p>",
        "status": Status.PUBLISHED,
    }
    return Meeting.objects.create(
        commission=commission or make_commission(), **{**defaults, **fields}
    )


def make_document(meeting=None, commission=None, name="verbale.pdf", content=PDF_BYTES, **fields):
    n = next(_numbers)
    defaults = {"title_it": f"Documento {n}", "title_en": f"Document {n}"}
    return Document.objects.create(
        meeting=meeting,
        commission=commission or meeting.commission,
        file=SimpleUploadedFile(name, content),
        **{**defaults, **fields},
    )


def make_topic(commission=None, **fields):
    n = next(_numbers)
    defaults = {
        "title_it": f"Tema {n}",
        "title_en": f"Topic {n}",
        "description_it": "<p>Di che cosa si discute.</p>",
        "description_en": "<p>What is discussed.</p>",
        "status": Status.PUBLISHED,
    }
    return Topic.objects.create(
        commission=commission or make_commission(), **{**defaults, **fields}
    )


def make_contribution(topic, **fields):
    n = next(_numbers)
    defaults = {
        "name": f"Cittadino {n}",
        "email": f"person{n}@example.org",
        "text": f"Contributo {n}.",
        "language": "it",
        "status": ContributionStatus.APPROVED,
    }
    return Contribution.objects.create(topic=topic, **{**defaults, **fields})
