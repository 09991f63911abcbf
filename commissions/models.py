"""The Thematic Commissions that built Strategic Plan 2, their meetings and the online forum.

A meeting *is* an Agenda event (multi-table inheritance on `events.Event`): it is entered
once, here, and the Agenda, its calendar and its iCalendar feed show the same row.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventKind, EventQuerySet
from plans.models import Direction, Plan
from torino_portal.files import AUDIO, DOCUMENTS, CheckedFileField, FileCheck, UploadTo
from torino_portal.i18n import LANGUAGE_CODES
from torino_portal.publishing import DemoMarked, Publishable, PublishableQuerySet, published_filter
from torino_portal.richtext import RichTextField
from torino_portal.slugs import TranslatedSlugMixin, translated_slug_constraints

# Path segments of the section's own pages: a commission may not take them as its slug.
RESERVED_SLUGS = {"processo", "process", "forum"}


class CommissionKind(models.TextChoices):
    THEMATIC = "thematic", _("thematic commission")
    TRANSVERSAL = "transversal", _("transversal group")


class CommissionQuerySet(PublishableQuerySet):
    def published(self):
        """A commission is public while its plan is; its meetings, documents, topics and
        contributions are public only while it is (their querysets ask this one)."""
        return super().published().filter(**published_filter("plan__"))


class Commission(TranslatedSlugMixin, Publishable):
    """A Thematic Commission (or the transversal group) of a plan's participatory process.

    Addressed by its slug alone (`/it/commissioni/<slug>/`): unique among all commissions.
    """

    slug_source = "name"
    reserved_slugs = RESERVED_SLUGS

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="commissions", verbose_name=_("plan")
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CommissionKind.choices,
        default=CommissionKind.THEMATIC,
        help_text=_("Thematic commission, or the group that works across all themes."),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the name when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)
    mandate = RichTextField(_("mandate"))
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        help_text=_("The lowest number comes first; drag the rows of the list to change it."),
    )
    directions = models.ManyToManyField(
        Direction,
        blank=True,
        related_name="commissions",
        verbose_name=_("strategic directions"),
        help_text=_("The strategic directions this commission produced."),
    )

    objects = CommissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["plan", "order"])]
        constraints = translated_slug_constraints(
            "commissions_commission", message=_("Another commission has this address.")
        )

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        for code in LANGUAGE_CODES:
            if getattr(self, f"slug_{code}") in RESERVED_SLUGS:
                raise ValidationError({f"slug_{code}": _("This address is reserved.")})

    def get_absolute_url(self):
        return reverse("commissions:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        return super().is_public and self.plan.is_public


class PersonRole(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    MEMBER = "member", _("member")


class Person(DemoMarked):
    """A coordinator or member of a commission: name, role, organisation — no contact data."""

    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="people", verbose_name=_("commission")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=20, choices=PersonRole.choices, default=PersonRole.MEMBER
    )
    position = models.CharField(
        _("position"), max_length=200, blank=True, help_text=_("E.g. 'Councillor for culture'.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["commission", "order", "pk"]

    def __str__(self):
        return self.name


class MeetingFormat(models.TextChoices):
    """How a meeting worked; each format is an Agenda kind with the same slug."""

    FORUM = "forum", _("forum (plenary session)")
    WORKSHOP = "workshop", _("workshop (working group)")
    CONSULTATION_DAY = "consultation-day", _("consultation day")
    CONFERENCE = "conference", _("public conference")


def kind_for_format(meeting_format):
    """The Agenda's EventKind of a meeting format (same slug), or None.

    The four kinds are reference rows made by the data migration 0007_meeting_kinds (and
    listed in content/agenda/kinds.toml): this reads, it never writes.
    """
    return EventKind.objects.filter(slug=meeting_format).first()


class Phase(models.IntegerChoices):
    """The three phases of the process that built Plan 2."""

    MANDATE = 1, _("Mandate and dialogue with political and institutional actors")
    DEBATE = 2, _("Public debate")
    OBJECTIVES = 3, _("Objectives and priority lines of action")


class MeetingQuerySet(EventQuerySet):
    """The Agenda's vocabulary (upcoming(), past(), …), with the commission's publishing."""

    def published(self):
        """A meeting is public when both it and its commission are.

        PublishableQuerySet's rule, not EventQuerySet's: the condition this app registers
        with the Agenda (`apps.py`) is this very one, phrased from the Event side.
        """
        return PublishableQuerySet.published(self).filter(
            commission__in=Commission.objects.published()
        )


def meeting_is_public():
    """The Agenda's condition for its events (`events.models.public_when`): a row that is a
    meeting is public only while its commission is; plain events are not concerned."""
    return models.Q(meeting__isnull=True) | models.Q(
        meeting__commission__in=Commission.objects.published()
    )


class Meeting(Event):
    """A forum, workshop, consultation day or conference of a commission.

    The format is the one thing editors choose; the Agenda's `kind` is derived from it on
    every save (same slug), so the Agenda can filter meetings by kind and the two never
    disagree. Title, date, venue and description are the Event's own fields.
    """

    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("commission")
    )
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=MeetingFormat.choices,
        help_text=_("What kind of meeting: it decides where the site lists it."),
    )
    phase = models.PositiveSmallIntegerField(
        _("phase of the process"),
        choices=Phase.choices,
        help_text=_("The step of the participatory process the meeting belongs to."),
    )
    topic = models.CharField(
        _("topic"),
        max_length=300,
        blank=True,
        help_text=_("The question discussed, in a line (the title names the meeting)."),
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        null=True,
        blank=True,
        help_text=_("How many people took part; leave empty if unknown."),
    )
    outcome = RichTextField(
        _("outcome"), help_text=_("The minutes, or what came out of the meeting.")
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("commission meeting")
        verbose_name_plural = _("commission meetings")
        ordering = ["start"]
        indexes = [models.Index(fields=["commission", "phase", "format"])]

    def clean(self):
        super().clean()
        # The kind comes from the format; a kind staff deleted is said here, not as a 500.
        if self.format and kind_for_format(self.format) is None:
            raise ValidationError(
                {
                    "format": _(
                        "The Agenda has no kind “%(slug)s” for this format: add it under "
                        "Agenda › Kinds of event (slug %(slug)s)."
                    )
                    % {"slug": self.format}
                }
            )

    def save(self, *args, **kwargs):
        self.kind = EventKind.objects.get(slug=self.format)
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return super().is_public and self.commission.is_public

    def get_absolute_url(self):
        return reverse(
            "commissions:meeting",
            kwargs={"commission": self.commission.slug, "pk": self.pk, "slug": self.slug or "-"},
        )

    def agenda_url(self):
        """The same row's page in the Agenda, once the Agenda has event pages."""
        event_url = getattr(super(), "get_absolute_url", None)
        return event_url() if event_url else ""


