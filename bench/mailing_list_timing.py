"""Does the mailing-list form's answer time tell a confirmed subscriber from an unknown address?

    .venv/bin/python bench/mailing_list_timing.py [requests=40] [smtp_delay_ms=150]

An unknown address gets a confirmation, a confirmed subscriber a short "already subscribed"
notice. It used to be: confirmation sent inside the request, nothing for a subscriber — so
the answer for an unknown address took the SMTP dialogue longer, an oracle for "is this
address on the list?". Now both get a mail queued in the database (the same work: a mail
slot, a queued row, one commit) and the worker sends it. This script posts the form for N
unknown and N confirmed addresses, in both ways: "queued" (the portal) and "sent in the
request" (MAIL_SEND_AT_ONCE, what `make run` does), against an aiosmtpd server on loopback
that answers after `smtp_delay_ms` (a real relay is tens to hundreds of ms away). Prints the
median and 90th percentile per case.

Throwaway SQLite database in a temporary folder (or DATABASE_URL naming a bench_* database).
"""

import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
if "bench_" not in os.environ.get("DATABASE_URL", ""):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # the test client speaks plain HTTP

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from newsletter.models import Subscriber  # noqa: E402

settings.STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}


class SlowInbox:
    def __init__(self, delay):
        self.delay, self.count = delay, 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        await asyncio.sleep(self.delay)
        self.count += 1
        return "250 Message accepted for delivery"


def post_times(client, addresses):
    times = []
    for address in addresses:
        cache.clear()  # the rate limits are not what is measured
        data = {"email": address, "language": "it", "consent": "on", "website": ""}
        start = time.perf_counter()
        response = client.post("/it/mailing-list/", data)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    return times


def figures(times):
    ordered = sorted(times)
    p90 = ordered[int(len(ordered) * 0.9)]
    return f"median {statistics.median(ordered):6.1f} ms, p90 {p90:6.1f} ms"


def main(requests=40, delay_ms=150):
    call_command("migrate", verbosity=0)
    inbox = SlowInbox(delay_ms / 1000)
    with socket.socket() as sock:  # a free port
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/it/mailing-list/")  # warm up templates and URL resolvers
    print(f"{requests} requests per case; SMTP server on loopback answering in {delay_ms} ms")
    try:
        for label, at_once in (("queued (the portal)", False), ("sent in the request", True)):
            with override_settings(
                MAIL_SEND_AT_ONCE=at_once,
                EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=port,
                EMAIL_USE_TLS=False,
            ):
                tag = "q" if not at_once else "n"
                confirmed = [f"member-{tag}{n}@example.org" for n in range(requests)]
                for address in confirmed:
                    Subscriber.objects.create(
                        email=address, status="confirmed", consent_at=timezone.now()
                    )
                # Interleaved, so a change of load on the machine hits both cases alike.
                unknown, known = [], []
                for n in range(requests):
                    unknown += post_times(client, [f"new-{tag}{n}@example.org"])
                    known += post_times(client, [confirmed[n]])
                print(f"{label}:")
                print(f"  unknown address (confirm):    {figures(unknown)}")
                print(f"  confirmed subscriber (notice): {figures(known)}")
                gap = statistics.median(unknown) - statistics.median(known)
                print(f"  difference of the medians:     {gap:6.1f} ms")
        print(f"mails accepted by the SMTP server during the run: {inbox.count}")
    finally:
        controller.stop()


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
