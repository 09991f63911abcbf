"""Drain the newsletter queue: `manage.py send_newsletters` from cron or a systemd timer.

Safe to run often and even twice at once (PostgreSQL row locks); see newsletter/README.md.
"""

from django.core.management.base import BaseCommand, CommandError

from newsletter.sending import SendingInterrupted, send_pending


class Command(BaseCommand):
    help = "Send the pending newsletter deliveries, exactly once each."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size",
            type=int,
            default=100,
            help="Messages sent over one SMTP connection before reconnecting (default 100).",
        )
        parser.add_argument(
            "--rate",
            type=float,
            default=10.0,
            help="At most this many messages per second; 0 for no limit (default 10).",
        )
        parser.add_argument(
            "--limit", type=int, default=None, help="Stop after this many deliveries."
        )

    def handle(self, *args, batch_size, rate, limit, **options):
        if batch_size < 1 or rate < 0 or (limit is not None and limit < 1):
            raise CommandError("--batch-size and --limit must be positive, --rate not negative.")
        try:
            stats = send_pending(batch_size=batch_size, rate=rate or None, limit=limit)
        except SendingInterrupted as error:
            raise CommandError(
                f"SMTP connection lost ({error}); the rest stays queued for the next run."
            ) from error
        counts = {key: stats.get(key, 0) for key in ("sent", "failed", "retry", "skipped")}
        self.stdout.write(
            "sent {sent}, failed {failed}, to retry {retry}, "
            "not sent (unsubscribed) {skipped}".format(**counts)
        )
