"""Varnish (deploy/varnish/default.vcl) in front of gunicorn
(deploy/gunicorn.conf.py), as in production: what it keeps, what a publish
purges, who it never serves from the cache, who may purge; and nginx
(deploy/nginx/newsroom.conf) in front of both, terminating TLS and
compressing pages. One prepared newsroom, one varnishd for the module."""

import gzip
import http.client
import shutil
import ssl
import subprocess
import time

import pytest

from tests.deploy import servers

KAZAKHSTAN = "kazakhstan"
KYRGYZSTAN = "kyrgyzstan"
REGIONAL = "centralasia"
STORY_PATH = "/en/news/new-trades-for-50-internal-migrants/"
# The pages that list the Kazakhstan story (website.cache.pages_listing).
LISTINGS = [
    (KAZAKHSTAN, "/en/"),
    (KAZAKHSTAN, "/en/news/"),
    (REGIONAL, "/en/"),
    (REGIONAL, "/en/news/"),
    (REGIONAL, "/en/reports/issue-1/"),
]
UNRELATED = [(KYRGYZSTAN, "/en/contact/"), (KYRGYZSTAN, "/en/news/")]
NGINX_SITE = servers.DEPLOY_DIR / "nginx" / "newsroom.conf"


@pytest.fixture
def get(varnish, served):
    def get(slug, path, **kwargs):
        return servers.request(varnish.port, served.host(slug), path, **kwargs)

    return get


def retitle_story(newsroom, title):
    """Publish a new revision of the Kazakhstan story with this title (its
    own process, as an editor's request would), then let the worker run the
    purge."""
    newsroom.python(
        "from newsroom.models import NewsItemPage\n"
        f"page = NewsItemPage.objects.get(url_path__endswith='{STORY_PATH.removeprefix('/en')}',"
        " locale__language_code='en')\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
    )
    newsroom.wait_for_tasks()


def warm(get, pages):
    for slug, path in pages:
        get(slug, path)
        response = get(slug, path)
        assert response.status == 200, (slug, path, response.status)
        assert response.header("X-Cache") == "hit", (slug, path, response.headers)


