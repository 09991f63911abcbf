"""iCalendar (RFC 5545) for the Agenda, built with the `icalendar` library.

Stable UIDs (the row's id at the portal's host), DTSTAMP and LAST-MODIFIED from the last
change, SEQUENCE from `Event.sequence`, times in Europe/Rome with its VTIMEZONE, and all-day
events as DATE values whose DTEND is the day *after* the last one (RFC 5545 3.6.1: the end
is exclusive), so no calendar shows them one day too long.
"""

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

PRODID = "-//Torino Internazionale//Agenda//IT"


def uid(event):
    return f"event-{event.pk}@{urlsplit(settings.SITE_URL).hostname or 'torinointernazionale.org'}"


def event_component(event):
    """The VEVENT of one event, in the active language."""
    component = icalendar.Event()
    component.add("uid", uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("created", event.created_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    if event.all_day:
        component.add("dtstart", event.local_start_date)
        component.add("dtend", event.local_end_date + datetime.timedelta(days=1))
    else:
        component.add("dtstart", timezone.localtime(event.start))
        if event.end:
            component.add("dtend", timezone.localtime(event.end))
    url = settings.SITE_URL + event.get_absolute_url()
    component.add("url", url)
    description = "\n\n".join(part for part in (event.summary, url) if part)
    component.add("description", description)
    location = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
    if location:
        component.add("location", location)
    component.add("categories", [event.kind.name])
    component.add("status", "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return component


def calendar_bytes(events, name):
    """A whole VCALENDAR of `events` (select_related("kind") for one query)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add("description", _("The Agenda of Torino Internazionale"))
    for event in events:
        calendar.add_component(event_component(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()
