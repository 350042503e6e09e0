"""Password-protected pages (and document collections) cannot be guessed
without limit: after 5 wrong passwords from an address for a restriction
within the log-in cool-off (15 minutes), the form is refused with a 429 page,
even with the right password, and each refused attempt starts the wait
again. Other addresses and other restrictions are not affected."""

import datetime
from unittest import mock
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.urls import resolve, reverse
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.i18n.conftest import compiled_catalogues, interface_translations  # noqa: F401
from website import views
from website.models import RateLimitAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password"
LIMIT = 5
ADDRESS = "203.0.113.7"
STORY_TEXT = "Kyrgyzstan story 1"


@pytest.fixture
def protected(site_tree):
    """The first Kyrgyz story behind a password, and what its form needs."""
    story = site_tree.kyrgyzstan_stories[0]
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    _site_id, root_url, path = story.get_url_parts()
    return story, restriction, path, urlsplit(root_url).hostname


def form_action(client, protected):
    _story, _restriction, path, host = protected
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("main form")["action"]


def try_password(client, protected, password, address=ADDRESS, language="en"):
    _story, restriction, path, host = protected
    with translation.override(language):
        action = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
        )
    return client.post(
        action,
        {"password": password, "return_url": path},
        HTTP_HOST=host,
        REMOTE_ADDR=address,
    )


def can_read(client, protected):
    _story, _restriction, path, host = protected
    response = client.get(path, HTTP_HOST=host)
    return response.status_code == 200 and "csrfmiddlewaretoken" not in response.content.decode()


def fail(client, protected, times, address=ADDRESS):
    for _ in range(times):
        assert try_password(client, protected, "wrong", address=address).status_code == 200


def move_back(minutes):
    for attempt in RateLimitAttempt.objects.all():
        attempt.created_at -= datetime.timedelta(minutes=minutes)
        attempt.save(update_fields=["created_at"])


def test_the_password_form_posts_to_the_limited_view(client, protected):
    action = form_action(client, protected)
    assert action.startswith("/en/_util/authenticate_with_password/")
    assert resolve(action).func is views.authenticate_with_password


@pytest.mark.parametrize("language", ["en", "ru", "ky"])
def test_the_form_address_in_every_language_is_limited(protected, language):
    _story, restriction, _path, _host = protected
    with translation.override(language):
        action = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id]
        )
        assert action.startswith(f"/{language}/")
        assert resolve(action).func is views.authenticate_with_password


def test_the_right_password_after_a_few_wrong_ones_opens_the_page(client, protected):
    fail(client, protected, LIMIT - 1)
    response = try_password(client, protected, PASSWORD)
    assert response.status_code == 302
    assert can_read(client, protected)


def test_five_wrong_passwords_lock_the_form_even_for_the_right_one(client, protected):
    fail(client, protected, LIMIT)
    response = try_password(client, protected, PASSWORD)
    assert response.status_code == 429
    assert not can_read(client, protected)
    page = response.content.decode()
    assert "Too many failed log-in attempts" in page
    assert "Try again in 15 minutes" in page
    assert STORY_TEXT not in page
    assert response["Retry-After"] == "900"
    assert "no-store" in response["Cache-Control"]


def test_the_password_is_not_checked_while_locked(client, protected):
    fail(client, protected, LIMIT)
    with mock.patch("wagtail.views.authenticate_with_password") as wagtail_view:
        assert try_password(client, protected, PASSWORD).status_code == 429
    wagtail_view.assert_not_called()


def test_another_address_is_not_affected(client, protected):
    fail(client, protected, LIMIT)
    assert try_password(client, protected, PASSWORD, address="198.51.100.8").status_code == 302
    assert can_read(client, protected)


def test_another_restriction_is_not_affected(client, protected, site_tree):
    fail(client, protected, LIMIT)
    other_story = site_tree.kyrgyzstan_stories[1]
    PageViewRestriction.objects.create(
        page=other_story, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    _site_id, root_url, path = other_story.get_url_parts()
    other = (other_story, other_story.get_view_restrictions().get(), path, protected[3])
    assert try_password(client, other, PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, protected):
    fail(client, protected, LIMIT)
    assert try_password(client, protected, PASSWORD).status_code == 429
    later = timezone.now() + datetime.timedelta(minutes=16)
    with mock.patch("website.ratelimit.timezone.now", return_value=later):
        assert try_password(client, protected, PASSWORD).status_code == 302
    assert can_read(client, protected)


def test_a_refused_attempt_starts_the_wait_again(client, protected):
    fail(client, protected, LIMIT)
    move_back(10)
    assert try_password(client, protected, PASSWORD).status_code == 429
    move_back(6)  # 16 minutes after the failures, 6 after the refusal
    assert try_password(client, protected, PASSWORD).status_code == 429
    move_back(16)
    assert try_password(client, protected, PASSWORD).status_code == 302


def test_the_lock_page_speaks_the_visitors_language(
    client,
    protected,
    interface_translations,  # noqa: F811
):
    fail(client, protected, LIMIT)
    response = try_password(client, protected, PASSWORD, language="ru")
    assert response.status_code == 429
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "ru"
    assert soup.h1.get_text(strip=True) == "Слишком много неудачных попыток входа"
    assert "Too many" not in soup.get_text()


def test_a_document_collections_password_is_limited_too(client, site_tree):
    collection = Collection.get_first_root_node().add_child(name="Donor reports")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = get_document_model().objects.create(
        title="Donor report",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="donor-report.pdf"),
        collection=collection,
    )
    action = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    assert resolve(action).func is views.authenticate_with_document_password

    def attempt(password):
        return client.post(
            action,
            {"password": password, "return_url": document.url},
            HTTP_HOST="centralasia.localhost",
            REMOTE_ADDR=ADDRESS,
        )

    for _ in range(LIMIT):
        assert attempt("wrong").status_code == 200
    assert attempt(PASSWORD).status_code == 429
    # Still the password form, not the document.
    response = client.get(document.url, HTTP_HOST="centralasia.localhost")
    assert response["Content-Type"].startswith("text/html")
