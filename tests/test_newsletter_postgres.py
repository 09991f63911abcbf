"""Exactly once for real: a sender process killed with SIGKILL and restarted, and two senders
running at once. Row locks (SELECT … FOR UPDATE SKIP LOCKED) need PostgreSQL."""

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection, connections

from newsletter.models import Delivery
from newsletter.sending import queue_newsletter, send_pending
from tests.factories_newsletter import make_newsletter, make_subscriber

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent


def _database_url():
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


def _sender(smtp_port):
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_USE_TLS": "0",
        "DJANGO_SETTINGS_MODULE": "torino_portal.settings",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_newsletters", "--rate", "0", "--batch-size", "7"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_a_sender_killed_with_sigkill_and_restarted_sends_each_message_once(smtp_server, settings):
    people = [make_subscriber() for _ in range(40)]
    queue_newsletter(make_newsletter())
    accept = smtp_server.handle_DATA
    process = {}

    async def kill_on_the_sixteenth(server, session, envelope):
        # Fifteen messages were accepted and committed (the sender commits each before
        # sending the next); the process dies while handing over the sixteenth, before
        # any 250 — the message was never accepted.
        if len(smtp_server.messages) == 15 and "killed" not in process:
            process["killed"] = True
            os.kill(process["first"].pid, signal.SIGKILL)
            return "451 4.3.0 Sender gone"
        return await accept(server, session, envelope)

    smtp_server.handle_DATA = kill_on_the_sixteenth
    process["first"] = _sender(settings.EMAIL_PORT)
    assert process["first"].wait(timeout=60) == -signal.SIGKILL
    assert len(smtp_server.messages) == 15
    assert Delivery.objects.filter(status="sent").count() == 15

    second = _sender(settings.EMAIL_PORT)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()
    assert "sent 25" in out.decode()
    received = Counter(m.envelope_to[0] for m in smtp_server.messages)
    assert set(received) == {p.email for p in people}  # nobody skipped
    assert set(received.values()) == {1}  # nobody twice
    assert Delivery.objects.filter(status="sent").count() == 40


def test_two_senders_at_once_never_send_the_same_delivery(smtp_server):
    people = [make_subscriber() for _ in range(120)]
    queue_newsletter(make_newsletter())
    start = threading.Barrier(2)
    results, errors = [], []

    def sender():
        try:
            start.wait(timeout=10)
            results.append(send_pending(batch_size=10))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert sum(r["sent"] for r in results) == 120
    received = Counter(m.envelope_to[0] for m in smtp_server.messages)
    assert set(received) == {p.email for p in people}
    assert set(received.values()) == {1}
    assert not Delivery.objects.exclude(status="sent").exists()
