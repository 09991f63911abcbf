"""Every public page type under load, as a share of Django's own floor (`make bench`).

    .venv/bin/python bench/site_load.py [--no-fill] [--scale 1] [--seconds 5] [--rounds 3]
                                        [--connections 16] [--workers 4]

1. Empties and fills the PostgreSQL database `bench_portal` (bench/fill_large.py).
2. Starts gunicorn on 127.0.0.1 with production settings (DEBUG off, Redis, persistent
   connections), once with the page cache off and once with it on.
3. Drives each page with `wrk` (Debian package) from a second process, in interleaved rounds
   (every page once per round, so a slow minute of the machine hurts all pages alike), next
   to a view that does nothing behind the same middleware (the floor) and a static file.
4. Prints req/s, p50 and p99 latency and the ratios to the floor and to the static file, for
   both runs, and which page types miss issue 13's targets.

Add `--only NAME` to measure the pages whose name holds NAME (with the floor and the file).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "bench_portal"
LOG = ROOT / "bench" / ".gunicorn.log"
TARGETS = {
    "cache off": {"ratio": 0.10},
    "cache on": {"ratio": 0.50, "p99": 50},
}  # the servers' own log, for when a page fails


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(page_cache_seconds):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": "redis://127.0.0.1:6379/12",
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",  # wrk and the scripts speak plain HTTP on loopback
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def fill(scale):
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-q",
            "-c",
            f"DROP DATABASE IF EXISTS {DATABASE}",
            "-c",
            f"CREATE DATABASE {DATABASE}",
        ],
        check=True,
    )
    env = environment(0)
    subprocess.run(
        [PYTHON, "bench/fill_large.py", "--scale", str(scale)], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def start_server(port, workers, page_cache_seconds):
    env = environment(page_cache_seconds) | {"WEB_CONCURRENCY": str(workers), "PORT": str(port)}
    server = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=LOG.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    os.killpg(server.pid, signal.SIGTERM)
    sys.exit(f"gunicorn did not answer /healthz: see {LOG}")


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        sys.exit(f"wrk printed a latency this script cannot read: {text!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(url, seconds, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Latency Distribution" not in output:
        sys.exit(f"wrk measured nothing at {url}:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (to_ms(re.search(rf"^\s+{p}%\s+(\S+)\s*$", output, re.M).group(1)) for p in (50, 99))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


def static_address(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/it/") as answer:
        html = answer.read().decode()
    return re.search(r'href="(/static/css/site\.[^"]+\.css)"', html).group(1)


def measure(pages, args, page_cache_seconds):
    port = free_port()
    server = start_server(port, args.workers, page_cache_seconds)
    try:
        targets = {
            "floor (trivial view)": "/bench-floor/",
            "static file": static_address(port),
            **pages,
        }
        for name, path in targets.items():  # every page answers, and each worker is warm
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
            except urllib.error.HTTPError as error:
                sys.exit(f"{name} ({path}) answered {error.code}: see {LOG}")
        runs = {name: [] for name in targets}
        for round_number in range(args.rounds):
            for name, path in targets.items():
                runs[name].append(
                    wrk(f"http://127.0.0.1:{port}{path}", args.seconds, args.connections)
                )
            print(f"  round {round_number + 1}/{args.rounds} done", flush=True)
    finally:
        stop_server(server)
    return {
        name: (
            statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results),
            statistics.median(r[2] for r in results),
            sum(r[3] for r in results),
        )
        for name, results in runs.items()
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-fill", action="store_true", help="keep the database as it is")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", default="", help="the pages whose name holds this")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if not args.no_fill:
        print("Filling PostgreSQL…", flush=True)
        fill(args.scale)
    pages = json.loads((ROOT / "bench" / ".pages.json").read_text())
    pages = {name: path for name, path in pages.items() if args.only.lower() in name.lower()}
    results = {}
    for label, seconds in (("cache off", 0), ("cache on", 300)):
        print(f"Measuring with the page cache {label.split()[-1]}…", flush=True)
        results[label] = measure(pages, args, seconds)
    print(
        f"\nwrk -t2 -c{args.connections}, {args.seconds} s × {args.rounds} rounds, "
        f"{args.workers} gunicorn workers, medians"
    )
    header = (
        f"{'page':<28}"
        + "".join(f"| {label:^44}" for label in results)
        + "\n"
        + " " * 28
        + "| req/s    p50 ms   p99 ms  ÷floor ÷static " * 2
    )
    print(header)
    missed = []
    for name in results["cache off"]:
        cells = []
        for label in results:
            rate, p50, p99, errors = results[label][name]
            floor = results[label]["floor (trivial view)"][0]
            static = results[label]["static file"][0]
            flag = f" ({errors} errors)" if errors else ""
            cells.append(
                f"| {rate:7.0f} {p50:8.1f} {p99:8.1f} "
                f"{rate / floor:6.3f} {rate / static:7.3f}{flag} "
            )
            target = TARGETS[label]
            if name not in ("floor (trivial view)", "static file") and (
                rate / floor < target["ratio"] or p99 >= target.get("p99", float("inf"))
            ):
                missed.append(
                    f"{name} ({label}: {rate / floor:.3f} of the floor, p99 {p99:.0f} ms)"
                )
        print(f"{name:<28}" + "".join(cells))
    print(
        "\nIssue 13's targets: ≥ 0.10 of the floor with the page cache off; "
        "≥ 0.50 and p99 < 50 ms with it on."
    )
    print("Missed: " + "; ".join(missed) if missed else "Every page type meets them.")


if __name__ == "__main__":
    main()