AUDIO_EXTENSIONS = {".mp3", ".wav", ".ogg", ".oga", ".m4a", ".flac"}


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """The files visitors may see listed: of a public commission, and of a public
        meeting when they belong to one."""
        return self.filter(commission__in=Commission.objects.published()).filter(
            models.Q(meeting__isnull=True) | models.Q(meeting__in=Meeting.objects.published())
        )

    def audio_without_transcript(self):
        """Recordings that a deaf visitor cannot follow: the admin warns about them."""
        is_audio = models.Q()
        for extension in AUDIO_EXTENSIONS:
            is_audio |= models.Q(file__iendswith=extension)
        return self.filter(is_audio).filter(
            models.Q(transcript_it="") | models.Q(transcript_it__isnull=True)
        )


class Document(DemoMarked):
    """Minutes, papers or a recording of a commission, of one of its meetings if given."""

    commission = models.ForeignKey(
        Commission,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("commission"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = CheckedFileField(
        _("file"),
        upload_to=UploadTo("commissions"),
        max_length=200,
        validators=[FileCheck(DOCUMENTS | AUDIO, max_mb=200)],
        help_text=_("PDF, office documents or audio recordings (MP3, WAV, OGG), up to 200 MB."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "Everything said in the recording, for people who cannot hear it (WCAG 1.2.1): "
            "shown under the player. Every audio or video file needs one."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.meeting_id and not self.commission_id:
            self.commission_id = self.meeting.commission_id
        super().save(*args, **kwargs)

    def clean(self):
        if (
            self.meeting_id
            and self.commission_id
            and self.meeting.commission_id != self.commission_id
        ):
            raise ValidationError({"meeting": _("The meeting belongs to another commission.")})

    @property
    def is_audio(self):
        return os.path.splitext(self.file.name)[1].lower() in AUDIO_EXTENSIONS


class TopicQuerySet(PublishableQuerySet):
    def published(self):
        """A forum topic is public while its commission is."""
        return super().published().filter(commission__in=Commission.objects.published())


class Topic(TranslatedSlugMixin, Publishable):
    """A discussion topic of the online forum (forum telematico), tied to a commission.

    Addressed under its commission: the slug is unique among the commission's topics.
    """

    commission = models.ForeignKey(
        Commission, on_delete=models.CASCADE, related_name="topics", verbose_name=_("commission")
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the title when left empty."),
    )
    description = RichTextField(_("description"))
    is_open = models.BooleanField(
        _("open for contributions"),
        default=True,
        help_text=_("Closed topics stay readable but accept no new contribution."),
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum topic")
        verbose_name_plural = _("forum topics")
        ordering = ["-published_at", "pk"]
        indexes = [models.Index(fields=["commission", "published_at"])]
        constraints = translated_slug_constraints(
            "commissions_topic",
            "commission",
            message=_("Another topic of this commission has this address."),
        )

    def __str__(self):
        return self.title

    def slug_scope(self):
        return Topic.objects.filter(commission_id=self.commission_id)

    @property
    def is_public(self):
        return super().is_public and self.commission.is_public

    def get_absolute_url(self):
        return reverse(
            "commissions:topic", kwargs={"commission": self.commission.slug, "slug": self.slug}
        )


class ContributionStatus(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class ContributionQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ContributionStatus.APPROVED)

    def published(self):
        """Approved contributions to a public topic."""
        return self.approved().filter(topic__in=Topic.objects.published())


class Contribution(DemoMarked):
    """A visitor's plain-text contribution to a topic; shown only once staff approve it.

    The e-mail address is for the editors only and never appears on the site; the text is
    stored as typed and escaped when shown. `language` keeps the language it was written in.
    """

    MAX_LENGTH = 4000

    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("topic")
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    text = models.TextField(_("text"), max_length=MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PENDING,
    )
    consent_at = models.DateTimeField(_("privacy consent given"), default=timezone.now)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum contribution")
        verbose_name_plural = _("forum contributions")
        ordering = ["created_at", "pk"]
        permissions = [("moderate_contribution", _("Can approve or reject forum contributions"))]
        # A topic's page of contributions is read along this index in (created_at, id)
        # order (torino_portal/paging.py): with the id in it, contributions sent in the same
        # instant (an import) need no sort of all of them.
        indexes = [models.Index(fields=["topic", "status", "created_at", "id"])]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    @property
    def on_public_pages(self):
        """Only approved contributions are shown: a visitor's new (pending) one changes no
        page, so it keeps the page cache (torino_portal/apps.py); moderation renews it."""
        return self.status == ContributionStatus.APPROVED
