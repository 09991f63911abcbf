"""Newsletters: rendering, the test mail, queueing, and the sender that drains the queue.

Exactly once: the sender takes ONE pending delivery at a time in its own transaction
(`SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, so two senders never hold the same row),
hands the message to the SMTP server and marks the row sent in that same transaction,
committed as soon as the server has answered 250. A sender killed before the 250 leaves the
row pending (nothing was accepted: it is sent on the next run); killed after the commit, the
row is sent. The only window is between the server's 250 and the COMMIT of one UPDATE — a
millisecond — in which a kill makes that one message go out again on the next run.
"""

import logging
import smtplib
import time
from collections import Counter
from datetime import timedelta
from itertools import islice

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as connection_db
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from torino_portal.mail import queue_rendered

from .models import Delivery, Newsletter, Subscriber
from .services import build_mail, email_context, link, unsubscribe_token
from .text import absolute_links, html_to_text

log = logging.getLogger(__name__)

# Stands for each subscriber's own unsubscribe address in a newsletter rendered once.
UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/subscriber-link"
MAX_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=15)
LIST_ID = "Torino Internazionale <mailing-list.torinointernazionale.org>"


class SendingInterrupted(Exception):
    """The SMTP connection is gone; the current delivery stays pending for the next run."""


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def newsletter_language(newsletter, wanted):
    """The subscriber's language, or Italian when the newsletter has no text in it."""
    if wanted != "it" and getattr(newsletter, f"body_{wanted}", ""):
        return wanted
    return "it"


def render_newsletter(newsletter, language, unsubscribe_url=UNSUBSCRIBE_PLACEHOLDER):
    """(subject, html, text) as a subscriber reading `language` receives them."""
    with translation.override(language):
        subject = newsletter.subject
        context = {
            **email_context(language),
            "newsletter": newsletter,
            "subject": subject,
            "body": absolute_links(newsletter.body),
            "unsubscribe_url": unsubscribe_url,
            "online_url": link("detail", language, pk=newsletter.pk)
            if newsletter.is_public
            else "",
        }
        html = render_to_string("newsletter/email/newsletter.html", context)
    return subject, html, html_to_text(html)


def _message(rendered, subscriber, language, connection):
    subject, html, text = rendered
    token = unsubscribe_token(subscriber)
    page = link("unsubscribe", language, token=token)
    message = build_mail(
        subscriber.email,
        subject,
        html.replace(UNSUBSCRIBE_PLACEHOLDER, page),
        headers={
            # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to this address.
            "List-Unsubscribe": f"<{link('one-click', language, token=token)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": LIST_ID,
            "Precedence": "bulk",
            "Auto-Submitted": "auto-generated",
        },
        connection=connection,
    )
    message.body = text.replace(UNSUBSCRIBE_PLACEHOLDER, page)
    return message


def send_test(newsletter, address):
    """Queue the newsletter to one address (a staff member's) in each language it really
    has, exactly as those subscribers get it; the mail worker sends them."""
    languages = sorted(
        {newsletter_language(newsletter, code) for code, _name in settings.LANGUAGES},
        key=[code for code, _name in settings.LANGUAGES].index,
    )
    for language in languages:
        subject, html, text = render_newsletter(
            newsletter, language, link("unsubscribe-request", language)
        )
        queue_rendered(
            address,
            f"[TEST] {subject}",
            text,
            html,
            sender=settings.NEWSLETTER_FROM_EMAIL,
            headers={"Reply-To": ", ".join(settings.NEWSLETTER_REPLY_TO)},
        )
    return len(languages)


def recipients(newsletter):
    """The confirmed subscribers a newsletter is for (see `Newsletter.interests`)."""
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
    interests = list(newsletter.interests.values_list("pk", flat=True))
    if interests:
        subscribers = subscribers.filter(
            Q(interests__in=interests) | Q(interests__isnull=True)
        ).distinct()
    return subscribers


def queue_newsletter(newsletter, *, chunk_size=2000):
    """One pending delivery per recipient; returns how many were added.

    Idempotent: the (newsletter, subscriber) unique constraint makes a second click (or a
    second process) add nothing for people already queued, only for those confirmed since.
    """
    with transaction.atomic():
        newsletter = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
        before = newsletter.deliveries.count()
        ids = recipients(newsletter).order_by("pk").values_list("pk", flat=True)
        for chunk in _chunks(ids.iterator(chunk_size=chunk_size), chunk_size):
            Delivery.objects.bulk_create(
                [Delivery(newsletter_id=newsletter.pk, subscriber_id=pk) for pk in chunk],
                ignore_conflicts=True,
            )
        if newsletter.queued_at is None:
            newsletter.queued_at = timezone.now()
            newsletter.save(update_fields=["queued_at"])
        return newsletter.deliveries.count() - before


