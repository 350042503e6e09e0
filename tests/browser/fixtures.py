"""Chromium and the server that the browser tests visit.

Browser tests need Playwright for Python and Debian's Chromium
(``/usr/bin/chromium``, or ``BROWSER_CHROMIUM``); Playwright never downloads
a browser of its own here. Without them, or with ``BROWSER_TESTS=off``, every
test marked ``browser`` is skipped with the reason in pytest's summary.

The tests of ``tests/browser/`` visit a whole newsroom: the demo content, the
demo team and a Russian translator (``tests/browser/prepare_server.py``).

- With ``BROWSER_BASE_URL`` set (e.g. ``http://localhost:8000``), they visit
  that running server: its scheme and port, with the sites' hostnames
  ``<slug>.<SITE_DOMAIN>`` (centralasia.localhost, kyrgyzstan.localhost, …).
  The server's database must have been prepared with
  ``python -m tests.browser.prepare_server`` and the same
  ``DEMO_TEAM_PASSWORD`` the tests are given. CI does this with ``make serve``
  on PostgreSQL.
- Without it, they start their own: a new SQLite database and media folder in
  pytest's temporary folder, prepared the same way, served by ``manage.py
  runserver`` with DEBUG off on a free port (once per test session; the
  browser tests all run on one pytest-xdist worker, tests/scheduling.py), with
  the picture encodings of the run (``tests.browser.serve``).

Screenshots go to ``artifacts/screenshots/`` (``BROWSER_SCREENSHOTS``).
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from website.structure import REGIONAL

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("BROWSER_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
SCREENSHOTS_DIR = Path(
    os.environ.get("BROWSER_SCREENSHOTS") or PROJECT_DIR / "artifacts" / "screenshots"
)
SERVER_START_SECONDS = 60
# Playwright waits this long (ms) for an element or a navigation; a loaded
# 2-core machine running the whole suite is slower than a laptop.
DEFAULT_TIMEOUT_MS = 15_000


def browser_unavailable():
    """Why the browser tests cannot run here, or None when they can."""
    if os.environ.get("BROWSER_TESTS", "").strip().lower() in {"0", "off", "no", "false"}:
        return "browser tests switched off (BROWSER_TESTS=off)"
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return (
            "Playwright or axe-playwright-python is missing (pip install -r requirements-dev.txt)"
        )
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"Chromium is missing ({CHROMIUM}): apt-get install chromium to run browser tests"
    return None


def skip_without_browser():
    reason = browser_unavailable()
    if reason:
        pytest.skip(f"Browser tests skipped: {reason}.")


def launch_chromium(playwright):
    from playwright.sync_api import expect

    expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@pytest.fixture(scope="module")
def chromium():
    """Chromium for a module of tests that only talk to a server over HTTP.

    Playwright's sync API keeps an event loop in this thread while it runs, so
    Django refuses database calls in the meantime: tests that use the database
    themselves take ``browser`` instead."""
    skip_without_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def browser(monkeypatch):
    """Chromium for one test that also writes to the test database (with
    ``live_server``). Request it after the fixtures that write: code that runs
    inside Playwright's context gets a database connection of its own, which
    the test's clean-up would not close."""
    skip_without_browser()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's
    # database calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@dataclass(frozen=True)
class Newsroom:
    """The server under test: builds addresses on its sites."""

    scheme: str
    port: int
    domain: str
    password: str  # of the demo team and the translator

    def origin(self, slug):
        """``http://kyrgyzstan.localhost:8123`` for the site with this slug."""
        default_port = {"http": 80, "https": 443}[self.scheme]
        port = "" if self.port == default_port else f":{self.port}"
        return f"{self.scheme}://{slug}.{self.domain}{port}"

    def url(self, slug, path="/en/"):
        return self.origin(slug) + path


REGIONAL_SLUG = REGIONAL.slug


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(port, process, log_path):
    """Until the regional home page answers on 127.0.0.1:port."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/en/",
        headers={"Host": f"{REGIONAL_SLUG}.{settings.SITE_DOMAIN}:{port}"},
    )
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"The test server answered {error.code}; log: {log_path}") from error
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"The test server did not start; log: {log_path}")


def _start_server(tmp_dir, password):
    """A prepared SQLite newsroom served by runserver; returns the port, the
    server's process and its open log file."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        # Immediate write transactions and a long busy timeout: the admin's
        # autosave and the form's own submit write at the same moment.
        "DATABASE_URL": f"sqlite:///{tmp_dir / 'db.sqlite3'}?transaction_mode=IMMEDIATE&timeout=20",
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "SITE_PORT": str(port),
        "DEMO_TEAM_PASSWORD": password,
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "",
        "OPENSEARCH_URL": "",
        "PAGE_CACHE_SECONDS": "0",
        "DEBUG": "true",  # create_demo_team runs only in development
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    log_path = tmp_dir / "server.log"
    with open(log_path, "w") as log:
        subprocess.run(
            [sys.executable, "-m", "tests.browser.prepare_server"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
        )
    # Served with DEBUG off: visitors see the site's own 404 page, as in production.
    # (tests.browser.serve: manage.py, with the run's picture encodings.)
    env.update(DEBUG="false", SERVE_MEDIA="true")
    log = open(log_path, "a")  # noqa: SIM115 - open while the server runs
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.browser.serve",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--insecure",  # static files from the apps, without collectstatic
        ],
        cwd=PROJECT_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_serving(port, process, log_path)
    except Exception:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        raise
    return port, process, log


@pytest.fixture(scope="session")
def newsroom(tmp_path_factory):
    """The newsroom server the browser tests visit (see the module's docstring)."""
    skip_without_browser()
    base_url = os.environ.get("BROWSER_BASE_URL", "").strip()
    if base_url:
        password = os.environ.get("DEMO_TEAM_PASSWORD", "")
        if not password:
            pytest.fail("BROWSER_BASE_URL needs DEMO_TEAM_PASSWORD, the demo team's password.")
        parts = urlsplit(base_url)
        host = parts.hostname or "localhost"
        domain = host.split(".", 1)[1] if host.startswith(f"{REGIONAL_SLUG}.") else host
        port = parts.port or {"http": 80, "https": 443}[parts.scheme]
        yield Newsroom(parts.scheme, port, domain, password)
        return

    password = secrets.token_urlsafe(16)
    tmp_dir = tmp_path_factory.mktemp("browser-server")
    port, process, log = _start_server(tmp_dir, password)
    try:
        yield Newsroom("http", port, settings.SITE_DOMAIN, password)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS_DIR


@pytest.fixture
def new_page(chromium, request):
    """``new_page(width=1280, **context_options)``: a page in a fresh browser
    context (no cookies), closed after the test. When the test fails, each
    page's last state is saved to ``<screenshots>/failures/<test>-<n>.png``."""
    contexts = []

    def make(width=1280, height=900, **options):
        context = chromium.new_context(viewport={"width": width, "height": height}, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        failures = SCREENSHOTS_DIR / "failures"
        failures.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in request.node.name)
        pages = [page for context in contexts for page in context.pages]
        for number, page in enumerate(pages, start=1):
            try:
                page.screenshot(path=failures / f"{name}-{number}.png", full_page=True)
            except Exception:  # noqa: BLE001 - a closed page has nothing to show
                pass
    for context in contexts:
        context.close()
