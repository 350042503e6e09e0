"""The client's address, as the log-in lock-out and the sign-up limit count
it: REMOTE_ADDR unless TRUSTED_PROXY_COUNT says proxies in front append to
X-Forwarded-For, so a client reaching gunicorn directly cannot pick its
address by writing the header. The sign-up limit is counted in the database,
so every worker (and every host) counts the same sign-ups."""

import datetime

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as reset_axes
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from website.models import RateLimitAttempt

pytestmark = pytest.mark.django_db

HOST = "centralasia.localhost"
LIMIT = 5
PROXY = "10.0.0.1"
CLIENT = "203.0.113.7"


def sign_up(client, email, address=CLIENT, forwarded_for=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(
        "/en/subscribe/",
        {"email": email, "website": ""},
        HTTP_HOST=HOST,
        REMOTE_ADDR=address,
        **headers,
    )


def test_no_proxy_is_trusted_by_default(settings):
    assert settings.TRUSTED_PROXY_COUNT == 0


def test_a_client_rotating_x_forwarded_for_is_one_address_for_the_sign_up_limit(client, site_tree):
    answers = [
        sign_up(client, f"person{n}@example.org", forwarded_for=f"192.0.2.{n}").status_code
        for n in range(LIMIT + 1)
    ]
    assert answers == [302] * LIMIT + [429]


def test_a_client_rotating_x_forwarded_for_is_one_address_for_the_log_in_lock_out(client, settings):
    settings.AXES_ENABLED = True
    reset_axes()
    get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password="a-long-and-correct-password"
    )

    def log_in(username, password, forwarded_for):
        return client.post(
            reverse("wagtailadmin_login"),
            {"username": username, "password": password},
            HTTP_HOST=HOST,
            REMOTE_ADDR=CLIENT,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    try:
        for n in range(LIMIT):
            log_in(f"guess{n}", "wrong", forwarded_for=f"192.0.2.{n}")
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {CLIENT}
        response = log_in("editor", "a-long-and-correct-password", forwarded_for="192.0.2.99")
        assert response.status_code == 429
    finally:
        reset_axes()


def test_behind_a_trusted_proxy_the_address_it_appends_is_counted(client, site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # Clients behind the proxy, each its own address: none is limited.
    for n in range(LIMIT + 1):
        response = sign_up(
            client, f"person{n}@example.org", address=PROXY, forwarded_for=f"198.51.100.{n}"
        )
        assert response.status_code == 302
    # One client writing its own first entry is still one address.
    answers = [
        sign_up(
            client,
            f"other{n}@example.org",
            address=PROXY,
            forwarded_for=f"192.0.2.{n}, 198.51.100.77",
        ).status_code
        for n in range(LIMIT + 1)
    ]
    assert answers == [302] * LIMIT + [429]


def test_the_sign_up_limit_is_shared_by_every_worker(client, site_tree):
    """Each gunicorn worker has its own local-memory cache: the count is in
    the database, so emptying the cache (another worker) changes nothing."""
    answers = []
    for n in range(LIMIT + 1):
        cache.clear()
        answers.append(sign_up(client, f"person{n}@example.org").status_code)
    assert answers == [302] * LIMIT + [429]
    assert RateLimitAttempt.objects.count() == LIMIT


def test_the_sign_up_limit_lifts_an_hour_after_the_attempts(client, site_tree):
    for n in range(LIMIT):
        sign_up(client, f"person{n}@example.org")
    assert sign_up(client, "late@example.org").status_code == 429
    RateLimitAttempt.objects.update(
        created_at=RateLimitAttempt.objects.earliest("created_at").created_at
        - datetime.timedelta(hours=1)
    )
    assert sign_up(client, "later@example.org").status_code == 302


def test_attempts_older_than_their_window_are_deleted(client, site_tree):
    for n in range(LIMIT):
        sign_up(client, f"person{n}@example.org", address=f"198.51.100.{n}")
    RateLimitAttempt.objects.update(
        created_at=RateLimitAttempt.objects.earliest("created_at").created_at
        - datetime.timedelta(hours=1, seconds=1)
    )
    sign_up(client, "new@example.org")
    assert RateLimitAttempt.objects.count() == 1


@pytest.mark.parametrize("address", ["198.51.100.1", "2001:db8::1"])
def test_the_address_is_not_stored_in_the_clear(client, site_tree, address):
    sign_up(client, "person@example.org", address=address)
    (key,) = RateLimitAttempt.objects.values_list("key", flat=True)
    assert address not in key
