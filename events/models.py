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
from django.db.models import Exists, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from torino_portal.files import (
    AUDIO,
    DOCUMENTS,
    IMAGES,
    CheckedFileField,
    CheckedImageField,
    FileCheck,
    UploadTo,
    sniff_mime,
)
from torino_portal.i18n import LANGUAGE_CODES
from torino_portal.publishing import Publishable, PublishableQuerySet
from torino_portal.richtext import RichTextField
from torino_portal.slugs import LocalDate, TranslatedSlugMixin, translated_slug_constraints


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


# Conditions that apps built on the Agenda add to "is this event public?" (`public_when`).
_PUBLIC_CONDITIONS = []


def public_when(condition):
    """Register `condition`, a callable returning a `Q` on Event that a public event meets.

    The Agenda knows nothing of the apps that build on it, yet a commission meeting is an
    Event row that must stay out of every public surface while its commission is a draft
    (one visibility rule: an item is public only with everything it belongs to). So
    `commissions` registers its condition here at start-up (`CommissionsConfig.ready`) and
    `EventQuerySet.published()` applies it: Agenda lists, calendar, feeds, iCalendar,
    sitemap, search and the previous/next links all follow. A condition evaluated per query
    rather than a flag copied onto the event: a commission scheduled for tomorrow brings its
    meetings out tomorrow, and no `update()` can leave a copy out of step.
    """
    if condition not in _PUBLIC_CONDITIONS:
        _PUBLIC_CONDITIONS.append(condition)
        _public_models.clear()
    return condition


_public_models = []


def public_models():
    """Event and every other publishable model whose rows `Event.objects.published()` reads
    (through the registered conditions: a meeting's commission and its plan), found in the
    query's tables: what a kept list of public events passes as `models=` to
    `torino_portal.fragments.kept`, so a scheduled commission going live ends it too."""
    if not _public_models:
        from django.apps import apps

        sql = str(Event.objects.published().query)
        _public_models.extend(
            model
            for model in apps.get_models()
            if issubclass(model, Publishable)
            and not model._meta.parents
            and f'"{model._meta.db_table}"' in sql
        )
    return tuple(_public_models)


class EventQuerySet(PublishableQuerySet):
    """The Agenda's vocabulary: what is still to come, what is over, what falls in a window."""

    def published(self):
        """Published, dated, and meeting the conditions other apps registered."""
        queryset = super().published()
        for condition in _PUBLIC_CONDITIONS:
            queryset = queryset.filter(condition())
        return queryset

    def with_public_flag(self):
        """Annotate `public_everywhere` (the registered conditions met too), which
        `Event.is_public` reads: a staff preview of a meeting of a draft commission shows
        the banner, in the same query as the event."""
        public = Event.objects.published().filter(pk=OuterRef("pk"))
        return self.annotate(public_everywhere=Exists(public))

    def upcoming(self, today=None):
        """Events that start today or later, or are still running (ordered by start)."""
        since = local_midnight(today or timezone.localdate())
        # The OR alone makes PostgreSQL walk the start index from the first event ever
        # (19,000 rows for the home page's next four in bench/fill_large.py): a lower bound
        # on start, the earliest start of an event still running (found through the end
        # index) or else today, lets it begin where the answer is. Same rows, same query.
        running = (
            self.model._base_manager.filter(start__lt=since, end__gte=since)
            .order_by()
            .annotate(everything=Value(1))  # no GROUP BY: one MIN over the rows
            .values("everything")
            # MIN of an expression (start: it is never NULL), not of the column, or
            # PostgreSQL turns it into a walk of the start index from the oldest event.
            .annotate(first=Min(Coalesce("start", "end")))
            .values("first")
        )
        return (
            self.filter(Q(start__gte=since) | Q(end__gte=since))
            .filter(start__gte=Coalesce(Subquery(running), Value(since)))
            .order_by("start", "pk")
        )

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


