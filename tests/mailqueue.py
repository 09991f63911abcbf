"""The portal's mail queue in tests: run the worker as cron does, read what waits."""

from post_office import mail as post_office
from post_office.models import STATUS, Email


def deliver():
    """One run of the mail worker (post_office's `send_queued`, what `send_queued_mail`
    loops over, without its file lock and connection handling); returns (sent, failed,
    requeued)."""
    return post_office.send_queued()


def waiting():
    """The mails queued and not yet sent."""
    return Email.objects.filter(status__in=[STATUS.queued, STATUS.requeued]).order_by("pk")
