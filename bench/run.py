#!/usr/bin/env python
"""`make bench`: how many pages per second `make serve` answers, with wrk.

1. Prepares the database named by DATABASE_URL (SQLite when unset): migrate,
   the demo content, then BENCH_STORIES generated stories (default 20000), each
   step skipped when already done.
2. Starts `make serve` (gunicorn, 2 workers, production settings) in its own
   process group on 127.0.0.1:BENCH_PORT (default 8108), with the page cache on
   (PAGE_CACHE_SECONDS, default 600: shared through Redis when REDIS_URL is set,
   per process otherwise).
3. Requests each page a few times (renditions are made, workers warm up); with
   Redis, times each page's first request after a publish, BENCH_COLD_SAMPLES
   (15) times, everything made stale before each as a publish does ("cold ms",
   the median). Then runs wrk (BENCH_DURATION, default 10s;
   BENCH_CONNECTIONS 16; BENCH_THREADS 2) against a static file (three times:
   the median is the ceiling), each page *uncached* (a `_bench` query parameter
   keeps the full-page cache out, so every request renders the page, with the
   HTML parts kept for the content generation as any request the page cache
   does not answer: cold, below, is a page with nothing kept; the static file
   is measured again just before each, as the machine's speed drifts) and each
   page *cached* (answered from the page cache: what most visitors get). The
   search page is never cached.
4. Then, with varnishd installed, starts Varnish with deploy/varnish/default.vcl
   in front of the server on BENCH_VARNISH_PORT (8109) and runs wrk on the
   static file and on each cached page through it: the ratio of each page's
   requests per second to the static file's, through the same Varnish. Then
   starts a second application host (gunicorn, deploy/gunicorn.conf.py) on
   BENCH_SECOND_HOST_PORT (8110), sharing the database and cache, and runs
   the mixed load on both hosts at once (half the connections each): latency
   and errors with two hosts on one machine (they share the CPUs, so this is
   not a scaling factor).
5. Prints a table and writes bench-results/bench-<time>.json and latest.json.
6. Stops the servers by their process groups, whatever happens.

Only 127.0.0.1 is contacted; the site is chosen with the Host header.
"""

import datetime
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# tests.deploy.servers starts varnishd with the committed VCL.
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench-results"
PYTHON = str(ROOT / ".venv" / "bin" / "python")

PORT = int(os.environ.get("BENCH_PORT", "8108"))
STORIES = int(os.environ.get("BENCH_STORIES", "20000"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
HOST = os.environ.get("BENCH_HOST", "centralasia.localhost")
BYPASS = "_bench=uncached"

# The pages to measure: (name, how to find its path), see find_paths().
FIND_PATHS = r"""
import json
from django.utils import translation
from missions.models import ContactIndexPage, MissionContactPage, MissionHomePage
from newsroom.models import (
    GalleryIndexPage, NewsIndexPage, NewsItemPage, PhotoGalleryPage, ReportIndexPage,
    ReportIssuePage,
)
from wagtail.models import Site

site = Site.objects.get(hostname=HOST)
home = site.root_page.specific
def where(page, query=""):
    if page is None:
        return None
    with translation.override("en"):
        _site_id, root_url, path = page.get_url_parts()
    return [root_url.split("://", 1)[1].split(":")[0], path + query]
news = NewsIndexPage.objects.live().child_of(home).first()
story = (
    NewsItemPage.objects.live().descendant_of(home).filter(slug__startswith="bulk-")
    .order_by("-date", "-pk").first()
    or NewsItemPage.objects.live().descendant_of(home).first()
)
gallery = PhotoGalleryPage.objects.live().filter(locale=home.locale).order_by("path").first()
issue = ReportIssuePage.objects.live().filter(locale=home.locale).order_by("-publication_date").first()
mission = MissionHomePage.objects.live().filter(locale=home.locale).order_by("path").first()
mission_contact = (
    MissionContactPage.objects.live().filter(locale=home.locale).order_by("path").first()
)
story_ru = (
    NewsItemPage.objects.live().filter(locale__language_code="ru", slug__startswith="bulk-")
    .order_by("-date", "-pk").first()
)
print(json.dumps({name: value for name, value in {
    "home": where(home),
    "mission_home": where(mission),
    "news": where(news),
    "news_page_50": where(news, "?page=50"),
    "story": where(story),
    "story_ru": where(story_ru),
    "gallery_index": where(GalleryIndexPage.objects.live().child_of(home).first()),
    "gallery": where(gallery),
    "report_series": where(ReportIndexPage.objects.live().child_of(home).first()),
    "report_issue": where(issue),
    "contacts": where(ContactIndexPage.objects.live().child_of(home).first()),
    "mission_contact": where(mission_contact),
    "search": [HOST, "/en/search/?q=migrants"],
}.items() if value is not None}))
"""


def log(message):
    print(f"[bench] {message}", flush=True)


def manage(*args, env, capture=False):
    command = [PYTHON, "manage.py", *args]
    if capture:
        return subprocess.run(
            command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return ""


def prepare_data(env):
    started = time.monotonic()
    manage("migrate", "--noinput", "-v", "0", env=env)
    check = (
        f"from wagtail.models import Site; print(Site.objects.filter(hostname={HOST!r}).exists())"
    )
    has_demo = manage("shell", "-c", check, env=env, capture=True).strip().splitlines()[-1]
    if has_demo != "True":
        log("loading the demo content")
        manage("load_demo_content", env=env)
    log(f"making sure there are {STORIES} generated stories")
    manage("generate_bulk_content", "--stories", str(STORIES), "-v", "0", env=env)
    return time.monotonic() - started


def find_paths(env):
    code = f"HOST = {HOST!r}\n" + FIND_PATHS
    out = manage("shell", "-c", code, env=env, capture=True)
    return json.loads(out.strip().splitlines()[-1])


def fetch(path, host=HOST, timeout=60):
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}{path}", headers={"Host": f"{host}:{PORT}"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def wait_for_server(process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped; see bench-results/server.log")
        try:
            fetch("/healthz", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise RuntimeError("the server did not answer in time; see bench-results/server.log")


def static_path(home_path):
    """The stylesheet the home page links (hashed by whitenoise's manifest)."""
    _status, _headers, body = fetch(home_path)  # on HOST
    match = re.search(rb'<link rel="stylesheet" href="([^"]+\.css)"', body)
    return match.group(1).decode() if match else "/static/css/site.css"


WRK_REQUESTS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_PERCENTILE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
WRK_ERRORS = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
WRK_TOTAL = re.compile(r"(\d+) requests in")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path, host=HOST, port=PORT):
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{DURATION}",
        "--timeout",
        "10s",
        "--latency",
        "-H",
        f"Host: {host}:{PORT}",
        f"http://127.0.0.1:{port}{path}",
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    percentiles = {p: float(v) * UNITS[u] for p, v, u in WRK_PERCENTILE.findall(out)}
    errors = WRK_ERRORS.search(out)
    total = WRK_TOTAL.search(out)
    return {
        "host": host,
        "path": path,
        "rps": float(WRK_REQUESTS.search(out).group(1)),
        "p50_ms": percentiles.get("50"),
        "p99_ms": percentiles.get("99"),
        "requests": int(total.group(1)) if total else None,
        "errors": int(errors.group(1)) if errors else 0,
    }


WRK_SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)

# The mixed load: every page in turn, each on its own site, half of them past
# the page cache; BENCH_LOAD_CONNECTIONS connections for BENCH_LOAD_DURATION.
LOAD_CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", "32"))
# Cold renderings timed per page (each after a generation bump), with Redis.
COLD_SAMPLES = int(os.environ.get("BENCH_COLD_SAMPLES", "15"))
CACHE_KEY_PREFIX = "newsroom"  # CACHES["default"]["KEY_PREFIX"], website/settings/base.py
LOAD_DURATION = os.environ.get("BENCH_LOAD_DURATION", "30s")
MIX_LUA = """
local requests = {}
local targets = {%s}
for i, target in ipairs(targets) do
  requests[i] = wrk.format("GET", target[2], {["Host"] = target[1]})
end
local n = 0
request = function()
  n = n + 1
  return requests[(n %% #requests) + 1]
end
"""


