"""Sign-ups per client address: at most SUBSCRIPTIONS_RATE_LIMIT in its
window, counted in the database (website/ratelimit.py) so that every worker
counts the same sign-ups."""

import datetime

from subscriptions import settings as app_settings
from website import ratelimit

ACTION = "subscriptions:signup"


def allow(request):
    """Count this request; False once the address sent as many sign-ups as
    SUBSCRIPTIONS_RATE_LIMIT allows in its window (a refused one is not
    counted)."""
    limit, seconds = app_settings.rate_limit()
    key = ratelimit.client_key(request)
    return ratelimit.take(ACTION, key, limit, datetime.timedelta(seconds=seconds)) is not None
