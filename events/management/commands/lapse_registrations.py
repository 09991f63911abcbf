"""Delete sign-ups whose address was not confirmed in time; their seats go to the people
waiting, who are told by mail. Seat counts ignore lapsed holds anyway, so this only makes
the promotion (and its mail) happen without waiting for the next sign-up or cancellation."""

from django.core.management.base import BaseCommand

from events.services import lapse_expired


class Command(BaseCommand):
    help = "Lapse unconfirmed registrations and give their seats to the waiting list."

    def handle(self, *args, **options):
        lapsed, promoted = lapse_expired()
        self.stdout.write(f"lapsed: {lapsed}, promoted: {promoted}")
