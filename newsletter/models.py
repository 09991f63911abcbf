"""The mailing list: interests, subscribers with their consent trail, newsletters and the
delivery queue that sends each newsletter to each subscriber exactly once."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from torino_portal.publishing import Publishable
from torino_portal.richtext import RichTextField


def normalize_email(address):
    """One spelling per mailbox: trimmed and lower-cased (providers ignore case in practice)."""
    return (address or "").strip().lower()


def email_hash(address):
    """The pseudonym kept after an erasure: enough to recognise the address, not to read it."""
    return hashlib.sha256(f"newsletter:{normalize_email(address)}".encode()).hexdigest()


class Interest(models.Model):
    """A topic a subscriber may follow (a section or a commission); staff keep the list."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class Subscriber(models.Model):
    """One mailbox on the list, whatever its state; found by the hash of its address.

    The row survives unsubscription and erasure (without the address) so that an
    unsubscribe is honoured and the consent trail (`ConsentRecord`) stays accountable.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        ERASED = "erased", _("Erased on request")

    class Source(models.TextChoices):
        FORM = "form", _("Sign-up form")
        IMPORT = "import", _("CSV import")

    email = models.EmailField(_("e-mail address"), max_length=254, blank=True)
    email_hash = models.CharField(_("address hash"), max_length=64, unique=True, editable=False)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="it"
    )
    interests = models.ManyToManyField(
        Interest, blank=True, related_name="subscribers", verbose_name=_("interests")
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.FORM
    )
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_version = models.CharField(
        _("privacy notice version"),
        max_length=80,
        blank=True,
        help_text=_("Which text of the privacy notice the person accepted."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Visitor-triggered mails (confirmation, unsubscribe link) counted per day in the
    # database, so the cap holds across processes and cache restarts.
    mails_day = models.DateField(null=True, blank=True, editable=False)
    mails_that_day = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        # What takes addresses out, brings them in by the hundred or erases them for ever
        # (admin actions and views check these; the Newsletter role holds them).
        permissions = [
            ("export_subscriber", _("Can export subscribers' addresses (CSV)")),
            ("import_subscriber", _("Can import subscribers' addresses (CSV)")),
            ("erase_subscriber", _("Can erase a subscriber's data (GDPR)")),
        ]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        return self.email or _("(erased) %(hash)s") % {"hash": self.email_hash[:12]}

    def save(self, *args, **kwargs):
        if self.email:
            self.email = normalize_email(self.email)
            self.email_hash = email_hash(self.email)
        super().save(*args, **kwargs)


class ConsentRecord(models.Model):
    """Append-only trail: when and how consent was asked, given, withdrawn or erased."""

    class Action(models.TextChoices):
        REQUESTED = "requested", _("Asked to subscribe (consent given)")
        IMPORTED = "imported", _("Imported (no consent yet)")
        CONFIRMED = "confirmed", _("Confirmed the address")
        WITHDRAWN = "withdrawn", _("Unsubscribed")
        ERASED = "erased", _("Data erased on request")

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="records", verbose_name=_("subscriber")
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    privacy_version = models.CharField(_("privacy notice version"), max_length=80, blank=True)
    how = models.CharField(
        _("how"), max_length=200, blank=True, help_text=_("The channel and the words shown.")
    )

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"


class Newsletter(Publishable):
    """A newsletter in both languages; publishing it puts it in the public archive,
    sending it (from the admin) queues one `Delivery` per confirmed subscriber."""

    subject = models.CharField(_("subject"), max_length=200)
    body = RichTextField(_("body"))
    interests = models.ManyToManyField(
        Interest,
        blank=True,
        related_name="newsletters",
        verbose_name=_("only for these interests"),
        help_text=_(
            "Empty: every confirmed subscriber. Otherwise the subscribers who chose one of "
            "these interests, and those who chose none (they asked for everything)."
        ),
    )
    queued_at = models.DateTimeField(
        _("queued for sending"),
        null=True,
        blank=True,
        help_text=_("Set when someone pressed “Send to subscribers”; empty until then."),
    )

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["-published_at", "-pk"]
        permissions = [("send_newsletter", _("Can send a newsletter (and tests of it)"))]
        get_latest_by = "published_at"

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("newsletter:detail", kwargs={"pk": self.pk})


class Delivery(models.Model):
    """One newsletter for one subscriber: the queue row the sender claims, sends, marks."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Not sent (unsubscribed meanwhile)")

    newsletter = models.ForeignKey(
        Newsletter,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("newsletter"),
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "subscriber"], name="one_delivery_per_subscriber"
            ),
        ]
        # The sender asks for "the next pending row" thousands of times.
        indexes = [models.Index(fields=["status", "id"], name="delivery_queue")]

    def __str__(self):
        return f"{self.newsletter} → {self.subscriber}"
