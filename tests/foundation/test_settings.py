"""The settings modules: each loads, production refuses to start without its
secrets and passes `check --deploy` with them, DEBUG is only on in development."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def run_python(code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_manage(*args, **env):
    return run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        **env,
    )


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": ".example.org",
}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_with_secrets_passes_check_deploy():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "module, env_debug, expected",
    [
        ("dev", None, "True"),
        ("test", "1", "False"),
        ("production", "1", "False"),
        ("production", None, "False"),
    ],
)
def test_each_settings_module_loads_and_debug_is_only_on_in_development(
    module, env_debug, expected
):
    env = dict(PRODUCTION_ENV) if module == "production" else {}
    env["DJANGO_SETTINGS_MODULE"] = f"website.settings.{module}"
    if env_debug is not None:
        env["DEBUG"] = env_debug
    result = run_python(
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DEBUG, settings.LANGUAGE_CODE)",
        **env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [expected, "en"]


def test_database_url_selects_postgresql():
    result = run_python(
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.DATABASES['default']['ENGINE'])",
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_redis_url_selects_the_shared_cache():
    result = run_python(
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.CACHES['default']['BACKEND'])",
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.strip() == "website.cache_backends.ResilientRedisCache"
