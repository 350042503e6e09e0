"""Fixtures of the performance tests: ``site_tree`` grown with generated
stories (demo/bulk.py), the page cache switched on, and query counting
that tells our queries (the page's ``get_context`` and template) from
Wagtail's (finding the site, routing, checking view restrictions)."""

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo import bulk
from website.cache import bump_generation

# Any query parameter the page cache does not know keeps a request out of it:
# the page is rendered, as right after a publish (website/cache.py).
BYPASS = "_render"
# Pictures shared by the generated stories of a test: few, as they are drawn.
POOL_SIZE = 3


@pytest.fixture
def grow(site_tree):
    """``grow(n)``: make sure there are ``n`` generated stories on the sites of
    ``site_tree`` (shared, translated into Russian, with topics and pictures)."""

    def make(count):
        return bulk.generate(count, pool_size=POOL_SIZE)

    return make


def host_and_path(page):
    _site_id, root_url, path = page.get_url_parts()
    return urlsplit(root_url).hostname, path


def anonymous_get(client):
    """``get(page_or_host, path=None, **query)``: an anonymous GET of a page
    (on its site's host) or of a path on a host."""

    def fetch(page_or_host, path=None, client=client, **query):
        if path is None:
            host, path = host_and_path(page_or_host)
        else:
            host = page_or_host
        return client.get(path, query, HTTP_HOST=host)

    return fetch


class QueryCount:
    """The queries of one request: ``total``, and ``ours``, those made while
    the page's ``serve()`` ran and its template rendered."""

    def __init__(self, total, ours):
        self.total = total
        self.ours = ours

    def __repr__(self):
        return f"<{self.total} queries, {self.ours} of the page's own>"


@pytest.fixture
def count_queries(client, monkeypatch):
    """``count_queries(host, path, **query)``: request the page twice (the first
    request makes the renditions of its pictures, as a page's first visitor
    does), then count the queries of a third request, kept out of the page
    cache."""
    import wagtail.views

    ours = []
    serve_chain = wagtail.views.serve_chain

    def counting_serve_chain(page, request, args, kwargs):
        start = len(connection.queries)
        response = serve_chain(page, request, args, kwargs)
        if hasattr(response, "render"):
            response.render()
        ours.append(len(connection.queries) - start)
        return response

    monkeypatch.setattr(wagtail.views, "serve_chain", counting_serve_chain)

    def count(host, path, cold=False, **query):
        """With ``cold``, the generation is bumped before the counted request,
        as a publish does."""
        query = {**query, BYPASS: "1"}
        for _ in range(2):
            response = client.get(path, query, HTTP_HOST=host)
            assert response.status_code == 200, (path, query, response.status_code)
        if cold:
            bump_generation()
        ours.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, query, HTTP_HOST=host)
        assert response.status_code == 200
        return QueryCount(len(queries), ours[0] if ours else len(queries))

    return count