class Event(TranslatedSlugMixin, Publishable):
    """Something that happens at a time and a place, shown in the Agenda.

    Times are stored aware and shown in Europe/Rome. An all-day event runs from the start
    day to the end day, both included (iCalendar gets the exclusive end it needs).
    `sequence` is iCalendar's revision number: it grows whenever the date, place or title
    change, so calendar programs that subscribed replace their copy.
    Its address is its local start day and slug, unique together (meetings included: they
    are rows of this table).
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
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty for an event without a set end."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The times are ignored; the event runs from the start day to the end day."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    image = CheckedImageField(
        _("image"),
        upload_to=UploadTo("events"),
        max_length=200,
        blank=True,
        validators=[FileCheck(IMAGES, max_mb=5)],
        help_text=_("JPEG, PNG or WebP, up to 5 MB."),
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
            # The events still running today (EventQuerySet.upcoming).
            models.Index(fields=["end"]),
        ]
        constraints = translated_slug_constraints(
            "events_event",
            LocalDate("start"),
            message=_("Another event on this day has this address."),
        )

    def __str__(self):
        return self.title

    # Field tracking for `sequence`: the schedule columns as they were read from the
    # database, {name: value}. A deferred column joins when Django loads it (refresh_from_db);
    # one still deferred at save() was not changed. save() never reads the row again.
    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_schedule = {}
        instance._remember_schedule(field_names)
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        self._remember_schedule(fields)

    def _remember_schedule(self, names=None):
        loaded = getattr(self, "_loaded_schedule", None)
        if loaded is None:
            loaded = self._loaded_schedule = {}
        deferred = self.get_deferred_fields()
        for name in self.SCHEDULE_FIELDS:
            if (names is None or name in names) and name not in deferred:
                loaded[name] = getattr(self, name)

    def schedule_changed(self):
        """Whether the date, place or title differ from what was read: iCalendar's SEQUENCE
        then grows. A column set without having been read (deferred when loaded) counts as
        changed, as does an instance not loaded from the database: a higher SEQUENCE only
        makes calendar programs take the new copy."""
        loaded = getattr(self, "_loaded_schedule", None)
        if loaded is None:
            return True
        deferred = self.get_deferred_fields()
        return any(
            name not in loaded or getattr(self, name) != loaded[name]
            for name in self.SCHEDULE_FIELDS
            if name not in deferred
        )

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end comes before the start.")
        if self.registration_enabled and self.seats == 0:
            errors["seats"] = _("An event that takes registrations needs at least one seat.")
        if errors:
            raise ValidationError(errors)
        super().clean()

    def slug_scope(self):
        """The events of the same local day (the day is part of the address)."""
        if not self.start:
            return Event.objects.none()
        day = self.local_start_date
        return Event.objects.filter(
            start__gte=local_midnight(day), start__lt=local_midnight(day + datetime.timedelta(1))
        )

    def save(self, *args, **kwargs):
        if self.all_day:
            # The times mean nothing: keep midnight, so the day is the same in every query.
            self.start = local_midnight(timezone.localtime(self.start).date())
            if self.end:
                self.end = local_midnight(timezone.localtime(self.end).date())
        if self.pk is not None and not self._state.adding and self.schedule_changed():
            self.sequence += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)
        self._loaded_schedule = {}
        self._remember_schedule()

    def get_absolute_url(self):
        return reverse("events:detail", kwargs=self._url_kwargs())

    @property
    def is_public(self):
        """Its own status and date; and, when loaded `with_public_flag()`, the conditions
        other apps registered (see `public_when`)."""
        return super().is_public and getattr(self, "public_everywhere", True)

    def _url_kwargs(self):
        day = self.local_start_date
        return {"year": day.year, "month": day.month, "day": day.day, "slug": self.slug}

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


class AttachmentQuerySet(models.QuerySet):
    def published(self):
        """The files of public events."""
        return self.filter(event__in=Event.objects.published())

    def audio_without_transcript(self):
        """Recordings that a deaf visitor cannot follow: the admin warns about them."""
        return self.filter(mime_type__in=AUDIO).filter(
            models.Q(transcript_it="") | models.Q(transcript_it__isnull=True)
        )


class Attachment(models.Model):
    """A file of an event: programme (PDF), slides, a recording (played in an `<audio>`)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(
        _("file"),
        upload_to=UploadTo("events"),
        max_length=200,
        validators=[FileCheck(DOCUMENTS | AUDIO | IMAGES, max_mb=200)],
        help_text=_("PDF, office documents, images or audio (MP3, WAV, OGG), up to 200 MB."),
    )
    mime_type = models.CharField(_("type"), max_length=100, blank=True, editable=False)
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "Everything said in the recording, for people who cannot hear it (WCAG 1.2.1): "
            "shown under the player. Every audio or video file needs one."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = AttachmentQuerySet.as_manager()

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
    HELD = "held", _("seat held, address not yet confirmed")
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")


# The statuses that take a seat (a held seat is taken until its hold lapses).
SEATED = (RegistrationStatus.HELD, RegistrationStatus.CONFIRMED)


