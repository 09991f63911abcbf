"""The Agenda's kinds of event, from `content/agenda/kinds.toml`, and the invented events of
`content/demo/events.toml`: past ones on their dates, upcoming ones counted from today (on
working days), with programmes (PDF, from `content/demo/documents.toml`) and a recording."""

import datetime
import functools

from django.utils import timezone
from django.utils.formats import date_format

from torino_portal import demo_files
from torino_portal.loading import at, days_from_today, moment, read_toml, translated
from torino_portal.publishing import Status

from .models import Attachment, Event, EventKind


def load(loader):
    for record in read_toml(loader.root / "agenda" / "kinds.toml")["kind"]:
        loader.add(
            EventKind,
            {"slug": record["slug"]},
            {"order": record["order"], **translated(record, "name")},
        )


def event_values(event):
    """What a programme or minutes say of an event: title, day, time, place (in Italian)."""
    start = timezone.localtime(event.start)
    return {
        "title": event.title_it,
        "date": date_format(start, "l j F Y"),
        "time": date_format(start, "H:i"),
        "venue": event.venue_name_it,
        "address": event.venue_address,
    }


def _schedule(record):
    """Start, end and registration of an event: fixed dates, or counted from today."""
    if "start" in record:
        end = moment(record["end"]) if record.get("end") else None
        return {"start": moment(record["start"]), "end": end}
    length = record.get("days", 1)
    day = days_from_today(record["days_from_today"], length)
    if record.get("all_day"):
        last = day + datetime.timedelta(days=length - 1)
        schedule = {"start": at(day, "00:00"), "end": at(last, "00:00")}
    else:
        end = at(day, record["end_time"]) if record.get("end_time") else None
        schedule = {"start": at(day, record["start_time"]), "end": end}
    if record.get("seats"):
        closes = day - datetime.timedelta(days=record["registration_closes_days_before"])
        schedule.update(
            registration_enabled=True,
            seats=record["seats"],
            registration_closes_at=at(closes, "23:59"),
        )
    return schedule


def load_demo(loader):
    kinds = {kind.slug: kind for kind in EventKind.objects.all()}
    demo = loader.root / "demo"
    texts = read_toml(demo / "documents.toml")
    description = read_toml(demo / "events.toml")["description"]
    for record in read_toml(demo / "events.toml")["event"]:
        if record["kind"] not in kinds:
            continue
        schedule = _schedule(record)
        event, _created = loader.add(
            Event,
            {"slug_it": record["slug_it"]},
            {
                "slug_en": record["slug_en"],
                "kind": kinds[record["kind"]],
                "status": Status.PUBLISHED,
                "all_day": record.get("all_day", False),
                "published_at": min(schedule["start"], timezone.now()) - datetime.timedelta(30),
                "venue_name_it": record["venue"],
                "venue_name_en": record["venue"],
                "venue_address": record["address"],
                **translated(record, "title", "summary"),
                **translated(description, "description"),
                **schedule,
            },
        )
        for order, item in enumerate(record.get("attachment", [])):
            if item["file"] == "wav":
                make = demo_files.recording
            else:
                text = texts[item["text"]]
                make = functools.partial(
                    demo_files.from_text, item["title_it"], text, event_values(event)
                )
            loader.add(
                Attachment,
                {"event": event, "order": order},
                {
                    "title_it": item["title_it"],
                    "title_en": item["title_en"],
                    **translated(item, "transcript"),
                },
                files={"file": (f"{event.slug_it}-{order + 1}.{item['file']}", make)},
            )
