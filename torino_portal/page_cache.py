"""The anonymous page cache: whole public pages, kept until content changes.

What makes it correct, and where each rule lives:

- A page is cached only for visitors: never for a signed-in user (staff see drafts and
  previews), never when a message waits to be shown, never for a POST, never for the admin.
- Every stored copy carries the *content generation* it was rendered in: any save or delete
  of a content model (signals, connected in `TorinoPortalConfig.ready`) and any staff POST
  in the admin (bulk actions use `QuerySet.update()`, which sends no signal) move to a new
  generation, so an edit shows at once on every page, in every worker that shares the
  cache (a copy of an older generation is rendered again and replaced). The generation and
  the copy are read in one round trip.
- Every key holds today's date (the date line) and the language.
- An entry lives at most `PAGE_CACHE_SECONDS`, and never past the moment the next scheduled
  item goes live, so a scheduled publication appears on time.
- Forms keep working: the CSRF token is taken out of the stored page and a token of the
  visitor's own is put back in when the page is served (`CsrfViewMiddleware`, outside this
  one, then sets the visitor's cookie).
"""

import contextvars
import hashlib
import re
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from .publishing import Publishable

GENERATION_KEY = "pages:generation"
TOKEN_PLACEHOLDER = "__csrf_token_placeholder__"
_TOKEN_FIELD = re.compile(r'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]+)(")')
# Headers the outer middleware (security, CSRF, locale) sets again on every response.
_NOT_STORED = {"set-cookie", "vary", "content-length", "date", "expires", "cache-control"}
_MAX_PATH = 300
# The query parameters public pages read. A page asked with any other is rendered but not
# kept, so made-up parameters cannot fill the cache with copies of one page.
KNOWN_PARAMETERS = {"page", "p", "q", "section", "kind", "year", "month", "source", "series"}


# The generation read once per request: the page and each kept fragment of it ask for it,
# and with Redis every ask is a round trip. Set by the middleware for a request's duration.
_request_memo = contextvars.ContextVar("page_cache_request_memo", default=None)


def _cache():
    return caches["pages"]


def content_changed(**kwargs):
    """Move to a new generation: every cached page is out of date."""
    memo = _request_memo.get()
    if memo is not None:  # this request changed content: it must not see the old generation
        memo.clear()
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or evicted: start from the clock, never reuse
        cache.set(GENERATION_KEY, time.time_ns(), None)


def _generation():
    memo = _request_memo.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    cache = _cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), None)
        generation = cache.get(GENERATION_KEY)
    if memo is not None:
        memo["generation"] = generation
    return generation


def _next_publication(generation):
    """When the next scheduled item goes live (None: nothing scheduled), per generation."""
    cache = _cache()
    key = f"pages:next:{generation}"
    cached = cache.get(key)
    now = timezone.now()
    if cached is not None and (cached == "none" or cached > now):
        return None if cached == "none" else cached
    # One query for every content model: scheduled rows are few, so all their dates are read.
    scheduled = [
        model._default_manager.filter(published_at__gt=now).order_by().values_list("published_at")
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.parents
    ]
    upcoming = [when for (when,) in scheduled[0].union(*scheduled[1:], all=True)]
    value = min(upcoming) if upcoming else None
    # Right for the whole generation (a newly scheduled item is a save: a new generation);
    # kept fragments ask it with the page cache off too.
    cache.set(key, value or "none", 3600)
    return value


def _cacheable_request(request):
    if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(("/admin/", "/healthz")) or len(request.get_full_path()) > _MAX_PATH:
        return False
    if not KNOWN_PARAMETERS.issuperset(request.GET):
        return False
    if request.user.is_authenticated:
        return False
    storage = getattr(request, "_messages", None)
    return not (storage is not None and len(storage))


def _cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def _key(request):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    host = request.get_host()
    return (
        f"pages:{timezone.localdate():%Y%m%d}:{translation.get_language()}:"
        f"{host}:{request.method}:{path}"
    )


class AnonymousPageCacheMiddleware:
    """Serve visitors a stored copy of a public page; see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = _request_memo.set({})
        try:
            return self._serve(request)
        finally:
            _request_memo.reset(memo)

    def _serve(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            if request.method == "POST" and request.path.startswith("/admin/"):
                content_changed()  # admin actions may update() rows without signals
            return response
        # One round trip for the generation and the stored copy: a copy kept under an
        # older generation is out of date, and is replaced by this render.
        key = _key(request)
        found = _cache().get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            generation = _generation()
        else:
            _request_memo.get()["generation"] = generation
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return self._rebuild(request, stored[1:])
        response = self.get_response(request)
        if _cacheable_response(response) and not _messages_added(request):
            self._store(key, generation, response)
            response["X-Page-Cache"] = "miss"
        return response

    def _store(self, key, generation, response):
        body = _TOKEN_FIELD.sub(rf"\g<1>{TOKEN_PLACEHOLDER}\g<3>", response.content.decode())
        headers = {k: v for k, v in response.items() if k.lower() not in _NOT_STORED}
        timeout = settings.PAGE_CACHE_SECONDS
        next_publication = _next_publication(generation)
        if next_publication is not None:
            seconds = (next_publication - timezone.now()).total_seconds()
            timeout = max(1, min(timeout, int(seconds)))
        _cache().set(key, (generation, body, headers), timeout)

    def _rebuild(self, request, stored):
        body, headers = stored
        if TOKEN_PLACEHOLDER in body:
            body = body.replace(TOKEN_PLACEHOLDER, get_token(request))
        response = HttpResponse(body)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def _messages_added(request):
    storage = getattr(request, "_messages", None)
    return storage is not None and bool(getattr(storage, "_queued_messages", None))
