"""The shared cache (Redis) as a cache that may fail: while Redis does not
answer, reads are misses and writes are dropped, so pages render uncached
instead of failing with a 500. Settings: ``REDIS_URL``.

After a failure the cache is not asked again for ``RETRY_SECONDS`` (in this
process), so a Redis that is down, or unreachable until a timeout, costs one
failed call per few seconds rather than several per request. ``incr`` and
``decr`` still raise (the page cache's generation bump logs it); /healthz
writes then reads a value, so it reports the cache as failed.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5


# Until when each Redis (by its addresses) is taken as down, in this process.
_down_until = {}


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one ``redis.Redis`` per connection pool
    rather than a new one for every call: making one fills its table of
    response callbacks, which measured 0.2 ms of the 0.56 ms a page answered
    from the page cache took (a ``redis.Redis`` is safe to share: each
    command takes a connection from the pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _call(self, method, default, *args, **kwargs):
        servers = tuple(self._servers)
        if time.monotonic() < _down_until.get(servers, 0.0):
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except Exception as error:
            if not _is_connection_error(error):
                raise
            _down_until[servers] = time.monotonic() + RETRY_SECONDS
            logger.warning("The cache does not answer (%s); going on without it", error)
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=None, version=None, **kwargs):
        if timeout is None:
            return self._call("set", None, key, value, version=version)
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None, **kwargs):
        if timeout is None:
            return self._call("set_many", list(data), data, version=version)
        return self._call("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=None, version=None, **kwargs):
        if timeout is None:
            return self._call("add", False, key, value, version=version)
        return self._call("add", False, key, value, timeout, version)

    def touch(self, key, timeout=None, version=None, **kwargs):
        if timeout is None:
            return self._call("touch", False, key, version=version)
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)


def _is_connection_error(error):
    import redis

    return isinstance(error, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError))
