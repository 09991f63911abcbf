"""Send one newsletter to 10,000 confirmed subscribers through a local SMTP server.

    .venv/bin/python bench/newsletter_send.py [subscribers=10000]

Uses a throwaway SQLite file in a temporary folder (or DATABASE_URL when it names a database
called bench_*, e.g. postgres://postgres@127.0.0.1:5432/bench_newsletter), migrates it,
bulk-creates the subscribers, queues the newsletter and runs the sender with no rate limit
against aiosmtpd on loopback (in a child process).

Prints messages per second, checks that exactly N distinct messages arrived (one per
address, distinct Message-IDs), then measures the peak Python memory (tracemalloc) of
queueing and of sending for N/4 and N subscribers: the peaks must stay flat (both iterate).
"""

import logging
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import tracemalloc
from email.parser import BytesHeaderParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "torino_portal.settings")
if "bench_" not in os.environ.get("DATABASE_URL", ""):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ["EMAIL_HOST"] = "127.0.0.1"  # the SMTP backend, pointed below at aiosmtpd

import django  # noqa: E402

django.setup()

from aiosmtpd.controller import Controller  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from newsletter.models import Delivery, Newsletter, Subscriber, email_hash  # noqa: E402
from newsletter.sending import queue_newsletter, send_pending  # noqa: E402


class Receiver:
    """Writes each message's recipient and Message-ID to a file (memory stays flat)."""

    def __init__(self, path):
        self.out = open(path, "w")  # noqa: SIM115 (closed at the end)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        headers = BytesHeaderParser().parsebytes(envelope.original_content)
        for rcpt in envelope.rcpt_tos:
            self.out.write(f"{rcpt}\t{headers['Message-ID']}\n")
        self.out.flush()
        return "250 OK"


def arrived(path, count):
    """The received lines, once the server has written all `count` of them."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = path.read_text().splitlines()
        if len(lines) >= count:
            return lines
        time.sleep(0.05)
    return path.read_text().splitlines()


def smtp_server(port, path):
    logging.disable(logging.INFO)  # aiosmtpd logs every command
    receiver = Receiver(path)
    controller = Controller(receiver, hostname="127.0.0.1", port=int(port))
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()  # until the bench closes our stdin
    controller.stop()


def fill(count):
    Delivery.objects.all().delete()
    Newsletter.objects.all().delete()
    Subscriber.objects.all().delete()
    batch = []
    for n in range(count):
        address = f"reader{n}@example.org"
        batch.append(
            Subscriber(
                email=address,
                email_hash=email_hash(address),
                language="en" if n % 3 == 0 else "it",
                status=Subscriber.Status.CONFIRMED,
            )
        )
        if len(batch) == 2000:
            Subscriber.objects.bulk_create(batch)
            batch = []
    Subscriber.objects.bulk_create(batch)
    return Newsletter.objects.create(
        subject_it="Notizie dal Piano",
        subject_en="News from the Plan",
        body_it="<p>"
        + "Testo della newsletter. " * 80
        + '</p><p><a href="/it/agenda/">Agenda</a></p>',
        body_en="<p>" + "Newsletter text. " * 80 + '</p><p><a href="/en/agenda/">Agenda</a></p>',
    )


def main(count):
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command
    call_command("migrate", verbosity=0)
    received_path = Path(tempfile.mkdtemp()) / "received.tsv"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The SMTP server runs in its own process: on a thread it would fight the sender for
    # the GIL and the figure would measure that fight.
    server = subprocess.Popen(
        [sys.executable, __file__, "--smtp-server", str(port), str(received_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    server.stdout.readline()  # "ready"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = port
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")

    newsletter = fill(count)
    started = time.perf_counter()
    queued = queue_newsletter(newsletter)
    queued_in = time.perf_counter() - started
    started = time.perf_counter()
    stats = send_pending(batch_size=100)
    elapsed = time.perf_counter() - started
    lines = arrived(received_path, count)
    recipients = {line.split("\t")[0] for line in lines}
    message_ids = {line.split("\t")[1] for line in lines}
    print(f"queued {queued} deliveries in {queued_in:.2f} s")
    print(f"sent {stats['sent']} in {elapsed:.1f} s: {stats['sent'] / elapsed:.0f} messages/second")
    print(
        f"arrived {len(lines)} messages, {len(recipients)} distinct recipients, "
        f"{len(message_ids)} distinct Message-IDs"
    )
    assert len(lines) == len(recipients) == len(message_ids) == count, "not exactly once!"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {rss:.0f} MB")

    # Above the queue's chunk (2,000 rows) memory should stay flat: compare N/4 with N.
    peaks = {}
    for size in (count // 4, count):
        newsletter = fill(size)
        received_path.write_text("")
        tracemalloc.start()
        queue_newsletter(newsletter)
        queue_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        send_pending(batch_size=100)
        send_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        peaks[size] = max(queue_peak, send_peak)
        print(
            f"peak Python memory for {size} subscribers: queueing {queue_peak / 1e6:.1f} MB, "
            f"sending {send_peak / 1e6:.1f} MB"
        )
    small, large = peaks[count // 4], peaks[count]
    print(f"growth for 4x the subscribers: {large / small:.2f}x")
    assert large < small * 1.5, "memory grows with the number of subscribers"
    server.stdin.close()
    server.wait(timeout=30)
    assert large < small * 2, "memory grows with the number of subscribers"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--smtp-server"]:
        smtp_server(*sys.argv[2:4])
        sys.exit()
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
