"""/healthz answers 200 when the database and the cache work, 503 naming the
check that failed otherwise; it sets no cookie, needs no language prefix and
is not redirected to HTTPS. Every response carries a request id, which is
also on the log lines written for the request."""

import logging
from unittest import mock

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections
from django.http import HttpResponse
from django.test import RequestFactory

from website.logging import RequestIDFilter, request_id_var
from website.middleware import RequestIDMiddleware

HOST = "centralasia.localhost"


def test_healthy(client, db):
    response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


def test_healthz_sets_no_cookie_even_for_a_visitor_with_a_session(client, db):
    client.cookies["sessionid"] = "whatever"
    response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 200
    assert not response.cookies


def test_healthz_is_not_redirected_to_https_in_production(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert client.get("/healthz", HTTP_HOST=HOST).status_code == 200
    assert client.get("/en/", HTTP_HOST=HOST).status_code == 301


def test_a_database_failure_is_503(client, db, caplog):
    connection = connections[DEFAULT_DB_ALIAS]
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("could not connect to server")
    ):
        response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "failed": ["database"]}
    assert "could not connect" not in response.content.decode()
    assert "Health check failed: database" in caplog.text


def test_a_cache_that_does_not_answer_is_503(client, db):
    with mock.patch("website.health.cache") as cache:
        cache.set.side_effect = ConnectionError("Connection refused")
        response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "failed": ["cache"]}


def test_a_cache_that_forgets_is_503(client, db):
    with mock.patch("website.health.cache") as cache:
        cache.get.return_value = None
        response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]


def test_both_failures_are_named(client, db):
    connection = connections[DEFAULT_DB_ALIAS]
    with (
        mock.patch.object(connection, "cursor", side_effect=OperationalError("down")),
        mock.patch("website.health.cache") as cache,
    ):
        cache.get.return_value = None
        response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 503
    assert response.json()["failed"] == ["database", "cache"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_only_answers_get_and_head(client, db, method):
    assert getattr(client, method)("/healthz", HTTP_HOST=HOST).status_code == 405


# --- Request ids ------------------------------------------------------------------


def test_a_request_id_is_generated_and_returned(client, db):
    first = client.get("/healthz", HTTP_HOST=HOST)["X-Request-ID"]
    second = client.get("/healthz", HTTP_HOST=HOST)["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_the_proxy_request_id_is_kept(client, db):
    response = client.get("/healthz", HTTP_HOST=HOST, HTTP_X_REQUEST_ID="lb-7f3a.42")
    assert response["X-Request-ID"] == "lb-7f3a.42"


@pytest.mark.parametrize(
    "incoming", ["", "x" * 200, "a b", "id\nSet-Cookie: x=1", "<script>", "\x00"]
)
def test_an_unusable_request_id_is_replaced(incoming):
    request = RequestFactory().get("/", HTTP_X_REQUEST_ID=incoming)
    response = RequestIDMiddleware(lambda request: HttpResponse())(request)
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_log_lines_of_a_request_carry_its_id(client, db, caplog):
    caplog.handler.addFilter(RequestIDFilter())
    connection = connections[DEFAULT_DB_ALIAS]
    with (
        caplog.at_level(logging.ERROR, logger="website.health"),
        mock.patch.object(connection, "cursor", side_effect=OperationalError("down")),
    ):
        client.get("/healthz", HTTP_HOST=HOST, HTTP_X_REQUEST_ID="req-123")
    [record] = [r for r in caplog.records if r.name == "website.health"]
    assert record.request_id == "req-123"
    # Outside a request, the id is a dash.
    assert request_id_var.get() == "-"
