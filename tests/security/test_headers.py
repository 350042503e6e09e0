"""Security headers: a strict Content-Security-Policy on the public sites, a
looser one (inline scripts and styles, nothing else) for the Wagtail admin,
Permissions-Policy, and with production settings HSTS, secure cookies and the
HTTPS redirect."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from website.middleware import ContentSecurityPolicyMiddleware

BASE_DIR = Path(__file__).resolve().parents[2]
HOST = "centralasia.localhost"


def directives(header):
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def test_public_responses_get_the_strict_policy(client, db):
    response = client.get("/healthz", HTTP_HOST=HOST)
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_admin_gets_inline_scripts_and_styles_but_no_eval(client, db):
    response = client.get("/admin/login/", HTTP_HOST=HOST)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert not any(value.startswith("'nonce-") for value in policy["script-src"])


def test_an_inline_script_runs_with_the_request_nonce():
    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">go()</script>')

    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/en/"))
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in directives(response["Content-Security-Policy"])["script-src"]


def test_no_nonce_is_sent_when_no_template_asks_for_one():
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(
        RequestFactory().get("/en/")
    )
    assert "nonce" not in response["Content-Security-Policy"]


def test_the_admin_policy_never_carries_a_nonce():
    # A nonce would make browsers ignore 'unsafe-inline', which the admin needs.
    def view(request):
        return HttpResponse(str(request.csp_nonce))

    response = ContentSecurityPolicyMiddleware(view)(RequestFactory().get("/admin/pages/"))
    assert "nonce" not in response["Content-Security-Policy"]


def test_the_server_error_page_may_use_its_inline_styles_and_nothing_else():
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse(status=500))(
        RequestFactory().get("/en/news/")
    )
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]


def test_other_security_headers(client, db):
    response = client.get("/healthz", HTTP_HOST=HOST)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


# --- Production settings, in a process of their own ---------------------------------

PRODUCTION_PROBE = """
import json, logging
import django
from django.conf import settings
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client()
host = "centralasia.example.org"
plain = client.get("/healthz", HTTP_HOST=host, HTTP_X_REQUEST_ID="probe-1")
page = client.get("/en/", HTTP_HOST=host)
secure = client.get("/healthz", HTTP_HOST=host, secure=True)
print(json.dumps({
    "healthz_status": plain.status_code,
    "healthz_request_id": plain.get("X-Request-ID"),
    "page_status": page.status_code,
    "page_location": page.get("Location"),
    "hsts": secure.get("Strict-Transport-Security"),
    "csp": secure.get("Content-Security-Policy"),
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "session_cookie_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "x_frame_options": settings.X_FRAME_OPTIONS,
}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Runs the probe above with production settings and a database that
    cannot be opened, so /healthz fails and logs."""
    missing = tmp_path_factory.mktemp("production") / "missing" / "db.sqlite3"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "REDIS_URL", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=".example.org",
        DATABASE_URL=f"sqlite:///{missing}",
        LOG_LEVEL="INFO",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]), "\n".join(lines[:-1])


def test_production_redirects_pages_to_https_but_not_healthz(production):
    probe, _ = production
    assert probe["page_status"] == 301
    assert probe["page_location"] == "https://centralasia.example.org/en/"
    # Not redirected; 503 because this probe's database cannot be opened.
    assert probe["healthz_status"] == 503


def test_production_sends_hsts_and_secure_cookies(production):
    probe, _ = production
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert probe["session_cookie_secure"] is True
    assert probe["session_cookie_httponly"] is True
    assert probe["csrf_cookie_secure"] is True
    assert probe["x_frame_options"] == "SAMEORIGIN"
    assert "'unsafe-inline'" not in directives(probe["csp"])["script-src"]


def test_production_logs_to_stdout_with_the_request_id(production):
    probe, log = production
    assert probe["healthz_request_id"] == "probe-1"
    error_lines = [line for line in log.splitlines() if " ERROR " in line]
    assert error_lines, log
    # The health check's own line and Django's line about the 503, both with
    # the id of the request (the probe's second request has an id of its own).
    probe_lines = [line for line in error_lines if "[probe-1]" in line]
    assert any("Health check failed: database" in line for line in probe_lines)
    assert any("django.request Service Unavailable: /healthz" in line for line in probe_lines)
    assert not [line for line in error_lines if "[-]" in line]
