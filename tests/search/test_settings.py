"""Which search backend the environment selects."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_BACKENDS = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
)


def backends(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OPENSEARCH_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="website.settings.test")
    result = subprocess.run(
        [sys.executable, "-c", PRINT_BACKENDS],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_database_backend_is_the_default():
    assert backends()["default"]["BACKEND"] == "search.backends"


def test_opensearch_url_selects_opensearch_with_an_index_prefix():
    default = backends(OPENSEARCH_URL="https://search.internal:9200")["default"]

    assert default["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert default["URLS"] == ["https://search.internal:9200"]
    assert default["INDEX_PREFIX"] == "newsroom_"
    prefixed = backends(OPENSEARCH_URL="https://x:9200", OPENSEARCH_INDEX_PREFIX="staging_")
    assert prefixed["default"]["INDEX_PREFIX"] == "staging_"
