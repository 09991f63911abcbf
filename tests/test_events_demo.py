"""The Agenda's demo content: past and upcoming events, registration, attachments."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Attachment, Event, EventKind
from tests.factories_content import load_app

pytestmark = pytest.mark.django_db


def load():
    load_app("events")
    load_app("events", demo=True)


def test_demo_fills_the_agenda_and_runs_twice(client):
    load()
    assert set(EventKind.objects.values_list("slug", flat=True)) >= {
        "conference",
        "presentation",
        "forum",
        "workshop",
        "consultation-day",
    }
    assert EventKind.objects.get(slug="consultation-day").name_en == "Consultation day"
    events = Event.objects.filter(is_demo=True)
    years = {timezone.localtime(e.start).year for e in events}
    assert {2005, 2006, 2007} <= years
    assert Event.objects.published().upcoming().count() >= 4
    open_event = Event.objects.get(registration_enabled=True, is_demo=True)
    assert open_event.registration_is_open() and open_event.seats == 150
    assert Attachment.objects.filter(mime_type="audio/x-wav").count() == 1
    assert Attachment.objects.filter(mime_type="application/pdf").count() == 3
    assert not Event.objects.filter(title_it__icontains="trasformazione in atto").exists()
    before = (
        {e.pk: (e.start, e.sequence, e.updated_at) for e in Event.objects.all()},
        Attachment.objects.count(),
    )
    load()
    after = (
        {e.pk: (e.start, e.sequence, e.updated_at) for e in Event.objects.all()},
        (Attachment.objects.count()),
    )
    assert before == after
    html = client.get("/it/agenda/").content.decode()
    assert "Convegno annuale di Torino Internazionale" in html
    recording = Event.objects.get(slug_it="la-conoscenza-come-motore")
    assert "<audio controls" in client.get(recording.get_absolute_url()).content.decode()
    english = client.get("/en/agenda/").content.decode()
    assert "Torino Internazionale annual conference" in english


def test_demo_remove_drops_the_invented_events():
    load()
    call_command("load_demo", "--remove", verbosity=0)
    assert not Event.objects.filter(is_demo=True).exists()
    assert not Attachment.objects.exists()
