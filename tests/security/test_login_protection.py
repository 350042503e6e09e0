"""Brute-force protection of the admin log-in (django-axes): after 5 failures
for an account, or from an address, log-ins are refused for a cool-off
period, even with the right password; an administrator can unlock early."""

import datetime
import io

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as reset_axes
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from website.middleware import client_ip

HOST = "centralasia.localhost"
PASSWORD = "a-long-and-correct-password"
LIMIT = 5


@pytest.fixture(autouse=True)
def axes(settings, db):
    """django-axes on (the test settings switch it off for Client.login), with
    no attempt left over from another test, before or after."""
    settings.AXES_ENABLED = True
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(
        username="editor", email="editor@example.org", password=PASSWORD
    )


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password, "next": reverse("wagtailadmin_home")},
        HTTP_HOST=HOST,
        REMOTE_ADDR=address,
    )


def is_logged_in(client):
    response = client.get(reverse("wagtailadmin_home"), HTTP_HOST=HOST)
    return response.status_code == 200


def test_the_right_password_logs_in(client, editor):
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert is_logged_in(client)


def test_four_failures_do_not_lock_the_account(client, editor):
    for _ in range(LIMIT - 1):
        assert log_in(client, "editor", "wrong").status_code == 200
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_the_fifth_failure_locks_the_account_with_a_clear_page(client, editor):
    for _ in range(LIMIT - 1):
        log_in(client, "editor", "wrong")
    response = log_in(client, "editor", "wrong")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed log-in attempts" in page
    assert "Try again in 15 minutes" in page


def test_a_locked_account_is_refused_even_with_the_right_password(client, editor):
    for _ in range(LIMIT):
        log_in(client, "editor", "wrong")
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_an_account_is_locked_whatever_address_the_attempts_come_from(client, editor):
    for n in range(LIMIT):
        log_in(client, "editor", "wrong", address=f"198.51.100.{n + 1}")
    response = log_in(client, "editor", PASSWORD, address="192.0.2.200")
    assert response.status_code == 429


def test_an_address_is_locked_whatever_accounts_it_tries(client, editor):
    for n in range(LIMIT):
        log_in(client, f"guess{n}", "wrong", address="198.51.100.9")
    # The right password for a real account, from the same address: refused.
    assert log_in(client, "editor", PASSWORD, address="198.51.100.9").status_code == 429
    # The same account from another address logs in.
    assert log_in(client, "editor", PASSWORD, address="192.0.2.10").status_code == 302


def test_the_lock_ends_after_the_cool_off_period(client, editor, settings):
    assert settings.AXES_COOLOFF_TIME == datetime.timedelta(minutes=15)
    for _ in range(LIMIT):
        log_in(client, "editor", "wrong")
    assert log_in(client, "editor", PASSWORD).status_code == 429
    # Move the failures back in time, past the cool-off period.
    earlier = datetime.timedelta(minutes=16)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= earlier
        attempt.save(update_fields=["attempt_time"])
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_an_administrator_can_unlock_an_account(client, editor):
    for _ in range(LIMIT):
        log_in(client, "editor", "wrong")
    assert log_in(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor", stdout=io.StringIO())
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_the_client_address_comes_from_the_trusted_proxy(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(LIMIT):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": f"guess{n}", "password": "wrong"},
            HTTP_HOST=HOST,
            REMOTE_ADDR="10.0.0.1",  # the proxy
            # The client wrote the first entry; the proxy appended the second.
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.77",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.77"}
    # Another client behind the same proxy is not locked out.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor", "password": PASSWORD},
        HTTP_HOST=HOST,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.78",
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "proxies, forwarded_for, expected",
    [
        (0, "192.0.2.1", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "", "10.0.0.1"),
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # a spoofed first entry is ignored
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.2", "192.0.2.1"),
        (2, "192.0.2.1", "192.0.2.1"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "not-an-address", "10.0.0.1"),
        (1, " , ", "10.0.0.1"),
    ],
)
def test_client_ip(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected
