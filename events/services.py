"""Registration for events: sign-up, cancellation, the waiting list and their e-mails.

Every write that counts seats takes a row lock on the event (`select_for_update`) inside a
transaction, so concurrent sign-ups queue up on PostgreSQL and the count they see is the
real one; the unique (event, email) constraint catches the same address twice even then.
Mails are queued inside the same transaction (torino_portal.mail: an outbox) and leave after
the commit, from the worker — never from save(), never failing the request.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from torino_portal import csv
from torino_portal.mail import queue_mail

from .models import Event, Registration, RegistrationStatus


class RegistrationError(Exception):
    """A sign-up that cannot be taken; the message is shown to the visitor."""


class RegistrationClosed(RegistrationError):
    pass


class AlreadyRegistered(RegistrationError):
    pass


def hold_period():
    return datetime.timedelta(hours=settings.EVENT_REGISTRATION_HOLD_HOURS)


def _lock(event):
    """The event row, locked until the end of the transaction: seat counts queue up here."""
    return Event.objects.select_for_update().get(pk=event.pk)


def register(event, *, name, email, organisation="", language="it"):
    """Sign `email` up for `event`: a held seat if one is free, else the waiting list.

    Either way the address must be confirmed within the hold period (the mail queued here
    carries the link), or the sign-up lapses. Returns the new Registration; raises
    RegistrationClosed or AlreadyRegistered.
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            locked = _lock(event)
            if not locked.registration_is_open():
                raise RegistrationClosed
            now = timezone.now()
            # Lapsed holds go first: they must neither block the address nor count a seat.
            _fill(locked, now)
            if Registration.objects.filter(event=locked, email=email).exists():
                raise AlreadyRegistered
            has_seat = locked.seats is None or _seated(locked, now) < locked.seats
            registration = Registration.objects.create(
                event=locked,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                language=language,
                status=RegistrationStatus.HELD if has_seat else RegistrationStatus.WAITING,
                created_at=now,
                hold_expires_at=now + hold_period(),
            )
            _mail(registration, "events/mail/confirm_address")
            return registration
    except IntegrityError as error:
        # Another request with the same address got in first (unique constraint).
        raise AlreadyRegistered from error


def _seated(event, now):
    return Registration.objects.filter(event=event).seated(now).count()


def seats_left(event):
    """Free seats (None: no limit); one query. Lapsed holds do not count, so the page is
    right even when nothing has deleted them yet."""
    if event.seats is None:
        return None
    return max(event.seats - _seated(event, timezone.now()), 0)


def confirm_address(registration):
    """The person followed the link: the address is theirs. A held seat becomes confirmed;
    a place on the waiting list stays, now for good. Returns the fresh registration, or
    None when it lapsed or was cancelled meanwhile."""
    with transaction.atomic():
        _lock(registration.event)
        now = timezone.now()
        current = (
            Registration.objects.select_related("event")
            .filter(pk=registration.pk)
            .live(now)
            .first()
        )
        if current is None:
            return None
        if current.address_confirmed_at is None:
            current.address_confirmed_at, current.hold_expires_at = now, None
            if current.status == RegistrationStatus.HELD:
                current.status = RegistrationStatus.CONFIRMED
            current.save(update_fields=["address_confirmed_at", "hold_expires_at", "status"])
            _mail(current, "events/mail/registration")
        return current


def fill_from_waiting_list(event):
    """Give every free seat to the people waiting, first come first served.

    The one place that promotes, whatever freed the seat: a cancellation, an admin's
    delete, more seats, a lapsed hold. It locks the event row, deletes lapsed holds,
    promotes and queues each promoted person's mail (sent after the commit). Returns the
    promoted registrations.
    """
    with transaction.atomic():
        return _fill(_lock(event), timezone.now())


def _fill(locked, now):
    """`fill_from_waiting_list` for an event already locked by the caller."""
    Registration.objects.filter(event=locked).lapsed(now).delete()
    waiting = Registration.objects.filter(event=locked, status=RegistrationStatus.WAITING)
    waiting = waiting.order_by("created_at", "pk")
    if locked.seats is None:
        promoted = list(waiting)
    else:
        free = max(locked.seats - _seated(locked, now), 0)
        promoted = list(waiting[:free]) if free else []
    for registration in promoted:
        registration.status = (
            RegistrationStatus.HELD if registration.is_held else RegistrationStatus.CONFIRMED
        )
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _mail(registration, "events/mail/promoted")
    return promoted


def cancel(registration):
    """Delete `registration` (the person's cancel link); its seat goes to the first person
    waiting. Returns the promoted registrations (empty when nobody was waiting)."""
    with transaction.atomic():
        locked = _lock(registration.event)
        deleted, _detail = Registration.objects.filter(pk=registration.pk).delete()
        if not deleted:
            return []
        _mail(registration, "events/mail/cancelled")
        return _fill(locked, timezone.now())


def delete_registrations(registrations):
    """Staff delete (one or many, from the admin): the seats go to the people waiting.
    Returns the promoted registrations."""
    promoted = []
    events = Event.objects.filter(pk__in=registrations.values("event_id")).order_by("pk")
    with transaction.atomic():
        # Lock in a fixed order (by pk), so two staff deleting at once cannot deadlock.
        locked = list(events.select_for_update())
        pks = list(registrations.values_list("pk", flat=True))
        Registration.objects.filter(pk__in=pks).delete()
        now = timezone.now()
        for event in locked:
            promoted += _fill(event, now)
    return promoted


def lapse_expired(now=None):
    """Delete every lapsed hold and give the seats to the people waiting (the cron
    command; seat counts ignore lapsed holds anyway). Returns (lapsed, promoted)."""
    now = now or timezone.now()
    lapsed = promoted = 0
    event_ids = (
        Registration.objects.lapsed(now).order_by().values_list("event_id", flat=True).distinct()
    )
    for event_id in list(event_ids):
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=event_id)
            lapsed += Registration.objects.filter(event=locked).lapsed(now).count()
            promoted += len(_fill(locked, now))
    return lapsed, promoted


# --- E-mails ------------------------------------------------------------------------


def _mail(registration, template_prefix):
    """Queue one message in the registrant's language, with absolute links from SITE_URL.

    The visitor's own words (name, organisation) are left out: a mail from our address
    says only what we wrote.
    """
    event = registration.event
    with translation.override(registration.language):  # the links in the mail's language
        context = {
            "registration": registration,
            "event": event,
            "event_url": settings.SITE_URL + event.get_absolute_url(),
            "cancel_url": settings.SITE_URL + registration.cancel_url(),
            "confirm_url": settings.SITE_URL + registration.confirm_url(),
            "waiting": registration.status == RegistrationStatus.WAITING,
            "held": registration.is_held,
            "hold_hours": settings.EVENT_REGISTRATION_HOLD_HOURS,
        }
    queue_mail(template_prefix, registration.email, context, registration.language)


# --- Staff --------------------------------------------------------------------------


def registrations_csv(registrations, name="registrations"):
    """A CSV download of `registrations` (torino_portal.csv: no cell runs as a formula)."""
    header = [
        _("Event"),
        _("Start"),
        _("Name"),
        _("E-mail"),
        _("Organisation"),
        _("Status"),
        _("Registered"),
    ]
    rows = (
        [
            registration.event.title,
            timezone.localtime(registration.event.start).strftime("%Y-%m-%d %H:%M"),
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_status_display(),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for registration in registrations.select_related("event").order_by(
            "event__start", "event_id", "created_at", "pk"
        )
    )
    return csv.download(header, rows, name)
