"""The Agenda: events of every kind, commission meetings included.

A commission meeting *is* an event (`commissions.Meeting` inherits from `Event`), so it is
entered once and appears in the Agenda and its calendars without a copy to keep in step.
Code here never assumes that an `Event` row is a plain event.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from torino_portal.files import AUDIO, DOCUMENTS, IMAGES, FileCheck, UploadTo, sniff_mime
from torino_portal.i18n import LANGUAGE_CODES, fill_translated_slugs
from torino_portal.publishing import Publishable, PublishableQuerySet
from torino_portal.richtext import RichTextField


def local_midnight(day):
    """The aware start of `day` in the portal's time zone (Europe/Rome)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class EventKind(models.Model):
    """Conference, presentation, forum, workshop, consultation day, … (editable by staff)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class EventQuerySet(PublishableQuerySet):
    """The Agenda's vocabulary: what is still to come, what is over, what falls in a window."""

    def upcoming(self, today=None):
        """Events that start today or later, or are still running (ordered by start)."""
        since = local_midnight(today or timezone.localdate())
        return self.filter(Q(start__gte=since) | Q(end__gte=since)).order_by("start", "pk")

    def past(self, today=None):
        """Events over before today, the most recent first."""
        since = local_midnight(today or timezone.localdate())
        return (
            self.filter(start__lt=since)
            .filter(Q(end__isnull=True) | Q(end__lt=since))
            .order_by("-start", "-pk")
        )

    def between(self, first_day, last_day):
        """Events that touch any day from `first_day` to `last_day` (both included)."""
        start, stop = local_midnight(first_day), local_midnight(last_day + datetime.timedelta(1))
        return self.filter(start__lt=stop).filter(Q(start__gte=start) | Q(end__gte=start))


class Event(Publishable):
    """Something that happens at a time and a place, shown in the Agenda.

    Times are stored aware and shown in Europe/Rome. An all-day event runs from the start
    day to the end day, both included (iCalendar gets the exclusive end it needs).
    `sequence` is iCalendar's revision number: it grows whenever the date, place or title
    change, so calendar programs that subscribed replace their copy.
    """

    # Changing any of these makes calendar programs update their copy (iCalendar SEQUENCE).
    SCHEDULE_FIELDS = (
        "start",
        "end",
        "all_day",
        "venue_address",
        *(f"{name}_{code}" for name in ("title", "venue_name") for code in LANGUAGE_CODES),
    )

    kind = models.ForeignKey(
        EventKind, on_delete=models.PROTECT, related_name="events", verbose_name=_("kind")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the title when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    description = RichTextField(_("description"))
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), null=True, blank=True, db_index=True)
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The times are ignored; the event runs from the start day to the end day."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    image = models.ImageField(
        _("image"),
        upload_to=UploadTo("events"),
        max_length=200,
        blank=True,
        validators=[FileCheck(IMAGES, max_mb=5)],
        help_text=_("JPEG, PNG, GIF or WebP, up to 5 MB."),
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    registration_enabled = models.BooleanField(
        _("takes registrations"),
        default=False,
        help_text=_("Visitors can sign up on the event's page."),
    )
    seats = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. When full, visitors join the waiting list."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the event starts."),
    )
    sequence = models.PositiveIntegerField(
        _("revision"),
        default=0,
        editable=False,
        help_text=_("Grows when the date, place or title change (iCalendar SEQUENCE)."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        get_latest_by = "start"
        indexes = [
            models.Index(fields=["kind", "start"]),
            models.Index(fields=["status", "published_at"]),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what calendar programs last saw; deferred columns are fetched in save().
        if set(cls.SCHEDULE_FIELDS) <= set(field_names):
            instance._loaded_schedule = instance._schedule()
        return instance

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end comes before the start.")
        if self.registration_enabled and self.seats == 0:
            errors["seats"] = _("An event that takes registrations needs at least one seat.")
        if errors:
            raise ValidationError(errors)
        if self.start:
            fill_translated_slugs(self)
            # Two events on the same day may not share an address.
            same_day = Event.objects.exclude(pk=self.pk).filter(
                start__gte=local_midnight(self.local_start_date),
                start__lt=local_midnight(self.local_start_date + datetime.timedelta(1)),
            )
            for code in LANGUAGE_CODES:
                if same_day.filter(**{f"slug_{code}": getattr(self, f"slug_{code}")}).exists():
                    raise ValidationError(
                        {f"slug_{code}": _("Another event on this day has this address.")}
                    )

    def save(self, *args, **kwargs):
        fill_translated_slugs(self)
        if self.all_day:
            # The times mean nothing: keep midnight, so the day is the same in every query.
            self.start = local_midnight(timezone.localtime(self.start).date())
            if self.end:
                self.end = local_midnight(timezone.localtime(self.end).date())
        if self.pk is not None and not self._state.adding:
            loaded = getattr(self, "_loaded_schedule", None)
            if loaded is None:
                stored = Event.objects.filter(pk=self.pk).values(*self.SCHEDULE_FIELDS).first()
                loaded = tuple(stored[name] for name in self.SCHEDULE_FIELDS) if stored else None
            if loaded is not None and loaded != self._schedule():
                self.sequence += 1
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)
        self._loaded_schedule = self._schedule()

    def get_absolute_url(self):
        return reverse("events:detail", kwargs=self._url_kwargs())

    def _url_kwargs(self):
        day = self.local_start_date
        return {"year": day.year, "month": day.month, "day": day.day, "slug": self.slug}

    def _schedule(self):
        return tuple(getattr(self, name) for name in self.SCHEDULE_FIELDS)

    @property
    def local_start_date(self):
        return timezone.localtime(self.start).date()

    @property
    def local_end_date(self):
        """The last day of the event (its start day when it has no end)."""
        return timezone.localtime(self.end).date() if self.end else self.local_start_date

    def ics_url(self):
        return reverse("events:ics", kwargs=self._url_kwargs())

    def map_url(self):
        """OpenStreetMap's search for the venue's address, or '' without an address."""
        if not self.venue_address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.venue_address})

    def registration_deadline(self):
        """When sign-ups stop: the closing date if set and earlier, else the start."""
        if self.registration_closes_at and self.registration_closes_at < self.start:
            return self.registration_closes_at
        return self.start

    def registration_is_open(self, now=None):
        return (
            self.registration_enabled
            and self.is_public
            and (now or timezone.now()) < self.registration_deadline()
        )


