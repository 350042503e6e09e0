"""Fixtures of the deployment tests: one newsroom for the session, served by
gunicorn and the task worker, with Varnish in front (tests/deploy/servers.py)."""

from pathlib import Path

import pytest

from tests.deploy import servers


def _prepare(folder):
    varnish_port = servers.free_port()
    servers.flush_redis()
    return servers.prepare_newsroom(
        folder,
        varnish_port,
        {"FRONTEND_CACHE_URL": f"http://127.0.0.1:{varnish_port}", "TRUSTED_PROXY_COUNT": "1"},
    )


@pytest.fixture(scope="session")
def newsroom_in_preparation(request, tmp_path_factory):
    """The newsroom's preparation (static files, migrations, the demo: a minute
    of subprocesses), started in the background by the first deployment test
    when some test of the session needs the newsroom, so that the tests that
    need none (object storage, production files) run meanwhile. None when the
    newsroom cannot be made here (``newsroom`` then skips, saying why)."""
    here = Path(__file__).parent
    wanted = (
        not servers.deploy_tests_off()
        and servers.find_binary("varnishd") is not None
        and any(
            "newsroom" in item.fixturenames and Path(item.path).is_relative_to(here)
            for item in request.session.items
        )
        and servers.redis_answers()
    )
    if not wanted:
        yield None
        return
    preparation = servers.Background(_prepare, tmp_path_factory.mktemp("newsroom"))
    yield preparation
    preparation.wait()


@pytest.fixture(autouse=True)
def _newsroom_prepared_meanwhile(newsroom_in_preparation):
    """Starts ``newsroom_in_preparation`` with the first deployment test."""


@pytest.fixture(scope="session")
def newsroom(newsroom_in_preparation, tmp_path_factory):
    """The demo newsroom in production settings, prepared once; its sites'
    addresses carry Varnish's port."""
    servers.skip_unless("varnishd")
    if newsroom_in_preparation is not None:
        prepared = newsroom_in_preparation.result()
    else:
        prepared = _prepare(tmp_path_factory.mktemp("newsroom"))
    yield prepared
    prepared.stop_all()
    servers.flush_redis()


@pytest.fixture(scope="session")
def served(newsroom):
    """gunicorn (deploy/gunicorn.conf.py) and the task worker, running."""
    port = servers.free_port()
    newsroom.start_gunicorn(port)
    newsroom.start_worker()
    # What loading the demo enqueued (PDF editions, purges) runs first.
    newsroom.wait_for_tasks(seconds=300)
    newsroom.backend_port = port
    return newsroom


@pytest.fixture(scope="session")
def varnish(served):
    cache = servers.Varnish(served.public_port, served.backend_port).start()
    yield cache
    cache.remove()


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """SeaweedFS's S3 gateway on free ports, with an empty media bucket."""
    servers.skip_unless("weed")
    store = servers.SeaweedFS(tmp_path_factory.mktemp("seaweedfs")).start()
    yield store
    store.stop()


# Shared by the object storage tests (test_object_storage*.py).
@pytest.fixture
def bucket(seaweedfs, settings):
    """The default storage is the SeaweedFS bucket, emptied first."""
    client = seaweedfs.client()
    for key in seaweedfs.keys():
        client.delete_object(Bucket=seaweedfs.bucket, Key=key)
    settings.STORAGES = servers.storages_for(seaweedfs)
    return seaweedfs


@pytest.fixture
def admin(admin_client):
    admin_client.defaults["HTTP_HOST"] = "centralasia.localhost"
    return admin_client
