"""The mailing list's share of the privacy notice (collected by torino_portal.privacy)."""

import datetime

from django.db.models import Q

from . import services
from .models import Subscriber, email_hash

# "Unconfirmed subscription requests are deleted after 30 days; 30 days after someone
# unsubscribes, only a one-way hash of the address is kept" (the privacy notice).
UNCONFIRMED_DAYS = 30
UNSUBSCRIBED_DAYS = 30


def erase(address):
    subscriber = (
        Subscriber.objects.filter(email_hash=email_hash(address))
        .exclude(status=Subscriber.Status.ERASED)
        .first()
    )
    if subscriber is None:
        return {"subscribers": 0}
    services.erase(subscriber)
    return {"subscribers": 1}


def retention(now):
    unconfirmed = now - datetime.timedelta(days=UNCONFIRMED_DAYS)
    stale = Subscriber.objects.filter(status=Subscriber.Status.PENDING).filter(
        Q(consent_at__lt=unconfirmed) | Q(consent_at__isnull=True, created_at__lt=unconfirmed)
    )
    deleted = stale.count()
    stale.delete()
    left = now - datetime.timedelta(days=UNSUBSCRIBED_DAYS)
    reduced = 0
    for subscriber in Subscriber.objects.filter(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=left
    ).exclude(email=""):
        services.reduce_to_hash(subscriber)
        reduced += 1
    return {"unconfirmed subscribers": deleted, "unsubscribed addresses": reduced}
