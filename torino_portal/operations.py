"""What operators rely on: the health check, one log line per request, and a 503 page
while the database is out of reach."""

import json
import logging
import sys
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.cache import never_cache

request_logger = logging.getLogger("torino_portal.requests")
logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 when the database (and Redis, when configured) answer; 503 otherwise.

    For load balancers and uptime checks: it reads nothing of the content and says only
    which dependency is down."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_answers()
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable"}
        | {name: "ok" if ok else "down" for name, ok in checks.items()},
        status=200 if healthy else 503,
    )


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        # Drop the broken connection so the next request reconnects.
        connection.close_if_unusable_or_obsolete()
        return False


def _redis_answers():
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        client = Redis.from_url(settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
        return bool(client.ping())
    except RedisError:
        return False


def server_error(request):
    """The 500 handler: a 503 page in the site's layout, with `Retry-After`, when the
    database is out of reach (PostgreSQL restarting), wherever it was found out — a view or
    the session and authentication middleware; the next request reconnects by itself."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        logger.warning("Database unavailable: %s", sys.exception())
        connection.close_if_unusable_or_obsolete()
        # Rendered without the request, like the 500 page: nothing in it reads the database.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "10"
        return response
    return defaults.server_error(request)


class RequestLogMiddleware:
    """One structured line per request: the visitor's address (behind TRUSTED_PROXIES),
    method, path, status, duration, page-cache hit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        request_logger.info(
            "request",
            extra={
                "client": getattr(request, "client_ip", request.META.get("REMOTE_ADDR")),
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "page_cache": response.get("X-Page-Cache", ""),
            },
        )
        return response


class JsonFormatter(logging.Formatter):
    """Log records as JSON lines on stdout, for whatever collects the servers' logs."""

    FIELDS = ("client", "method", "path", "status", "duration_ms", "page_cache")

    def format(self, record):
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line |= {name: getattr(record, name) for name in self.FIELDS if hasattr(record, name)}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
