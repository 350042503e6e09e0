"""Redis down: pages still render (uncached), nothing answers 500, and
/healthz says the cache failed."""

import pytest

from tests.deploy import servers

HOST = "kyrgyzstan.localhost"


@pytest.fixture
def redis_down(settings):
    """The shared cache points at an address where nothing answers."""
    settings.CACHES = {
        "default": {
            "BACKEND": "website.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{servers.free_port()}/11",
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/contact/", "/en/search/?q=migrants"])
def test_pages_render_without_the_cache(site_tree, redis_down, client, path):
    for _ in range(2):
        response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


def test_the_health_check_names_the_cache(site_tree, redis_down, client):
    response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
