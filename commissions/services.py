"""The forum's writes and outside effects, in plain named functions (never in save() or
signals): recording a visitor's contribution, telling the editors, moderating."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Contribution, ContributionStatus

logger = logging.getLogger(__name__)


def submit_contribution(topic, *, name, email, text, language):
    """Store a contribution awaiting moderation, then notify the editors.

    The row is committed first: a mail server that is down must not lose the contribution
    or show the visitor an error (the failure is logged; the admin list shows it anyway).
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
    """E-mail STAFF_NOTIFICATION_EMAILS that a contribution awaits moderation (in Italian,
    the editors' language), with a link to it in the admin. Returns True when sent."""
    recipients = settings.STAFF_NOTIFICATION_EMAILS
    if not recipients:
        return False
    topic = contribution.topic
    admin_url = settings.SITE_URL + reverse(
        "admin:commissions_contribution_change", args=[contribution.pk]
    )
    with translation.override("it"):
        subject = _("New forum contribution to moderate: %(topic)s") % {"topic": topic.title}
        body = "\n".join(
            [
                _("A new contribution awaits moderation in the online forum."),
                "",
                _("Topic: %(topic)s") % {"topic": topic.title},
                _("Name: %(name)s") % {"name": contribution.name},
                _("Language: %(language)s") % {"language": contribution.language},
                "",
                contribution.text,
                "",
                _("Approve or reject it here: %(url)s") % {"url": admin_url},
            ]
        )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except (SMTPException, OSError):
        logger.exception("Could not notify the editors of contribution %s", contribution.pk)
        return False
    return True


def moderate(contributions, status, user):
    """Approve or reject `contributions` (a queryset) by `user`; returns how many changed."""
    if status not in (ContributionStatus.APPROVED, ContributionStatus.REJECTED):
        raise ValueError(status)
    return contributions.exclude(status=status).update(
        status=status, moderated_at=timezone.now(), moderated_by=user
    )