class RegistrationQuerySet(models.QuerySet):
    def live(self, now=None):
        """Registrations that count: the address is confirmed, or its hold has not lapsed."""
        return self.filter(
            Q(address_confirmed_at__isnull=False) | Q(hold_expires_at__gt=now or timezone.now())
        )

    def lapsed(self, now=None):
        """Sign-ups whose address was not confirmed in time."""
        return self.filter(
            address_confirmed_at__isnull=True, hold_expires_at__lte=now or timezone.now()
        )

    def seated(self, now=None):
        return self.live(now).filter(status__in=SEATED)


class Registration(models.Model):
    """A visitor's sign-up for an event: a seat, or a place on the waiting list.

    Seats are counted under a row lock on the event (see `events.services.register`), and
    (event, email) is unique in the database, so neither a race nor a double click can
    overbook or duplicate. Cancelling deletes the row and frees the seat.

    A sign-up proves its address: until the link in the mail is followed it only *holds*
    its seat (or its place in the queue) until `hold_expires_at`; then it lapses and is
    deleted, so nobody can keep seats with other people's addresses.
    """

    CANCEL_SALT = "events.registration.cancel"
    CONFIRM_SALT = "events.registration.confirm"

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
    address_confirmed_at = models.DateTimeField(_("address confirmed"), null=True, blank=True)
    hold_expires_at = models.DateTimeField(
        _("lapses if not confirmed by"), null=True, blank=True, db_index=True
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        permissions = [
            ("export_registration", _("Can export registrations (names and addresses, CSV)"))
        ]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="unique_registration_email"),
            # Either the address is confirmed, or the sign-up has a deadline to confirm it.
            models.CheckConstraint(
                condition=Q(address_confirmed_at__isnull=False, hold_expires_at__isnull=True)
                | Q(address_confirmed_at__isnull=True, hold_expires_at__isnull=False),
                name="registration_confirmed_or_held",
            ),
            # A confirmed seat has a confirmed address; a held seat has not.
            models.CheckConstraint(
                condition=~Q(status="confirmed", address_confirmed_at__isnull=True)
                & ~Q(status="held", address_confirmed_at__isnull=False),
                name="registration_status_matches_address",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def save(self, *args, **kwargs):
        if self.address_confirmed_at is None and self.hold_expires_at is None:
            # Entered by staff (or the demo), not by the form: vouched for, nothing to prove.
            self.address_confirmed_at = self.created_at or timezone.now()
            if self.status == RegistrationStatus.HELD:
                self.status = RegistrationStatus.CONFIRMED
        super().save(*args, **kwargs)

    def clean(self):
        if self.status == RegistrationStatus.HELD and self.address_confirmed_at:
            raise ValidationError(
                {"status": _("This address is confirmed: the seat is confirmed, not held.")}
            )
        if self.status == RegistrationStatus.CONFIRMED and self.hold_expires_at:
            raise ValidationError(
                {"status": _("This address is not confirmed yet: the seat can only be held.")}
            )

    def _token(self, salt):
        digest = salted_hmac(salt, f"{self.pk}:{self.email}").hexdigest()[:32]
        return f"{self.pk}-{digest}"

    def cancel_token(self):
        """`<pk>-<HMAC>`: the same for the life of the registration (a mail sent twice holds
        the same link), and it shows no address — a timestamped `signing.dumps` did both."""
        return self._token(self.CANCEL_SALT)

    def confirm_token(self):
        """The confirmation link's credential: same shape, another salt."""
        return self._token(self.CONFIRM_SALT)

    def cancel_url(self):
        return reverse("events:cancel", kwargs={"token": self.cancel_token()})

    def confirm_url(self):
        return reverse("events:confirm", kwargs={"token": self.confirm_token()})

    @property
    def is_held(self):
        """Not yet confirmed by its address (it lapses at `hold_expires_at`)."""
        return self.address_confirmed_at is None

    @classmethod
    def _from_token(cls, token, salt):
        pk, _, digest = token.partition("-")
        # isascii(): str.isdigit() also says yes to "²" and "١", which int() refuses.
        if not (pk.isascii() and pk.isdigit()) or len(pk) > 18:
            return None
        registration = cls.objects.select_related("event").filter(pk=int(pk)).first()
        if registration is None or not constant_time_compare(registration._token(salt), token):
            return None
        if registration.is_held and registration.hold_expires_at <= timezone.now():
            return None  # lapsed: as good as gone (the next count deletes it)
        return registration

    @classmethod
    def from_cancel_token(cls, token):
        """The registration a cancel link names, or None (bad token, cancelled, lapsed)."""
        return cls._from_token(token, cls.CANCEL_SALT)

    @classmethod
    def from_confirm_token(cls, token):
        return cls._from_token(token, cls.CONFIRM_SALT)
