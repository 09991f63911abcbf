"""Registration for events: sign-up, cancellation, the waiting list and their e-mails.

Every write that counts seats takes a row lock on the event (`select_for_update`) inside a
transaction, so concurrent sign-ups queue up on PostgreSQL and the count they see is the
real one; the unique (event, email) constraint catches the same address twice even then.
Mail goes out after the transaction, from the plain functions below — never from save().
"""

import csv
import io

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Event, Registration, RegistrationStatus


class RegistrationError(Exception):
    """A sign-up that cannot be taken; the message is shown to the visitor."""


class RegistrationClosed(RegistrationError):
    pass


class AlreadyRegistered(RegistrationError):
    pass


def register(event, *, name, email, organisation="", language="it"):
    """Sign `email` up for `event`: a seat if one is free, else the waiting list.

    Returns the new Registration; raises RegistrationClosed or AlreadyRegistered.
    """
    email = email.strip().lower()
    try:
        with transaction.atomic():
            locked = Event.objects.select_for_update().get(pk=event.pk)
            if not locked.registration_is_open():
                raise RegistrationClosed
            if Registration.objects.filter(event=locked, email=email).exists():
                raise AlreadyRegistered
            confirmed = Registration.objects.filter(
                event=locked, status=RegistrationStatus.CONFIRMED
            ).count()
            has_seat = locked.seats is None or confirmed < locked.seats
            return Registration.objects.create(
                event=locked,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                language=language,
                status=RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITING,
            )
    except IntegrityError as error:
        # Another request with the same address got in first (unique constraint).
        raise AlreadyRegistered from error


def seats_left(event):
    """Free seats (None: no limit); one query."""
    if event.seats is None:
        return None
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    return max(event.seats - confirmed, 0)


def fill_from_waiting_list(event):
    """Give every free seat to the people waiting, first come first served.

    Called after a cancellation, and by staff after adding seats. Returns the promoted
    registrations (the caller tells them by e-mail, after the transaction).
    """
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        waiting = Registration.objects.filter(event=locked, status=RegistrationStatus.WAITING)
        if locked.seats is None:
            promoted = list(waiting.order_by("created_at", "pk"))
        else:
            confirmed = Registration.objects.filter(
                event=locked, status=RegistrationStatus.CONFIRMED
            ).count()
            free = max(locked.seats - confirmed, 0)
            promoted = list(waiting.order_by("created_at", "pk")[:free]) if free else []
        now = timezone.now()
        for registration in promoted:
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
        return promoted


def cancel(registration):
    """Delete `registration`; its seat goes to the first person waiting.

    Returns the promoted registrations (empty when nobody was waiting).
    """
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=registration.event_id).first()
        deleted, _detail = Registration.objects.filter(pk=registration.pk).delete()
        if not deleted:
            return []
        return fill_from_waiting_list(registration.event)


# --- E-mails ------------------------------------------------------------------------


def _send(registration, subject, template):
    """One message in the registrant's own language, with absolute links from SITE_URL."""
    with translation.override(registration.language):
        event = registration.event
        context = {
            "registration": registration,
            "event": event,
            "event_url": settings.SITE_URL + event.get_absolute_url(),
            "cancel_url": settings.SITE_URL + registration.cancel_url(),
            "waiting": registration.status == RegistrationStatus.WAITING,
        }
        send_mail(
            subject % {"title": event.title},
            render_to_string(template, context),
            None,
            [registration.email],
        )


def send_registration_mail(registration):
    """The confirmation (or waiting-list notice), with the link that cancels it."""
    with translation.override(registration.language):
        if registration.status == RegistrationStatus.WAITING:
            subject = _("Waiting list: %(title)s")
        else:
            subject = _("Registration confirmed: %(title)s")
    _send(registration, subject, "events/mail/registration.txt")


def send_promotion_mail(registration):
    """Tell someone from the waiting list that a seat is now theirs."""
    with translation.override(registration.language):
        subject = _("A seat is free for you: %(title)s")
    _send(registration, subject, "events/mail/promoted.txt")


# --- Staff --------------------------------------------------------------------------


def _cell(value):
    """Spreadsheets run cells that start with = + - @ as formulas: quote them."""
    text = str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def registrations_csv(registrations):
    """A CSV (UTF-8 with BOM, for spreadsheets) of `registrations`."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Event"),
            _("Start"),
            _("Name"),
            _("E-mail"),
            _("Organisation"),
            _("Status"),
            _("Registered"),
        ]
    )
    for registration in registrations.select_related("event").order_by(
        "event__start", "event_id", "created_at", "pk"
    ):
        writer.writerow(
            [
                _cell(registration.event.title),
                timezone.localtime(registration.event.start).strftime("%Y-%m-%d %H:%M"),
                _cell(registration.name),
                _cell(registration.email),
                _cell(registration.organisation),
                registration.get_status_display(),
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return buffer.getvalue()
