"""Joining and leaving the list: signed links, the consent trail and the visitor's mails.

Every outside effect (a mail) happens here, in plain named functions the views and the
admin call; models and signals send nothing.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from torino_portal.mail import message_id, queue_mail
from torino_portal.models import SitePage

from .models import ConsentRecord, Subscriber, email_hash, normalize_email
from .text import html_to_text

log = logging.getLogger(__name__)

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
# A confirmation link works for a week; an unsubscribe link for ever (old newsletters
# in someone's inbox must still let them leave).
CONFIRM_MAX_AGE = timedelta(days=7)
# Mails a visitor's form can make us send to one address per (local) day.
MAX_MAILS_PER_DAY = 3
CONSENT_TEXT = _("I have read the privacy notice and agree to receive the mailing list by e-mail.")


class Outcome(Enum):
    DONE = "done"
    ALREADY = "already"
    INVALID = "invalid"
    EXPIRED = "expired"


# --- Tokens ---------------------------------------------------------------------------


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscriber.pk))


def unsubscribe_token(subscriber):
    """Signed, not timed: the signature (with SECRET_KEY) is the credential."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscriber.pk))


def _subscriber_pk(value):
    return int(value) if value.isascii() and value.isdigit() and len(value) < 19 else None


def read_confirm_token(token):
    """(subscriber pk or None, Outcome.EXPIRED / INVALID or None)."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        return None, Outcome.EXPIRED
    except signing.BadSignature:
        return None, Outcome.INVALID
    pk = _subscriber_pk(value)
    return pk, None if pk else Outcome.INVALID


def read_unsubscribe_token(token):
    try:
        return _subscriber_pk(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except signing.BadSignature:
        return None


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def link(name, language, **kwargs):
    """An absolute address of one of the app's pages in `language`, for mails."""
    with translation.override(language):
        return absolute(reverse(f"newsletter:{name}", kwargs=kwargs))


# --- Consent ---------------------------------------------------------------------------


def privacy_version():
    """Which privacy notice a person accepts: the published page's date and a digest of its
    text in both languages, so any edit of the notice gives a new version."""
    page = SitePage.objects.published().filter(key=SitePage.Key.PRIVACY).first()
    if page is None:
        return "unpublished"
    text = "\n".join(
        getattr(page, f"{field}_{code}") or ""
        for field in ("title", "body")
        for code in ("it", "en")
    )
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return f"{timezone.localtime(page.updated_at):%Y-%m-%d}/{digest}"


def take_mail_slot(subscriber):
    """Take one of today's visitor-triggered mails for this address, if any is left.

    One conditional UPDATE, so concurrent requests cannot both take the last one.
    """
    today = timezone.localdate()
    return bool(
        Subscriber.objects.filter(pk=subscriber.pk)
        .filter(
            Q(mails_day__isnull=True)
            | Q(mails_day__lt=today)
            | Q(mails_day__gt=today)
            | Q(mails_day=today, mails_that_day__lt=MAX_MAILS_PER_DAY)
        )
        .update(
            mails_that_day=Case(
                When(mails_day=today, then=F("mails_that_day") + 1), default=Value(1)
            ),
            mails_day=today,
        )
    )


@dataclass
class SignUp:
    email: str
    language: str
    interests: list


def request_subscription(signup):
    """Record a request to join and send the confirmation mail, within the daily cap.

    Whatever the address's state the caller answers the same way, in the same time. A
    confirmed subscriber is left as is and told so by mail.
    """
    address = normalize_email(signup.email)
    version = privacy_version()
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email_hash=email_hash(address),
            defaults={"email": address, "language": signup.language},
        )
        if subscriber.status == Subscriber.Status.CONFIRMED:
            # Their choices stay as they are (no one else may change them). They get a
            # short notice instead of a confirmation: the same work (a mail slot, a queued
            # mail, a commit), so the answer's time does not tell who is on the list.
            return take_mail_slot(subscriber) and send_already_subscribed(subscriber)
        subscriber.email = address
        subscriber.language = signup.language
        subscriber.status = Subscriber.Status.PENDING
        subscriber.source = Subscriber.Source.FORM
        subscriber.consent_at = now
        subscriber.consent_version = version
        subscriber.save()
        subscriber.interests.set(signup.interests)
        with translation.override(signup.language):
            wording = str(CONSENT_TEXT)
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.REQUESTED,
            privacy_version=version,
            how=f"form/{signup.language}: {wording}"[:200],
        )
        # Queued with the request's data (sent after the commit by the mail worker), so
        # the answer takes the same time whether or not a mail goes out.
        return take_mail_slot(subscriber) and send_confirmation(subscriber)


def confirmation_state(token):
    """What the confirmation page should show, without changing anything."""
    pk, problem = read_confirm_token(token)
    if problem:
        return problem
    subscriber = Subscriber.objects.filter(pk=pk).only("status").first()
    if subscriber is None or subscriber.status in (
        Subscriber.Status.UNSUBSCRIBED,
        Subscriber.Status.ERASED,
    ):
        return Outcome.INVALID
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return Outcome.ALREADY
    return None


