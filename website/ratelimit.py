"""Limits on what one client may try within a window of time: sign-ups
(subscriptions/ratelimit.py), wrong passwords of a password-protected page
(website/views.py). Attempts are rows of the database, not cache entries, so
every gunicorn worker of every host counts the same ones, with or without
Redis. The window slides: an attempt counts for ``window`` after it was made.
Rows older than the window are deleted whenever one is written, so the table
holds only the last window's attempts."""

from django.utils import timezone
from django.utils.crypto import salted_hmac

from website.middleware import client_ip
from website.models import RateLimitAttempt


def client_key(request, *scope):
    """Who is counted: the client's address (``client_ip``), with ``scope``
    (what it tries, e.g. a restriction's id), as an HMAC, so that the table
    holds no address."""
    value = "|".join([client_ip(request), *(str(part) for part in scope)])
    return salted_hmac("website.ratelimit", value, algorithm="sha256").hexdigest()


def take(action, key, limit, window, *, refusal_restarts_wait=False):
    """Count one attempt at ``action`` by ``key``: the RateLimitAttempt
    recorded, or None when ``limit`` attempts were already made within
    ``window`` (a timedelta); a refused attempt is not recorded. With
    ``refusal_restarts_wait``, a refused attempt moves the ones that count to
    now, so the wait starts again. A caller whose attempt turns out not to
    count (the right password) deletes the row it got."""
    now = timezone.now()
    recent = RateLimitAttempt.objects.filter(action=action, key=key, created_at__gt=now - window)
    if recent.count() < limit:
        RateLimitAttempt.objects.filter(action=action, created_at__lte=now - window).delete()
        attempt = RateLimitAttempt.objects.create(action=action, key=key, created_at=now)
        # Counted again once recorded: of attempts made at the same moment
        # in several workers, none passes beyond the limit.
        if recent.count() <= limit:
            return attempt
        attempt.delete()
    if refusal_restarts_wait:
        recent.update(created_at=now)
    return None
