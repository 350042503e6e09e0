"""``/healthz``: is this process able to serve? For load balancers and
monitoring.

200 ``{"status": "ok"}`` when the database answers a trivial query, the
cache returns what was just written to it and, with media on object storage,
the bucket answers; 503 with the checks that failed (``database``, ``cache``,
``storage``) otherwise. The view reads no session and sets no cookie, and it is outside
``i18n_patterns`` and exempt from the HTTPS redirect (``SECURE_REDIRECT_EXEMPT``),
so a plain-HTTP probe from inside the network gets a plain answer.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if row is None or row[0] != 1:
        raise RuntimeError(f"SELECT 1 returned {row!r}")


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        read = cache.get(key)
    finally:
        cache.delete(key)
    if read != value:
        raise RuntimeError("the cache did not return the value just written")


def check_storage():
    """With media on object storage: the bucket answers."""
    from website.storage import object_storage

    storage = object_storage()
    if storage is not None:
        storage.check()


@never_cache
@require_safe
def healthz(request):
    failed = []
    checks = (("database", check_database), ("cache", check_cache), ("storage", check_storage))
    for name, check in checks:
        try:
            check()
        except Exception:  # any failure is an unhealthy answer
            # The details go to the log, not to whoever asked.
            logger.exception("Health check failed: %s", name)
            failed.append(name)
    if failed:
        return JsonResponse({"status": "error", "failed": failed}, status=503)
    return JsonResponse({"status": "ok"})
