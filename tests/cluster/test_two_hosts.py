"""Two application hosts sharing one PostgreSQL database, one Redis and the
media bucket (SeaweedFS), as in production: what an editor publishes through
one is what readers of the other see at once (pages, listings, search); the
PDF edition the task worker makes is served by both; the sign-up limit and
the log-in lock-out count across hosts; a host killed under load loses at most
the requests in flight on it (nginx in front sends the rest to the other).

Run by ``make cluster-test`` (CLUSTER_TESTS=on, PostgreSQL at
CLUSTER_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/newsroom_cluster;
the database is created and dropped). Figures of the kill test go to
artifacts/cluster-figures.json.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from urllib.parse import urlsplit

import pytest

from tests.deploy import servers

pytestmark = pytest.mark.skipif(
    os.environ.get("CLUSTER_TESTS", "").lower() not in {"1", "on", "yes", "true"},
    reason="two-host tests run with `make cluster-test` (CLUSTER_TESTS=on, PostgreSQL)",
)

DATABASE_URL = os.environ.get(
    "CLUSTER_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_cluster"
)
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/12")
STORY_PATH = "/en/news/new-trades-for-50-internal-migrants/"
KAZAKHSTAN = "kazakhstan"
REGIONAL = "centralasia"
FIGURES = servers.PROJECT_DIR / "artifacts" / "cluster-figures.json"


def _admin_database(sql_name, create):
    import psycopg2

    parts = urlsplit(DATABASE_URL)
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{sql_name}" WITH (FORCE)')
        if create:
            cursor.execute(f'CREATE DATABASE "{sql_name}"')
    connection.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Hosts A and B (gunicorn, deploy/gunicorn.conf.py) and a task worker,
    on one PostgreSQL database, Redis database and bucket."""
    servers.skip_unless("weed")
    folder = tmp_path_factory.mktemp("cluster")
    store = servers.SeaweedFS(folder / "seaweedfs").start()
    name = urlsplit(DATABASE_URL).path.lstrip("/")
    _admin_database(name, create=True)
    servers.flush_redis(REDIS_URL)
    public_port = servers.free_port()
    newsroom = servers.prepare_newsroom(
        folder,
        public_port,
        {
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "TRUSTED_PROXY_COUNT": "1",
            **store.settings_env(),
        },
    )
    newsroom.store = store
    newsroom.ports = {"a": servers.free_port(), "b": servers.free_port()}
    newsroom.hosts = {
        "a": newsroom.start_gunicorn(newsroom.ports["a"], "host-a"),
        "b": newsroom.start_gunicorn(newsroom.ports["b"], "host-b"),
    }
    newsroom.start_worker()
    newsroom.wait_for_tasks(seconds=300)
    yield newsroom
    newsroom.stop_all()
    store.stop()
    _admin_database(name, create=False)
    servers.flush_redis(REDIS_URL)


def get(cluster, which, slug, path, **kwargs):
    return servers.request(cluster.ports[which], cluster.host(slug), path, **kwargs)


def publish_story_title(cluster, title):
    """What the editor's publish on host A does (its own process, A's settings)."""
    cluster.python(
        "from newsroom.models import NewsItemPage\n"
        f"page = NewsItemPage.objects.get(url_path__endswith='{STORY_PATH.removeprefix('/en')}',"
        " locale__language_code='en')\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
    )


def test_published_on_a_is_read_on_b_at_once(cluster):
    pages = [
        (KAZAKHSTAN, STORY_PATH),
        (KAZAKHSTAN, "/en/news/"),
        (KAZAKHSTAN, "/en/"),
        (REGIONAL, "/en/news/"),
    ]
    for page in pages:  # B's page cache holds them
        get(cluster, "b", *page)
        assert get(cluster, "b", *page).header("X-Page-Cache") == "hit"

    publish_story_title(cluster, "Quarantotto migrants retrained")

    for page in pages:
        response = get(cluster, "b", *page)
        assert response.status == 200
        assert "Quarantotto migrants retrained" in response.body, page
    cluster.wait_for_tasks()  # the search index is updated by the worker
    found = get(cluster, "b", KAZAKHSTAN, "/en/search/?q=quarantotto")
    assert "Quarantotto migrants retrained" in found.body


def test_a_pdf_edition_made_by_the_worker_is_served_by_both_hosts(cluster):
    cluster.python(
        "from newsroom.models import ReportIssuePage\n"
        "page = ReportIssuePage.objects.get(url_path__endswith='/reports/issue-1/',"
        " locale__language_code='en')\n"
        "page.title = 'Issue 1, second printing'\n"
        "page.save_revision().publish()\n"
    )
    cluster.wait_for_tasks(seconds=120)
    pdf_keys = [key for key in cluster.store.keys("report-editions/") if "-en-" in key]
    assert len(pdf_keys) == 1
    for which in ("a", "b"):
        response = servers.request(
            cluster.ports[which], cluster.host(REGIONAL), "/en/reports/issue-1/pdf/"
        )
        assert response.status == 200, (which, response.status)
        assert response.header("Content-Type") == "application/pdf"
        assert response.body.startswith("%PDF-")


