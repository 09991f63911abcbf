"""The one way the portal sends a mail (the newsletters excepted: `newsletter/sending.py`).

`queue_mail()` renders a subject, a plain-text body and, when there is one, an HTML body
from `templates/<prefix>_subject.txt`, `<prefix>.txt` and `<prefix>.html` in the
recipient's language, and stores the message in django-post-office's queue. It is stored
in the caller's transaction (an outbox: the mail exists if and only if the data it speaks
of was committed) and leaves only after the commit — the worker
(`manage.py send_queued_mail`) cannot see it before. So a request never waits for, or
fails because of, the SMTP server: post_office sends, retries (MAX_RETRIES, RETRY_INTERVAL)
and shows in the admin what waits and what failed.

With `MAIL_SEND_AT_ONCE` (on under `make run`) each message is also handed to the backend
right after the commit, so the console shows it without a worker.
"""

import datetime
import logging
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from post_office import mail as post_office
from post_office.models import STATUS, Email
from post_office.settings import get_retry_timedelta

log = logging.getLogger(__name__)


def site_domain():
    """The host of SITE_URL: what Message-IDs end with (not the machine's name)."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id():
    """A Message-ID in the site's own domain (for mails built outside post_office)."""
    return make_msgid(domain=site_domain())


def render_mail(template_prefix, context, language):
    """(subject, text, html) of a mail in `language`; html is '' without an HTML template."""
    with translation.override(language):
        context = {"language": language, "site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"{template_prefix}_subject.txt", context)
        text = render_to_string(f"{template_prefix}.txt", context)
        try:
            html = render_to_string(f"{template_prefix}.html", context)
        except TemplateDoesNotExist:
            html = ""
    # A subject is one line whatever the template or the data put in it.
    return " ".join(subject.split()), text, html


def queue_mail(template_prefix, to, context, language, *, sender=None, headers=None):
    """Queue one mail to `to` (an address or a list); returns post_office's `Email`."""
    subject, text, html = render_mail(template_prefix, context, language)
    return queue_rendered(to, subject, text, html, sender=sender, headers=headers)


def queue_rendered(to, subject, text, html="", *, sender=None, headers=None):
    """Queue a mail already rendered (a newsletter's test copy)."""
    email = post_office.send(
        recipients=[to] if isinstance(to, str) else list(to),
        sender=sender or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=text,
        html_message=html,
        headers={"Message-ID": message_id(), **(headers or {})},
        priority="medium",
    )
    if settings.MAIL_SEND_AT_ONCE:
        transaction.on_commit(lambda: send_now(email.pk))
    return email


def send_now(pk):
    """Hand one queued mail to the backend (development: the console). A failure leaves it
    for the worker, exactly as a failed attempt of the worker would."""
    email = Email.objects.filter(pk=pk, status=STATUS.queued).first()
    if email is None:
        return
    if email.dispatch() == STATUS.failed:
        Email.objects.filter(pk=pk).update(
            status=STATUS.requeued,
            number_of_retries=1,
            scheduled_time=timezone.now() + get_retry_timedelta(),
        )


def mails_to(address):
    """Queued or sent mails whose recipients include `address` (privacy: erasure)."""
    address = address.strip().lower()
    candidates = Email.objects.filter(
        Q(to__icontains=address) | Q(cc__icontains=address) | Q(bcc__icontains=address)
    )
    # `to` is a comma-separated text: make sure the match is a whole address.
    return [
        email.pk
        for email in candidates.only("to", "cc", "bcc")
        if address in {a.strip().lower() for a in [*email.to, *email.cc, *email.bcc]}
    ]


def erase(address):
    """Delete every stored mail to `address` (with its logs); returns how many."""
    pks = mails_to(address)
    Email.objects.filter(pk__in=pks).delete()
    return {"mails": len(pks)}


# Copies of sent (or finally failed) mails are kept this long, for questions about delivery.
KEEP_MAIL_DAYS = 30


def retention(now):
    """Delete mails sent or given up more than KEEP_MAIL_DAYS ago."""
    cutoff = now - datetime.timedelta(days=KEEP_MAIL_DAYS)
    old = list(
        Email.objects.filter(
            status__in=[STATUS.sent, STATUS.failed], last_updated__lt=cutoff
        ).values_list("pk", flat=True)
    )
    Email.objects.filter(pk__in=old).delete()
    return {"mails": len(old)}
