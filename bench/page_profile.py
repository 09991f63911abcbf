"""Each public page type rendered in-process, page cache off: ms a page and queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal \\
        .venv/bin/python bench/page_profile.py [--repeat 20] [--only "press"] [--profile NAME]

Reads the addresses `bench/fill_large.py` wrote to `bench/.pages.json` and asks each one
through Django's test client (the whole middleware stack, DEBUG off, no HTTP server), so
figures stay comparable on a loaded machine where `wrk` numbers wander. Prints the median and
the best time of `--repeat` requests after one warm-up (which fills the caches that live
until content changes, as in a running server), the queries of a warm request, and the CPU a
request costs this process and PostgreSQL together (what bounds req/s under load: a parallel
query is quick on an idle machine but spends both cores). The last two columns are the first
visit after a content change: CPU and queries with nothing kept (`fragments.forget()`).
`--profile NAME` prints cProfile's top functions for the pages whose name contains NAME.
"""

import argparse
import cProfile
import json
import logging
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
os.environ["DEBUG"] = "0"
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
os.environ["SECURE_SSL_REDIRECT"] = "0"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from torino_portal import fragments  # noqa: E402


def _postgres_cpu_seconds():
    """CPU used so far by every PostgreSQL process of this machine, and by the parallel
    workers that have come and gone (the postmaster's reaped children)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # gone meanwhile
            continue
        name, rest = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :]
        if name.startswith("postgres"):
            fields = rest.split()
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def _recorder(queries):
    def record(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)

    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--only", default="", help="pages whose name contains this")
    parser.add_argument("--profile", default="", help="cProfile the pages matching this")
    parser.add_argument("--extra", action="append", default=[], help="NAME=PATH to add")
    parser.add_argument("--pages", default=str(ROOT / "bench" / ".pages.json"))
    args = parser.parse_args()
    pages = json.loads(Path(args.pages).read_text())
    pages.update(dict(item.split("=", 1) for item in args.extra))
    pages = {"floor (trivial view)": "/bench-floor/", **pages}
    # One line a request on stderr would be measured too.
    logging.getLogger("torino_portal.requests").setLevel(logging.WARNING)
    client = Client()
    print(
        f"{'page':<34} {'median ms':>9} {'best ms':>8} {'CPU ms':>7} {'queries':>7} {'KB':>6} "
        f"{'÷floor':>7} {'cold CPU':>8} {'cold q':>6}"
    )
    floor = None
    for name, path in pages.items():
        if args.only.lower() not in name.lower() and floor is not None:
            continue
        response = client.get(path)  # warm-up
        if response.status_code != 200:
            print(f"{name:<34} answered {response.status_code}")
            continue
        queries = []
        with connection.execute_wrapper(_recorder(queries)):
            response = client.get(path)
        times = []
        cpu_before = time.process_time() + _postgres_cpu_seconds()
        for _ in range(args.repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        cpu = (time.process_time() + _postgres_cpu_seconds() - cpu_before) * 1000 / args.repeat
        # Cold: the first visit after a content change, with nothing kept in this process.
        colds = max(3, args.repeat // 3)
        cold_queries = []
        cold_before = time.process_time() + _postgres_cpu_seconds()
        for number in range(colds):
            fragments.forget()
            with connection.execute_wrapper(_recorder(cold_queries if not number else [])):
                client.get(path)
        cold = (time.process_time() + _postgres_cpu_seconds() - cold_before) * 1000 / colds
        median = statistics.median(times)
        floor = floor or median
        print(
            f"{name:<34} {median:9.1f} {min(times):8.1f} {cpu:7.1f} "
            f"{len(queries):7d} {len(response.content) / 1024:6.0f} {floor / median:7.3f} "
            f"{cold:8.1f} {len(cold_queries):6d}",
            flush=True,
        )
        if args.profile and args.profile.lower() in name.lower():
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                client.get(path)
            profiler.disable()
            stats = pstats.Stats(profiler)
            stats.sort_stats(os.environ.get("SORT", "cumulative")).print_stats(45)
            for sql in queries:
                print(f"  {sql[:300]}")


if __name__ == "__main__":
    main()
