"""Work done after a search has been answered: counting the popular queries.

Each process counts the queries it answers (``QueryCounter``) and writes
them in one task per ``SEARCH_QUERY_FLUSH_SECONDS`` (10 by default; 0 writes
each search at once, as the tests do) or per ``MAX_PENDING_QUERIES`` different
queries, whichever comes first, and when it exits. A busy search then costs the
database one small task every few seconds, not one per visitor; a process
killed without warning loses at most those seconds of counts.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

logger = logging.getLogger(__name__)

DEFAULT_FLUSH_SECONDS = 10
MAX_PENDING_QUERIES = 200


def add_hits(query_string, hits, date=None):
    """Count ``hits`` searches for ``query_string`` on ``date`` (today), as
    Query.add_hit does one at a time."""
    query = Query.get(query_string)
    daily, _created = QueryDailyHits.objects.get_or_create(
        query=query, date=date or timezone.now().date()
    )
    daily.hits = F("hits") + hits
    daily.save(update_fields=["hits"])


@task()
def record_search_queries(counts):
    """Count the searches of ``counts`` ({query: how many}) today (the editors'
    "Popular search terms" report and the promoted results' statistics)."""
    for query_string, hits in counts.items():
        if query_string and hits > 0:
            add_hits(query_string, hits)


def flush_seconds():
    return getattr(settings, "SEARCH_QUERY_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS)


class QueryCounter:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = time.monotonic()

    def add(self, query_string):
        with self.lock:
            self.counts[query_string] += 1
            due = (
                time.monotonic() - self.since >= flush_seconds()
                or len(self.counts) >= MAX_PENDING_QUERIES
            )
            counts = self._take() if due else None
        if counts:
            record_search_queries.enqueue(counts)

    def flush(self):
        with self.lock:
            counts = self._take()
        if counts:
            record_search_queries.enqueue(counts)

    def _take(self):
        counts, self.counts, self.since = dict(self.counts), Counter(), time.monotonic()
        return counts


counter = QueryCounter()


@atexit.register
def _flush_at_exit():
    try:
        counter.flush()
    except Exception:  # the database may be gone already
        logger.exception("The last search counts could not be written")
