"""Apply the privacy notice's retention periods (run daily from cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from torino_portal.privacy import apply_retention


class Command(BaseCommand):
    help = "Delete or reduce the personal data the privacy notice says are kept no longer."

    def handle(self, *args, **options):
        counts = apply_retention()
        for what, count in sorted(counts.items()):
            self.stdout.write(f"{what}: {count}")
