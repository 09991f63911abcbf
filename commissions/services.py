"""The forum's writes and outside effects, in plain named functions (never in save() or
signals): recording a visitor's contribution, telling the editors, moderating."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from torino_portal import page_cache
from torino_portal.mail import queue_mail

from .models import Contribution, ContributionStatus


def submit_contribution(topic, *, name, email, text, language):
    """Store a contribution awaiting moderation and queue the editors' notice.

    Both in one transaction: the notice exists if and only if the contribution does, and it
    leaves after the commit from the mail worker — a mail server that is down never loses
    the contribution nor shows the visitor an error.
    """
    with transaction.atomic():
        contribution = Contribution.objects.create(
            topic=topic,
            name=name,
            email=email,
            text=text,
            language=language,
            consent_at=timezone.now(),
        )
        notify_staff_of_contribution(contribution)
    return contribution


def notify_staff_of_contribution(contribution):
    """Queue a mail to STAFF_NOTIFICATION_EMAILS that a contribution awaits moderation (in
    Italian, the editors' language), with a link to it in the admin. The visitor's words
    are quoted as theirs. Returns True when queued."""
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return False
    admin_url = settings.SITE_URL + reverse(
        "admin:commissions_contribution_change", args=[contribution.pk]
    )
    queue_mail(
        "commissions/mail/new_contribution",
        recipients,
        {"contribution": contribution, "topic": contribution.topic, "admin_url": admin_url},
        "it",
    )
    return True


def moderate(contributions, status, user):
    """Approve or reject `contributions` (a queryset) by `user`; returns how many changed.

    update() sends no signal: the content generation is moved here, so the pages and what
    they keep (a topic's contributions and counts) show the change at once, wherever the
    call comes from (the admin's POSTs move it too)."""
    if status not in (ContributionStatus.APPROVED, ContributionStatus.REJECTED):
        raise ValueError(status)
    changed = contributions.exclude(status=status).update(
        status=status, moderated_at=timezone.now(), moderated_by=user
    )
    if changed:
        page_cache.content_changed()
    return changed