def _next_delivery():
    now = timezone.now()
    return (
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("subscriber")
        .filter(status=Delivery.Status.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("status", "pk")
        .first()
    )


def _record_failure(delivery, code, error):
    """A refusal of this one message: 5xx is final, 4xx is retried a few times."""
    delivery.attempts += 1
    delivery.last_error = f"{code} {error}"[:1000]
    if code >= 500 or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
    else:
        delivery.next_attempt_at = timezone.now() + RETRY_AFTER * delivery.attempts
    delivery.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def _smtp_refusal(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()))
        return code, text
    return error.smtp_code, error.smtp_error


def send_pending(*, batch_size=100, rate=None, limit=None, after_send=None):
    """Send pending deliveries until the queue is empty (or `limit` messages are handled).

    `batch_size` messages go over one SMTP connection; `rate` caps messages per second.
    `after_send(delivery)` runs after each commit (the tests use it to crash the sender).
    Returns a Counter of sent / failed / skipped / retry.
    """
    stats = Counter()
    newsletters, rendered = {}, {}
    connection, on_connection = None, 0
    interval = 1 / rate if rate else 0
    next_slot = time.monotonic()
    try:
        while limit is None or sum(stats.values()) < limit:
            with transaction.atomic():
                if connection_db.vendor == "postgresql":
                    # Durable once PostgreSQL has it: a killed sender loses nothing; only a
                    # crash of the database server itself could forget the last instant.
                    with connection_db.cursor() as cursor:
                        cursor.execute("SET LOCAL synchronous_commit TO OFF")
                delivery = _next_delivery()
                if delivery is None:
                    break
                subscriber = delivery.subscriber
                if subscriber.status != Subscriber.Status.CONFIRMED or not subscriber.email:
                    delivery.status = Delivery.Status.SKIPPED
                    delivery.save(update_fields=["status"])
                    stats["skipped"] += 1
                    continue
                if delivery.newsletter_id not in newsletters:
                    newsletters[delivery.newsletter_id] = Newsletter.objects.get(
                        pk=delivery.newsletter_id
                    )
                newsletter = newsletters[delivery.newsletter_id]
                language = newsletter_language(newsletter, subscriber.language)
                key = (newsletter.pk, language)
                if key not in rendered:
                    rendered[key] = render_newsletter(newsletter, language)
                if connection is None:
                    connection = get_connection(fail_silently=False)
                    try:
                        connection.open()
                    except (smtplib.SMTPException, OSError) as error:
                        connection = None
                        raise SendingInterrupted(str(error)) from error
                if interval:
                    wait = next_slot - time.monotonic()
                    if wait > 0:
                        time.sleep(wait)
                    next_slot = max(next_slot, time.monotonic()) + interval
                message = _message(rendered[key], subscriber, language, connection)
                try:
                    connection.send_messages([message])
                except (
                    smtplib.SMTPRecipientsRefused,
                    smtplib.SMTPSenderRefused,
                    smtplib.SMTPDataError,
                ) as error:
                    code, text = _smtp_refusal(error)
                    if code == 421:
                        # "Service not available, closing": the server, not the message.
                        raise SendingInterrupted(f"{code} {text}") from error
                    if isinstance(text, bytes):
                        text = text.decode(errors="replace")
                    _record_failure(delivery, code, text)
                    stats["failed" if delivery.status == Delivery.Status.FAILED else "retry"] += 1
                    continue
                except (smtplib.SMTPException, OSError) as error:
                    # No 250 for this message: it was not accepted. Roll back, stop here.
                    raise SendingInterrupted(str(error)) from error
                delivery.status = Delivery.Status.SENT
                delivery.attempts += 1
                delivery.sent_at = timezone.now()
                delivery.last_error = ""
                delivery.save(update_fields=["status", "attempts", "sent_at", "last_error"])
            # Committed: this subscriber is marked as served.
            stats["sent"] += 1
            if after_send is not None:
                after_send(delivery)
            on_connection += 1
            if on_connection >= batch_size:
                connection.close()
                connection, on_connection = None, 0
    finally:
        if connection is not None:
            try:
                connection.close()
            except (smtplib.SMTPException, OSError):
                pass
    return stats


def progress(newsletter):
    """{'pending': n, 'sent': n, 'failed': n, 'skipped': n} for the admin."""
    counts = dict.fromkeys(Delivery.Status.values, 0)
    for row in newsletter.deliveries.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
