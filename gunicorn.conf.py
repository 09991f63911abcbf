"""gunicorn's settings for `make serve` and production (`gunicorn -c gunicorn.conf.py`).

Every value can be set from the environment; the defaults suit one machine."""

import multiprocessing
import os

wsgi_app = "torino_portal.wsgi:application"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# The usual rule for synchronous workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# A worker is replaced after this many requests, so no slow leak can grow for ever. Not
# often: a new worker imports Django and warms its caches while the others serve, which
# showed as p99 spikes (150 ms against 23 ms for a cached page under wrk at 5,000); what a
# worker keeps in memory is bounded (torino_portal/fragments.py, the lru_caches), and
# bench/resilience.py's soak prints each worker's memory.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The portal logs each request itself (JSON, with its duration): no second access log.
accesslog = None
errorlog = "-"
# Only the proxies in front may say which address and scheme the visitor used; the portal
# reads X-Forwarded-For itself (TRUSTED_PROXIES), gunicorn need not rewrite anything.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
