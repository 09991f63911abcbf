"""Caches that keep the site up when Redis is not.

Production shares Redis between workers (`REDIS_URL`): rate limits, login throttling and the
page cache must agree across processes. When Redis goes away the site must still answer:

- `default` (rate limits, feeds) falls back to this process's memory, so limits keep
  counting, per process, instead of failing every form;
- `pages` (the anonymous page cache) falls back to *no* cache: a page kept in one process's
  memory could not be invalidated by an edit made through another one.

After a failure Redis is left alone for a few seconds, so an outage costs one refused
connection now and then, not one per cache call.
"""

import logging
import time

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class _SharedClients(RedisCacheClient):
    """Django's Redis client, with one `redis.Redis` per connection pool rather than a new
    one for every call: building one (its table of response callbacks) cost ~0.1 ms of
    CPU a cache call, a third of a `get`. redis-py's clients are safe to share."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class _RedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _SharedClients


class _Fallback(BaseCache):
    """Every call goes to Redis, or to `fallback` while Redis is out of reach."""

    fallback_class = LocMemCache

    def __init__(self, server, params):
        super().__init__(params)
        self.redis = _RedisCache(server, params)
        self.fallback = self.fallback_class(f"fallback-{id(self)}", {})
        self.down_until = 0.0

    def _call(self, method, *args, **kwargs):
        if time.monotonic() >= self.down_until:
            try:
                return getattr(self.redis, method)(*args, **kwargs)
            except RedisError as error:
                self.down_until = time.monotonic() + RETRY_AFTER_SECONDS
                logger.warning("Redis cache unavailable (%s); using %s", error, self.fallback)
        return getattr(self.fallback, method)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")


class RedisOrLocalMemory(_Fallback):
    """Redis, or this process's memory while Redis is down (rate limits keep counting)."""


class RedisOrNothing(_Fallback):
    """Redis, or no cache at all while Redis is down (pages are rendered afresh)."""

    fallback_class = DummyCache