class Attachment(models.Model):
    """A file of an event: programme (PDF), slides, a recording (played in an `<audio>`)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file"),
        upload_to=UploadTo("events"),
        max_length=200,
        validators=[FileCheck(DOCUMENTS | AUDIO | IMAGES, max_mb=200)],
        help_text=_("PDF, office documents, images or audio (MP3, WAV, OGG), up to 200 MB."),
    )
    mime_type = models.CharField(_("type"), max_length=100, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["event", "order", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The type read from the content (not the name) decides how the page shows the file.
        if self.file and (not self.mime_type or not getattr(self.file, "_committed", True)):
            self.mime_type = sniff_mime(self.file) or ""
        super().save(*args, **kwargs)

    @property
    def is_audio(self):
        return self.mime_type in AUDIO


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")


class Registration(models.Model):
    """A visitor's sign-up for an event: a seat, or a place on the waiting list.

    Seats are counted under a row lock on the event (see `events.services.register`), and
    (event, email) is unique in the database, so neither a race nor a double click can
    overbook or duplicate. Cancelling deletes the row and frees the seat.
    """

    CANCEL_SALT = "events.registration.cancel"

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="it"
    )
    consent_at = models.DateTimeField(_("privacy consent given"), default=timezone.now)
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved off the waiting list"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="unique_registration_email"),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def cancel_token(self):
        """`<pk>-<HMAC>`: the same for the life of the registration (a mail sent twice holds
        the same link), and it shows no address — a timestamped `signing.dumps` did both."""
        digest = salted_hmac(self.CANCEL_SALT, f"{self.pk}:{self.email}").hexdigest()[:32]
        return f"{self.pk}-{digest}"

    def cancel_url(self):
        return reverse("events:cancel", kwargs={"token": self.cancel_token()})

    @classmethod
    def from_cancel_token(cls, token):
        """The registration a cancel link names, or None (bad token, already cancelled)."""
        pk, _, digest = token.partition("-")
        if not pk.isdigit():
            return None
        registration = cls.objects.select_related("event").filter(pk=int(pk)).first()
        if registration is None or not constant_time_compare(registration.cancel_token(), token):
            return None
        return registration
