"""What many pages show and only a content change alters, built once per process and reused.

The footer's form, the header's links and search field, a plan's page tree (2,000 pages in
the large data set) cost more to build than the rest of most pages. `kept(name, build, *key)`
returns build()'s value and keeps it in this process's memory, under the name, the key, the
active language and today's date, for as long as:

- the *content generation* of the page cache (`torino_portal.page_cache`) stays the same:
  every save or delete of content, and every staff POST in the admin, moves it, in every
  worker that shares the cache;
- the next scheduled item of the `models` it shows has not gone live (the page cache's rule,
  asked of those models only: one query each when the value is built).

When the shared cache is out of reach there is no generation to trust, and nothing is kept
beyond the request that built it.
Only what is the same for every anonymous visitor may be kept: callers keep nothing for
signed-in staff (who may preview drafts). Memory is bounded: the least recently used values
go first.
"""

import time
from collections import OrderedDict

from django.db import DatabaseError
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from . import page_cache

MAX_ENTRIES = 4000
MAX_SECONDS = 3600

# `models=ALL_CONTENT`: the value may show rows of any content model (a meeting is public
# only while its commission and plan are): it ends when any scheduled item goes live.
ALL_CONTENT = "all content"

_kept = OrderedDict()  # key -> (generation, expires at (time.time()), value)


def kept(name, build, *key, models=()):
    """build()'s value, kept as the module's docstring says; `models`: the Publishable
    models whose rows it shows (a scheduled one going live ends the value's life), or
    ALL_CONTENT."""
    generation = page_cache._generation()
    full_key = (name, translation.get_language(), timezone.localdate(), *key)
    if generation is None:  # the shared cache is down: no way to know of a change
        return _for_this_request(full_key, build)
    now = time.time()
    entry = _kept.get(full_key)
    if entry is not None and entry[0] == generation and entry[1] > now:
        _kept.move_to_end(full_key)
        return entry[2]
    value = build()
    expires = now + MAX_SECONDS
    try:
        if models == ALL_CONTENT:
            upcoming = page_cache._next_publication(generation)
            expires = min(expires, upcoming.timestamp()) if upcoming else expires
            models = ()
        for model in models:
            upcoming = _next_publication(model)
            if upcoming is not None:
                expires = min(expires, upcoming.timestamp())
    except DatabaseError:  # the error page while the database is away: keep nothing
        return value
    _kept[full_key] = (generation, expires, value)
    while len(_kept) > MAX_ENTRIES:
        _kept.popitem(last=False)
    return value


def _for_this_request(full_key, build):
    """build()'s value kept for the rest of this request only (a page may ask for the same
    value many times: the sitemap index once a section); without a request, built each time."""
    memo = page_cache._request_memo.get()
    if memo is None:
        return build()
    values = memo.setdefault("kept", {})
    if full_key not in values:
        values[full_key] = build()
    return values[full_key]


def _next_publication(model):
    """When `model`'s next scheduled row goes live (None: none is scheduled)."""
    now = timezone.now()
    return (
        model._default_manager.filter(published_at__gt=now)
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )


def forget():
    """Drop everything kept in this process (tests)."""
    _kept.clear()


def kept_html(request, name, render, *key, models=()):
    """kept() for rendered HTML that may hold a form: the stored copy has a placeholder for
    the CSRF token, and each visitor gets a token of their own (and its cookie)."""

    if request is None:  # an error page rendered without a request has no token to give
        return render()

    def build():
        return page_cache._TOKEN_FIELD.sub(
            rf"\g<1>{page_cache.TOKEN_PLACEHOLDER}\g<3>", str(render())
        )

    html = kept(name, build, *key, models=models)
    if page_cache.TOKEN_PLACEHOLDER in html and request is not None:
        html = html.replace(page_cache.TOKEN_PLACEHOLDER, get_token(request))
    return html
