"""The next events on the home page (template: events/_home.html)."""

from .models import Event

HOME_EVENTS = 4


def home_context(request):
    events = Event.objects.published().upcoming().select_related("kind")[:HOME_EVENTS]
    return {"next_events": list(events)}