def confirm_subscription(token):
    """The POST of the confirmation page: the address becomes a subscriber."""
    pk, problem = read_confirm_token(token)
    if problem:
        return problem
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=pk).first()
        # An address that left (or was erased) after this link was sent must join again.
        if subscriber is None or subscriber.status in (
            Subscriber.Status.UNSUBSCRIBED,
            Subscriber.Status.ERASED,
        ):
            return Outcome.INVALID
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return Outcome.ALREADY
        now = timezone.now()
        if subscriber.consent_at is None:
            # An imported address: pressing "confirm" under the notice is the consent.
            subscriber.consent_at, subscriber.consent_version = now, privacy_version()
            ConsentRecord.objects.create(
                subscriber=subscriber,
                action=ConsentRecord.Action.REQUESTED,
                privacy_version=subscriber.consent_version,
                how="confirmation page (imported address)",
            )
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.save()
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.CONFIRMED,
            privacy_version=subscriber.consent_version,
            how="confirmation page",
        )
    return Outcome.DONE


def unsubscribe(token, how):
    """Withdraw at once (the one-click POST or the page's button). Idempotent."""
    pk = read_unsubscribe_token(token)
    if pk is None:
        return Outcome.INVALID
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=pk).first()
        if subscriber is None:
            return Outcome.INVALID
        if subscriber.status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.ERASED):
            return Outcome.ALREADY
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
        ConsentRecord.objects.create(
            subscriber=subscriber, action=ConsentRecord.Action.WITHDRAWN, how=how
        )
    return Outcome.DONE


def request_unsubscribe_link(address):
    """Mail an unsubscribe link to a pending or confirmed address; nothing otherwise."""
    subscriber = Subscriber.objects.filter(
        email_hash=email_hash(address),
        status__in=[Subscriber.Status.PENDING, Subscriber.Status.CONFIRMED],
    ).first()
    if subscriber is None or not take_mail_slot(subscriber):
        return False
    return send_unsubscribe_link(subscriber)


def reduce_to_hash(subscriber):
    """Keep only what honours an unsubscribe: the hash (and the trail, which holds no
    address). The address, interests and SMTP error texts go."""
    subscriber.deliveries.filter(status="pending").delete()
    subscriber.deliveries.update(last_error="")
    subscriber.interests.clear()
    subscriber.email = ""
    subscriber.save()


def erase(subscriber):
    """Erase a person's data on request, keeping only the hash that honours the unsubscribe.

    The consent trail stays (it holds no address); the deliveries lose their error texts
    (SMTP errors often quote the address) and the ones still pending are dropped.
    """
    with transaction.atomic():
        reduce_to_hash(subscriber)
        subscriber.status = Subscriber.Status.ERASED
        subscriber.erased_at = timezone.now()
        subscriber.consent_version = ""
        subscriber.save()
        ConsentRecord.objects.create(
            subscriber=subscriber, action=ConsentRecord.Action.ERASED, how="admin"
        )


# --- Mails -------------------------------------------------------------------------


def email_context(language):
    with translation.override(language):
        return {
            "language": language,
            "site_url": settings.SITE_URL,
            "home_url": absolute(reverse("home")),
            "privacy_url": absolute(reverse("site-privacy")),
            "list_url": absolute(reverse("newsletter:index")),
        }


def build_mail(to, subject, html, *, headers=None, connection=None):
    """An HTML mail with its plain-text alternative, from the newsletter's sender (the
    newsletter's own exactly-once sender builds these; everything else is queued)."""
    message = EmailMultiAlternatives(
        subject,
        html_to_text(html),
        settings.NEWSLETTER_FROM_EMAIL,
        [to],
        reply_to=settings.NEWSLETTER_REPLY_TO,
        headers={"Message-ID": message_id(), **(headers or {})},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def queue_list_mail(subscriber, template_prefix, url):
    """Queue one of the list's own mails (confirmation, unsubscribe link) in the
    subscriber's language, from the newsletter's sender. Returns True."""
    language = subscriber.language
    queue_mail(
        template_prefix,
        subscriber.email,
        {**email_context(language), "url": url, "days": CONFIRM_MAX_AGE.days},
        language,
        sender=settings.NEWSLETTER_FROM_EMAIL,
        headers={"Reply-To": ", ".join(settings.NEWSLETTER_REPLY_TO)},
    )
    return True


def send_confirmation(subscriber):
    url = link("confirm", subscriber.language, token=confirm_token(subscriber))
    return queue_list_mail(subscriber, "newsletter/email/confirm", url)


def send_already_subscribed(subscriber):
    url = link("unsubscribe", subscriber.language, token=unsubscribe_token(subscriber))
    return queue_list_mail(subscriber, "newsletter/email/already_subscribed", url)


def send_unsubscribe_link(subscriber):
    url = link("unsubscribe", subscriber.language, token=unsubscribe_token(subscriber))
    return queue_list_mail(subscriber, "newsletter/email/unsubscribe_link", url)
