"""The Agenda's share of the privacy notice (collected by torino_portal.privacy)."""

import datetime

from django.db.models import Q

from . import services
from .models import Registration

# "Event registrations: 12 months from the date of the event" (the privacy notice).
KEEP_AFTER_EVENT = datetime.timedelta(days=365)


def erase(address):
    """Registrations made with `address` go; their seats go to the people waiting."""
    registrations = Registration.objects.filter(email__iexact=address.strip())
    count = registrations.count()
    if count:
        services.delete_registrations(registrations)
    return {"registrations": count}


def retention(now):
    """Registrations of events that ended more than 12 months ago are deleted."""
    cutoff = now - KEEP_AFTER_EVENT
    over = Q(event__end__isnull=True, event__start__lt=cutoff) | Q(event__end__lt=cutoff)
    count, _detail = Registration.objects.filter(over).delete()
    return {"registrations": count}
