"""A fixed-window counter of sign-ups per client address, in the cache."""

import hashlib
import time

from django.core.cache import cache

from subscriptions import settings as app_settings
from website.middleware import client_ip


def allow(request):
    """Count this request; False once the address sent more sign-ups than
    SUBSCRIPTIONS_RATE_LIMIT allows in its window."""
    limit, seconds = app_settings.rate_limit()
    window = int(time.time() // seconds)
    address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    key = f"subscriptions:signup:{address}:{window}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= limit
