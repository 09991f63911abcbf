"""How the portal behaves under long load and when PostgreSQL or Redis go away.

    .venv/bin/python bench/resilience.py soak       [--seconds 60] [--connections 64]
    .venv/bin/python bench/resilience.py postgres   # restarts the machine's PostgreSQL
    .venv/bin/python bench/resilience.py redis      # stops Redis, then starts it again

Runs against the database `make bench` filled (bench/site_load.py), with gunicorn started as
there, and prints what it saw: answers by status, second by second where it matters, and each
worker's memory. `postgres` and `redis` stop real services: run them on a machine of your own,
never while other tests use those services.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.site_load import ROOT, free_port, start_server, stop_server  # noqa: E402

# wrk runs this in each of its threads: requests go round the pages, answers are counted
# by status and handed to `done` through the threads' tables.
MIX_SCRIPT = """
paths = {%s}
counter = 0
statuses = {}  -- globals: thread:get() reads a thread's globals, not its locals
by_second = {}  -- wall-clock second * 1000 + status -> answers
threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = math.random(#paths) end
function request()
  counter = counter %% #paths + 1
  return wrk.format("GET", paths[counter])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local key = os.time() * 1000 + status  -- flat: wrk crashes copying nested tables
  by_second[key] = (by_second[key] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do total[status] = (total[status] or 0) + n end
  end
  for status, n in pairs(total) do io.write(string.format("status %%d %%d\\n", status, n)) end
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("by_second")) do
      io.write(string.format("second %%d %%d %%d\\n", math.floor(key / 1000), key %% 1000, n))
    end
  end
  io.write(string.format("requests %%d errors %%d\\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
"""


def mix_script(paths):
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(MIX_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    return script


def pages():
    return list(json.loads((ROOT / "bench" / ".pages.json").read_text()).values())


def run_wrk(port, script, seconds, connections):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses = Counter()
    by_second = defaultdict(Counter)
    socket_errors = 0
    for line in output.splitlines():
        words = line.split()
        if words[:1] == ["status"]:
            statuses[int(words[1])] += int(words[2])
        elif words[:1] == ["second"]:
            by_second[int(words[1])][int(words[2])] += int(words[3])
        elif words[:1] == ["requests"]:
            socket_errors = int(words[3])
    return statuses, socket_errors, by_second


def worker_memory(server):
    """RSS in MB of each gunicorn worker now (the master's children; gunicorn replaces a
    worker after `max_requests`, so the set of processes changes during a long run)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:  # replaced between the two reads
            continue
        sizes += [
            int(line.split()[1]) // 1024
            for line in status.splitlines()
            if line.startswith("VmRSS:")
        ]
    return sorted(sizes)


def soak(args):
    port = free_port()
    server = start_server(port, args.workers, 300)
    script = mix_script(pages())
    samples = []
    stop = threading.Event()

    def sample():
        while not stop.wait(5):
            samples.append(worker_memory(server))

    sampler = threading.Thread(target=sample)
    try:
        samples.append(worker_memory(server))
        sampler.start()
        statuses, socket_errors, _seconds = run_wrk(port, script, args.seconds, args.connections)
    finally:
        stop.set()
        sampler.join()
        stop_server(server)
    print(f"{args.seconds} s at {args.connections} connections over {len(pages())} pages:")
    print(f"  answers by status: {dict(sorted(statuses.items()))}; socket errors: {socket_errors}")
    print("  workers' RSS (MB), every 5 s:")
    for second, sizes in zip(range(0, 5 * len(samples), 5), samples, strict=False):
        print(f"    t={second:3d} s  {' '.join(map(str, sizes))}")


def second_by_second(port, script, seconds, connections, event_at, event):
    """One wrk run of `seconds`; call `event` at `event_at` s. Print the answers of each
    wall-clock second by status (one continuous run: a run cut into one-second pieces would
    leave each piece's unanswered requests queued at the workers for the next)."""
    trigger = threading.Timer(event_at, event)
    started = int(time.time())
    trigger.start()
    statuses, socket_errors, by_second = run_wrk(port, script, seconds, connections)
    trigger.join()
    for second in range(started, started + seconds + 1):
        print(f"  t={second - started:3d} s  {dict(sorted(by_second.get(second, {}).items()))}")
    print(
        f"  in all: {dict(sorted(statuses.items()))}; socket errors (timeouts included): "
        f"{socket_errors}"
    )
    return by_second


def postgres_restart(args):
    port = free_port()
    server = start_server(port, args.workers, 0)
    script = mix_script(pages())
    version = sorted(os.listdir("/etc/postgresql"))[0]

    def restart():
        # Stopped for a few seconds, as in a failover, not the instant of a fast restart.
        cluster = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]
        print("  … stopping PostgreSQL for 4 s", flush=True)
        subprocess.run([*cluster, "stop"], check=True)
        time.sleep(4)
        subprocess.run([*cluster, "start"], check=True)
        print("  … PostgreSQL is back", flush=True)

    try:
        second_by_second(port, script, 20, args.connections, 5, restart)
        print(f"  /healthz afterwards: {health(port)}")
    finally:
        stop_server(server)


def redis_gone(args):
    port = free_port()
    server = start_server(port, args.workers, 300)
    script = mix_script(pages())

    def stop_redis():
        print("  … stopping Redis", flush=True)
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], check=False)

    try:
        second_by_second(port, script, 10, args.connections, 3, stop_redis)
        print(f"  /healthz without Redis: {health(port)}")
        form = f"http://127.0.0.1:{port}/it/mailing-list/"
        print(f"  mailing-list page without Redis: {urllib.request.urlopen(form).status}")
    finally:
        subprocess.run(
            [
                "redis-server",
                "--daemonize",
                "yes",
                "--bind",
                "127.0.0.1",
                "-::1",
                "--port",
                "6379",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                "/var/lib/redis",
                "--logfile",
                "/var/log/redis/ci.log",
            ],
            check=False,
        )
        time.sleep(1)  # let Redis open its port before the health check below
        print(f"  /healthz with Redis back: {health(port)}")
        print("  the next 8 s, Redis back:")
        second_by_second(port, script, 8, args.connections, 0, lambda: None)
        stop_server(server)


def health(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("scenario", choices=["soak", "postgres", "redis"])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    {"soak": soak, "postgres": postgres_restart, "redis": redis_gone}[args.scenario](args)


if __name__ == "__main__":
    main()