def mixed_load(paths, port=PORT, connections=None, script_name="mix.lua"):
    """32 connections for 30 s on every page in turn (cached and not): the
    errors must be none, neither HTTP errors nor failed or timed-out sockets."""
    connections = connections or LOAD_CONNECTIONS
    targets = []
    for host, path in paths.values():
        for target in (path, with_bypass(path)):
            targets.append(f'{{"{host}:{PORT}", "{target}"}}')
    script = RESULTS / script_name
    script.write_text(MIX_LUA % ", ".join(targets))
    command = [
        "wrk",
        f"-t{THREADS}",
        f"-c{connections}",
        f"-d{LOAD_DURATION}",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(script),
        f"http://127.0.0.1:{port}/",
    ]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    percentiles = {p: float(v) * UNITS[u] for p, v, u in WRK_PERCENTILE.findall(out)}
    http_errors = WRK_ERRORS.search(out)
    socket_errors = WRK_SOCKET_ERRORS.search(out)
    total = WRK_TOTAL.search(out)
    return {
        "connections": connections,
        "duration": LOAD_DURATION,
        "pages": len(targets),
        "requests": int(total.group(1)) if total else None,
        "rps": float(WRK_REQUESTS.search(out).group(1)),
        "p50_ms": percentiles.get("50"),
        "p99_ms": percentiles.get("99"),
        "http_errors": int(http_errors.group(1)) if http_errors else 0,
        "socket_errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    }


def with_bypass(path):
    return f"{path}{'&' if '?' in path else '?'}{BYPASS}"


def start_server(env):
    RESULTS.mkdir(exist_ok=True)
    server_log = open(RESULTS / "server.log", "w")  # noqa: SIM115 (kept open for the server)
    process = subprocess.Popen(
        ["make", "serve", f"PORT={PORT}"],
        cwd=ROOT,
        env={**env, "LOG_LEVEL": env.get("LOG_LEVEL", "WARNING")},
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, stopped as one
    )
    return process


def stop_server(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def generation_bumper(redis_url, code_version):
    """A function that makes every cached page and value stale, as a publish
    does (website.cache.bump_generation: INCR of the generation, which the
    Django cache keeps as a plain integer under its key prefix and version)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    key = f"{CACHE_KEY_PREFIX}:1:page-cache:{code_version}:generation"

    def bump():
        if client.exists(key):
            client.incr(key)
        else:
            client.set(key, time.time_ns() // 1000)

    return bump


def clear_page_cache(env):
    """Make every cached page stale (not cache.clear(): Redis may be shared)."""
    manage(
        "shell",
        "-c",
        "from website.cache import bump_generation; bump_generation()",
        env=env,
        capture=True,
    )


# Searches timed one request at a time (what one reader waits, not the queue
# of a load test): a word in nearly every story, a rarer one, two words, and
# Russian words on the Russian pages.
SEARCHES = [
    ("en", "migrants"),
    ("en", "Almaty"),
    ("en", "health workers"),
    ("ru", "мигрантов"),
]
SEARCH_SAMPLES = int(os.environ.get("BENCH_SEARCH_SAMPLES", "15"))


def search_latency():
    """{query: {p50_ms, max_ms}}: each search asked SEARCH_SAMPLES times in a
    row (never cached), after one request that warms the workers."""
    found = {}
    for language, words in SEARCHES:
        path = f"/{language}/search/?" + urllib.parse.urlencode({"q": words})
        fetch(path)
        samples = []
        for _ in range(SEARCH_SAMPLES):
            begun = time.monotonic()
            fetch(path)
            samples.append((time.monotonic() - begun) * 1000)
        samples.sort()
        found[f"{language}: {words}"] = {
            "samples": len(samples),
            "p50_ms": round(samples[len(samples) // 2], 1),
            "max_ms": round(samples[-1], 1),
        }
    return found


# Varnish (deploy/varnish/default.vcl) in front of make serve, on this port.
VARNISH_PORT = int(os.environ.get("BENCH_VARNISH_PORT", "8109"))
# The second application host (gunicorn with deploy/gunicorn.conf.py) of the
# two-host load, on this port.
SECOND_HOST_PORT = int(os.environ.get("BENCH_SECOND_HOST_PORT", "8110"))


def through_varnish(paths, static):
    """Pages and the static file through the same Varnish: how close a page
    served by Varnish comes to a static file served by it (one run each)."""
    from tests.deploy.servers import Varnish, find_binary

    if find_binary("varnishd") is None:
        log("varnishd is missing (apt-get install -y varnish): no Varnish figures")
        return None
    varnish = Varnish(VARNISH_PORT, PORT).start()
    try:
        results = {"port": VARNISH_PORT, "static": None, "pages": {}, "ratio": {}}
        for _ in range(2):  # stored, then a hit
            fetch_port(static, HOST, VARNISH_PORT)
        results["static"] = wrk(static, HOST, VARNISH_PORT)
        log(f"Varnish, static {static}: {results['static']['rps']:.0f} req/s")
        for name, (host, path) in paths.items():
            if name == "search":
                continue
            fetch_port(path, host, VARNISH_PORT)
            _status, headers, _body = fetch_port(path, host, VARNISH_PORT)
            if headers.get("X-Cache") != "hit":
                log(f"warning: http://{host}{path} is not a Varnish hit")
            run = wrk(path, host, VARNISH_PORT)
            results["pages"][name] = run
            results["ratio"][name] = round(run["rps"] / results["static"]["rps"], 3)
            log(f"Varnish, {name}: {run['rps']:.0f} req/s, {results['ratio'][name]:.0%} of static")
        return results
    finally:
        varnish.remove()


def fetch_port(path, host, port, timeout=60):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": f"{host}:{PORT}"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def two_hosts_load(paths, env):
    """The mixed load split over two application hosts on this one machine
    (make serve's gunicorn, and a second gunicorn on SECOND_HOST_PORT sharing
    the database and the cache), half the connections each, at once: latency
    and errors, not a scaling factor (the two share the CPUs)."""
    server_log = open(RESULTS / "second-host.log", "w")  # noqa: SIM115 (kept open for the server)
    second = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{SECOND_HOST_PORT}",
            "website.wsgi:application",
        ],
        cwd=ROOT,
        env={
            # As make serve sets them.
            "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SERVE_MEDIA": "true",
            **env,
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
        },
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                fetch_port("/healthz", HOST, SECOND_HOST_PORT, timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, OSError) as error:
                if time.monotonic() > deadline or second.poll() is not None:
                    raise RuntimeError(
                        "the second host did not start; see second-host.log"
                    ) from error
                time.sleep(0.5)
        half = max(1, LOAD_CONNECTIONS // 2)
        runs = {}

        def run(name, port):
            runs[name] = mixed_load(paths, port, half, f"mix-{name}.lua")

        threads = [
            threading.Thread(target=run, args=("host_a", PORT)),
            threading.Thread(target=run, args=("host_b", SECOND_HOST_PORT)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return runs
    finally:
        stop_server(second)


def main():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install -y wrk")
    env = dict(os.environ)
    env.setdefault("PAGE_CACHE_SECONDS", "600")
    # The page cache's keys carry the code version: name it, so that the
    # generation bumper below knows the key.
    env.setdefault("CODE_VERSION", "bench")
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.dev"
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    cache = "Redis" if env.get("REDIS_URL") else "local memory (per process)"
    started = time.monotonic()

    log(f"database: {database}; cache: {cache}")
    prepare_seconds = prepare_data(env)
    paths = {name: path for name, path in find_paths(env).items() if path}
    clear_page_cache(env)

    server_env = {k: v for k, v in env.items() if k != "DJANGO_SETTINGS_MODULE"}
    log(f"starting make serve on 127.0.0.1:{PORT}")
    # One secret for make serve and the second host (two hosts of one site).
    server_env.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    process = start_server(server_env)
    results = {
        "static": None,
        "static_runs": [],
        "static_beside": {},
        "uncached": {},
        "cached": {},
        "after_publish_ms": {},
        "cold": {},
        "search_latency": {},
        "load": None,
    }
    try:
        wait_for_server(process)
        for host, path in paths.values():
            for _ in range(4):  # renditions are made, both workers warm up
                try:
                    fetch(with_bypass(path), host)
                except urllib.error.HTTPError as error:
                    raise RuntimeError(f"http://{host}{path} answered {error.code}") from error
        if env.get("REDIS_URL"):
            # As after a publish: every cached page is stale; the first request
            # of each page renders it (and reads the next expiry).
            # COLD_SAMPLES times per page, the generation bumped before each.
            bump = generation_bumper(env["REDIS_URL"], env["CODE_VERSION"])
            for name, (host, path) in paths.items():
                samples = []
                for _ in range(COLD_SAMPLES):
                    bump()
                    begun = time.monotonic()
                    fetch(path, host)
                    samples.append((time.monotonic() - begun) * 1000)
                samples.sort()
                results["after_publish_ms"][name] = round(samples[len(samples) // 2], 1)
                results["cold"][name] = {
                    "samples": len(samples),
                    "p50_ms": round(samples[len(samples) // 2], 1),
                    "max_ms": round(samples[-1], 1),
                }
        results["search_latency"] = search_latency()
        log(
            "search, one request at a time: p50 "
            + ", ".join(f"{q!r} {r['p50_ms']} ms" for q, r in results["search_latency"].items())
        )
        static = static_path(paths["home"][1])
        log(f"wrk {DURATION}, {CONNECTIONS} connections, {THREADS} threads")

        def measure_static():
            run = wrk(static)
            results["static_runs"].append(run)
            log(f"static {static}: {run['rps']:.0f} req/s")

        # The static file is measured three times (the machine may be busy with
        # other work); the median is the ceiling.
        measure_static()
        for name, (host, path) in paths.items():
            # The static file again just before each page: the machine's speed
            # drifts during a run (the three runs above have spread from 2,175
            # to 3,548 req/s), so each page is also compared with its neighbour.
            beside = results["static_beside"][name] = wrk(static)
            run = results["uncached"][name] = wrk(with_bypass(path), host)
            log(
                f"uncached {name}: {run['rps']:.0f} req/s "
                f"(the static file just before: {beside['rps']:.0f} req/s)"
            )
        measure_static()
        for name, (host, path) in paths.items():
            if name == "search":
                continue
            fetch(path, host)  # store it
            _status, headers, _body = fetch(path, host)
            if headers.get("X-Page-Cache") != "hit":
                log(f"warning: http://{host}{path} is not answered from the page cache")
            results["cached"][name] = wrk(path, host)
            log(f"cached {name}: {results['cached'][name]['rps']:.0f} req/s")
        measure_static()
        results["static"] = sorted(results["static_runs"], key=lambda run: run["rps"])[1]
        log(f"mixed load: {LOAD_CONNECTIONS} connections for {LOAD_DURATION}")
        results["load"] = mixed_load(paths)
        log(
            f"mixed load: {results['load']['requests']} requests, "
            f"{results['load']['http_errors']} HTTP errors, "
            f"{results['load']['socket_errors']} socket errors"
        )
        results["varnish"] = through_varnish(paths, static)
        log(f"two hosts: mixed load split over ports {PORT} and {SECOND_HOST_PORT}")
        results["two_hosts"] = two_hosts_load(paths, server_env)
        for name, run in results["two_hosts"].items():
            log(
                f"two hosts, {name}: {run['requests']} requests, p50 {run['p50_ms']} ms, "
                f"p99 {run['p99_ms']} ms, {run['http_errors']} HTTP errors, "
                f"{run['socket_errors']} socket errors"
            )
    finally:
        stop_server(process)
        log("server stopped")

    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": database,
        "cache": cache,
        "stories": STORIES,
        "server": "make serve: gunicorn, 2 sync workers, production settings",
        "wrk": {"duration": DURATION, "connections": CONNECTIONS, "threads": THREADS},
        "cpus": os.cpu_count(),
        "host": HOST,
        "prepare_seconds": round(prepare_seconds, 1),
        "total_seconds": round(time.monotonic() - started, 1),
        **results,
    }
    print_table(report)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(json.dumps(report, indent=2) + "\n")
    log(f"written to bench-results/bench-{stamp}.json")
    load = report.get("load") or {}
    if load.get("http_errors") or load.get("socket_errors"):
        sys.exit("the mixed load had errors: see bench-results/server.log")


def print_table(report):
    static_rps = report["static"]["rps"]
    width = 26

    def row(label, result, first=None, beside=None):
        share = 100 * result["rps"] / static_rps if static_rps else 0
        errors = f" ({result['errors']} errors)" if result["errors"] else ""
        first = f"{first:>10.0f}" if first is not None else f"{'':>10}"
        beside = (
            f"{100 * result['rps'] / beside['rps']:>6.1f}%"
            if beside and beside["rps"]
            else f"{'':>7}"
        )
        return (
            f"| {label:<{width}} | {result['rps']:>7.0f} | {share:>6.1f}% | {beside} | "
            f"{result['p50_ms']:>7.1f} | {result['p99_ms']:>7.1f} | {first} |{errors}"
        )

    print()
    print(
        f"{report['stories']} stories, {report['database']}, cache: {report['cache']}, "
        f"wrk -t{report['wrk']['threads']} -c{report['wrk']['connections']} "
        f"-d{report['wrk']['duration']}, {report['cpus']} CPUs; static file runs: "
        + ", ".join(f"{run['rps']:.0f}" for run in report["static_runs"])
        + " req/s (median is the ceiling)"
    )
    print(
        f"| {'page':<{width}} | {'req/s':>7} | {'static':>7} | {'beside':>7} | "
        f"{'p50 ms':>7} | {'p99 ms':>7} | {'cold ms':>10} |"
    )
    print(f"|{'-' * (width + 2)}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 12}|")
    print(row("static file", report["static"]))
    after_publish = report.get("after_publish_ms", {})
    beside = report.get("static_beside", {})
    for name, result in report["uncached"].items():
        print(row(f"{name}, uncached", result, after_publish.get(name), beside.get(name)))
    for name, result in report["cached"].items():
        print(row(f"{name}, cached", result))
    print(
        "static: share of the static file's median run; beside: of the static file's "
        "run just before the page. uncached: the page cache is bypassed (every request "
        "renders the page, with the parts kept for the content generation). cold ms: median of "
        f"{COLD_SAMPLES} single requests, each the "
        "first after a publish. cached: answered from the page cache."
    )
    for query, result in (report.get("search_latency") or {}).items():
        print(
            f"Search {query!r}, one request at a time: p50 {result['p50_ms']:.1f} ms, "
            f"max {result['max_ms']:.1f} ms ({result['samples']} requests)."
        )
    varnish = report.get("varnish")
    if varnish:
        print(
            f"Through Varnish: static file {varnish['static']['rps']:.0f} req/s; pages "
            + ", ".join(
                f"{name} {run['rps']:.0f} req/s ({varnish['ratio'][name]:.0%})"
                for name, run in varnish["pages"].items()
            )
            + " of the static file through the same Varnish."
        )
    for name, run in (report.get("two_hosts") or {}).items():
        print(
            f"Two hosts on one machine, {name} ({run['connections']} connections): "
            f"{run['requests']} requests, p50 {run['p50_ms']:.1f} ms, p99 {run['p99_ms']:.1f} ms, "
            f"{run['http_errors']} HTTP errors, {run['socket_errors']} socket errors."
        )
    load = report.get("load")
    if load:
        print(
            f"Mixed load, {load['connections']} connections for {load['duration']} over "
            f"{load['pages']} addresses: {load['requests']} requests, {load['rps']:.0f} req/s, "
            f"p50 {load['p50_ms']:.1f} ms, p99 {load['p99_ms']:.1f} ms, "
            f"{load['http_errors']} HTTP errors, {load['socket_errors']} socket errors."
        )
    print()


if __name__ == "__main__":
    main()