def csrf(cluster, which, slug, path):
    page = get(cluster, which, slug, path)
    cookie = re.search(r"csrftoken=([^;]+)", page.header("Set-Cookie") or "").group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)
    return cookie, token


def post_form(cluster, which, slug, path, data, cookie, token):
    from urllib.parse import urlencode

    return get(
        cluster,
        which,
        slug,
        path,
        method="POST",
        body=urlencode({**data, "csrfmiddlewaretoken": token}),
        headers={
            "Cookie": f"csrftoken={cookie}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )


def test_the_sign_up_limit_counts_across_hosts(cluster):
    cookie, token = csrf(cluster, "a", REGIONAL, "/en/subscribe/")
    statuses = [
        post_form(
            cluster,
            "ab"[n % 2],
            REGIONAL,
            "/en/subscribe/",
            {"email": f"reader{n}@example.org"},
            cookie,
            token,
        ).status
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_the_log_in_lock_out_counts_across_hosts(cluster):
    cluster.python(
        "from django.contrib.auth import get_user_model\n"
        "get_user_model().objects.create_superuser('cluster-editor', 'e@example.org', 'right-Passw0rd')\n"
    )
    cookie, token = csrf(cluster, "a", REGIONAL, "/admin/login/")
    for n in range(5):
        post_form(
            cluster,
            "ab"[n % 2],
            REGIONAL,
            "/admin/login/",
            {"username": "cluster-editor", "password": "wrong"},
            cookie,
            token,
        )
    refused = post_form(
        cluster,
        "b",
        REGIONAL,
        "/admin/login/",
        {"username": "cluster-editor", "password": "right-Passw0rd"},
        cookie,
        token,
    )
    assert refused.status in (403, 429)
    assert "sessionid" not in (refused.header("Set-Cookie") or "")


def test_a_host_killed_under_load_loses_only_its_requests_in_flight(cluster):
    servers.skip_unless("nginx")
    folder = servers.varnish_workdir()
    port = cluster.public_port
    (folder / "nginx.conf").write_text(
        f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nworker_processes 1;\n"
        "events { worker_connections 256; }\nhttp {\n"
        f"  access_log off; client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;\n"
        "  upstream hosts {\n"
        f"    server 127.0.0.1:{cluster.ports['a']} max_fails=1 fail_timeout=30s;\n"
        f"    server 127.0.0.1:{cluster.ports['b']} max_fails=1 fail_timeout=30s;\n"
        "  }\n"
        f"  server {{ listen 127.0.0.1:{port};\n"
        "    location / { proxy_pass http://hosts; proxy_set_header Host $http_host;\n"
        "      proxy_next_upstream error timeout http_502; } }\n}\n"
    )
    nginx = subprocess.Popen(
        [
            servers.find_binary("nginx"),
            "-p",
            str(folder),
            "-c",
            str(folder / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
        start_new_session=True,
    )
    servers.wait_for_port(port, nginx, folder / "error.log")
    paths = [
        (KAZAKHSTAN, "/en/"),
        (KAZAKHSTAN, "/en/news/"),
        (REGIONAL, "/en/"),
        (REGIONAL, "/en/reports/issue-1/"),
        ("kyrgyzstan", "/en/contact/"),
    ]
    # Both hosts have rendered each page (renditions made, page cache warm):
    # the load measures serving, not first renderings.
    for which in ("a", "b"):
        for slug, path in paths:
            for _ in range(3):
                if get(cluster, which, slug, path, timeout=120).header("X-Page-Cache") == "hit":
                    break
    results = []
    stop_at = time.monotonic() + 8

    def load(offset):
        n = offset
        while time.monotonic() < stop_at:
            slug, path = paths[n % len(paths)]
            n += 1
            started = time.monotonic()
            try:
                response = servers.request(port, cluster.host(slug), path, timeout=30)
                results.append((started, response.status, time.monotonic() - started))
            except OSError:
                results.append((started, "error", time.monotonic() - started))

    threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    killed_at = time.monotonic()
    os.killpg(cluster.hosts["b"].pid, signal.SIGKILL)
    for thread in threads:
        thread.join()
    servers.stop(nginx)

    failed = [result for result in results if result[1] != 200]
    latencies = sorted(result[2] for result in results if result[1] == 200)
    figures = {
        "requests": len(results),
        "failed": len(failed),
        "failed_statuses": sorted({str(result[1]) for result in failed}),
        "before_kill": sum(1 for result in results if result[0] < killed_at),
        "after_kill": sum(1 for result in results if result[0] >= killed_at),
        "latency_p50_ms": round(1000 * latencies[len(latencies) // 2]),
        "latency_p99_ms": round(1000 * latencies[int(len(latencies) * 0.99) - 1]),
        "host_b_workers": 2,
    }
    FIGURES.parent.mkdir(exist_ok=True)
    FIGURES.write_text(json.dumps(figures, indent=2) + "\n")
    print("two hosts, B killed under load:", figures)
    # At most what B's workers had in flight (nginx retries what it can).
    assert len(failed) <= figures["host_b_workers"], figures
    assert figures["after_kill"] > 0
    shutil.rmtree(folder, ignore_errors=True)