def test_the_committed_vcl_compiles():
    servers.skip_unless("varnishd")
    workdir = servers.varnish_workdir()
    try:
        result = subprocess.run(
            [servers.find_binary("varnishd"), "-C", "-f", str(servers.VCL), "-n", str(workdir)],
            capture_output=True,
            text=True,
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_anonymous_pages_are_kept_and_tracking_parameters_share_the_entry(get):
    first = get(KYRGYZSTAN, "/en/news/?page=1")
    assert first.status == 200
    again = get(KYRGYZSTAN, "/en/news/?page=1&utm_source=newsletter&fbclid=abc")
    assert again.header("X-Cache") == "hit"
    assert again.body == first.body
    assert "utm_source" not in again.body
    # A parameter that is not a listing's: the application does not let it be kept.
    searched = get(KYRGYZSTAN, "/en/news/?q=migrants")
    assert get(KYRGYZSTAN, "/en/news/?q=migrants").header("X-Cache") != "hit"
    assert searched.status == 200


def test_a_publish_purges_the_page_and_its_listings_and_nothing_else(get, served):
    pages = [(KAZAKHSTAN, STORY_PATH), *LISTINGS, *UNRELATED]
    warm(get, pages)
    ages = {page: int(get(*page).header("Age")) for page in UNRELATED}

    retitle_story(served, "Trades and incomes: fifty migrants retrained")

    for slug, path in [(KAZAKHSTAN, STORY_PATH), *LISTINGS]:
        response = get(slug, path)
        assert response.header("X-Cache") == "miss", (slug, path)
        assert "fifty migrants retrained" in response.body, (slug, path)
    for page in UNRELATED:
        response = get(*page)
        assert response.header("X-Cache") == "hit", page
        assert int(response.header("Age")) >= ages[page]


def test_a_listing_page_of_any_query_is_purged(get, served):
    warm(get, [(KAZAKHSTAN, "/en/news/?page=1")])
    retitle_story(served, "Fifty migrants learn new trades")
    response = get(KAZAKHSTAN, "/en/news/?page=1")
    assert response.header("X-Cache") == "miss"
    assert "Fifty migrants learn new trades" in response.body


def test_an_editor_is_never_served_from_varnish(get, served):
    warm(get, [(KAZAKHSTAN, STORY_PATH)])
    session = served.python(
        "from django.contrib.auth import get_user_model, HASH_SESSION_KEY, SESSION_KEY, BACKEND_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "User = get_user_model()\n"
        "user, _ = User.objects.get_or_create(username='varnish-editor', defaults={'is_superuser': True, 'is_staff': True})\n"
        "store = SessionStore()\n"
        "store[SESSION_KEY] = str(user.pk)\n"
        "store[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "store[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "store.create()\n"
        "print(store.session_key)"
    ).splitlines()[-1]
    cookie = {"Cookie": f"csrftoken=x; sessionid={session}"}
    page = get(KAZAKHSTAN, STORY_PATH, headers=cookie)
    assert page.status == 200
    assert page.header("X-Cache") == "pass"
    assert "private" in page.header("Cache-Control")
    # Wagtail's user bar: the page was made for the editor.
    assert "wagtail-userbar" in page.body
    admin = get(KAZAKHSTAN, "/admin/", headers=cookie)
    assert admin.status == 200
    assert admin.header("X-Cache") == "pass"
    # What the editor got was not kept for the others.
    anonymous = get(KAZAKHSTAN, STORY_PATH)
    assert anonymous.header("X-Cache") == "hit"
    assert "wagtail-userbar" not in anonymous.body
    # A reader with a message waiting (after a form) gets the page from the application.
    assert get(KAZAKHSTAN, STORY_PATH, headers={"Cookie": "messages=x"}).header("X-Cache") == "pass"


def test_admin_and_previews_pass(get):
    response = get(KAZAKHSTAN, "/admin/login/")
    assert response.status == 200
    assert response.header("X-Cache") == "pass"
    assert get(KAZAKHSTAN, "/admin/pages/29/edit/preview/").header("X-Cache") == "pass"


def test_purge_from_another_address_is_refused(get):
    warm(get, [(KYRGYZSTAN, "/en/contact/")])
    refused = get(KYRGYZSTAN, "/en/contact/", method="PURGE", source="127.0.0.2")
    assert refused.status == 405
    assert get(KYRGYZSTAN, "/en/contact/").header("X-Cache") == "hit"
    allowed = get(KYRGYZSTAN, "/en/contact/", method="PURGE")
    assert allowed.status == 200
    assert get(KYRGYZSTAN, "/en/contact/").header("X-Cache") == "miss"


def test_nothing_stale_after_varnish_restarts(get, varnish, served):
    warm(get, [(KAZAKHSTAN, STORY_PATH)])
    varnish.stop()
    # Published while Varnish is down: the purge fails (logged), nothing is kept.
    retitle_story(served, "Published while the cache was down")
    varnish.start()
    response = get(KAZAKHSTAN, STORY_PATH)
    assert response.header("X-Cache") == "miss"
    assert "Published while the cache was down" in response.body


# --- nginx in front: TLS and compression -----------------------------------------------


def self_signed_certificate(folder):
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(folder / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )


def nginx_config(folder, *, http_port, https_port, cache_port):
    """nginx.conf for a test prefix including the committed site file, with
    the test's certificate, ports, upstream and media folder."""
    site = NGINX_SITE.read_text()
    replacements = [
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen [::]:80;", ""),
        ("listen [::]:443 ssl http2;", ""),
        ("server 127.0.0.1:6081;", f"server 127.0.0.1:{cache_port};"),
        ("/etc/ssl/newsroom/", f"{folder}/"),
        ("/srv/newsroom/media/", f"{folder}/media/"),
        ("server_name .example.org;", "server_name .localhost;"),
    ]
    for old, new in replacements:
        assert old in site, f"{old!r} is no longer in {NGINX_SITE}: update the test"
        site = site.replace(old, new)
    (folder / "newsroom.conf").write_text(site)
    (folder / "nginx.conf").write_text(
        f"pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\n"
        "worker_processes 1;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        "    include /etc/nginx/mime.types;\n"
        f"    access_log {folder}/access.log;\n"
        f"    client_body_temp_path {folder}/body;\n"
        f"    proxy_temp_path {folder}/proxy;\n"
        f"    include {folder}/newsroom.conf;\n"
        "}\n"
    )
    return folder / "nginx.conf"


@pytest.fixture(scope="module")
def nginx(varnish):
    servers.skip_unless("nginx", "openssl")
    folder = servers.varnish_workdir()  # readable by nginx's workers
    self_signed_certificate(folder)
    ports = {"http_port": servers.free_port(), "https_port": servers.free_port()}
    config = nginx_config(folder, cache_port=varnish.port, **ports)
    nginx_binary = servers.find_binary("nginx")
    check = subprocess.run(
        [nginx_binary, "-t", "-p", str(folder), "-c", str(config)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(
        [nginx_binary, "-p", str(folder), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "stderr.log", "w"),
        start_new_session=True,
    )
    servers.wait_for_port(ports["https_port"], process, folder / "error.log")
    yield ports
    servers.stop(process)
    time.sleep(0.2)
    shutil.rmtree(folder, ignore_errors=True)


def https_get(port, host, path, headers=None):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_pages_are_served_over_tls_and_compressed(nginx, served):
    host = "kyrgyzstan.localhost"
    status, headers, body = https_get(
        nginx["https_port"], host, "/en/", {"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    html = gzip.decompress(body).decode()
    assert "<html" in html and "Kyrgyzstan" in html
    # Through Varnish: the second request is a hit, still compressed.
    status, headers, _body = https_get(
        nginx["https_port"], host, "/en/", {"Accept-Encoding": "gzip"}
    )
    assert headers.get("X-Cache") == "hit"
    assert headers.get("Content-Encoding") == "gzip"


def test_plain_http_is_redirected_to_https_except_the_health_check(nginx, served):
    redirect = servers.request(nginx["http_port"], "kyrgyzstan.localhost", "/en/")
    assert redirect.status == 301
    assert redirect.header("Location") == "https://kyrgyzstan.localhost/en/"
    health = servers.request(nginx["http_port"], "kyrgyzstan.localhost", "/healthz")
    assert health.status == 200
    assert '"ok"' in health.body
