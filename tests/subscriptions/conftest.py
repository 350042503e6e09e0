"""Fixtures of the subscription tests: subscribers, an issue with pictures,
the sign-up form posted as a visitor, and a mail server that fails."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone

from subscriptions.models import Subscriber
from tests.factories import ImageFactory, NewsItemPageFactory, report_section
from tests.i18n.conftest import compiled_catalogues, interface_translations  # noqa: F401

URL_RE = re.compile(r"https?://\S+")


@pytest.fixture
def make_subscriber(db):
    """``make_subscriber(email, site, language="en", confirmed=True)``."""

    def make(email, site, language="en", confirmed=True):
        return Subscriber.objects.create(
            email=email,
            site=site,
            language=language,
            confirmed_at=timezone.now() if confirmed else None,
        )

    return make


@pytest.fixture
def illustrated_issue(site_tree):
    """``site_tree.issue`` with a cover picture and a story with a lead
    picture, and a section whose intro links to a page and to a relative
    address."""
    issue = site_tree.issue
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, title="Story with a picture", with_lead_image=True
    )
    issue.cover_image = ImageFactory()
    issue.cover_image_alt = "Migrants at the Dostuk border crossing"
    issue.sections = [
        report_section(
            "Direct assistance",
            [site_tree.kyrgyzstan_stories[1], site_tree.kazakhstan_stories[0]],
            intro="Help given to migrants.",
        ),
        {
            "type": "section",
            "value": {
                "heading": "Health",
                "intro": (
                    f'<p>See <a linktype="page" id="{site_tree.contact_index.pk}">the'
                    ' contacts</a> and <a href="/en/reports/">all reports</a>.</p>'
                ),
                "stories": [story.pk],
                "text": "<ul><li>Clinics visited: 12</li></ul>",
            },
        },
    ]
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """``sign_up(site, email, language="en", **fields)``: POST the sign-up form
    of ``site`` as a visitor; the work done after the commit (the confirmation
    e-mail) is done."""

    def post(site, email, language="en", **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/{language}/subscribe/",
                {"email": email, "website": "", **extra},
                HTTP_HOST=site.hostname,
            )

    return post


def links_in(message):
    return URL_RE.findall(message.body)


def get_link(client, url, method="get", **kwargs):
    """Follow an absolute link from an e-mail, on the host it names."""
    parts = urlsplit(url)
    return getattr(client, method)(parts.path, HTTP_HOST=parts.hostname, **kwargs)


class FailingBackend(LocmemBackend):
    """Keeps messages in mail.outbox like the test backend, and fails with a
    connection error once ``FailingBackend.fail_after`` messages were sent."""

    fail_after = None

    def send_messages(self, messages):
        for message in messages:
            if self.fail_after is not None and len(mail.outbox) >= self.fail_after:
                raise ConnectionResetError("The mail server went away")
            super().send_messages([message])
        return len(messages)


@pytest.fixture
def teams(site_tree):
    """``site_tree`` with the editors' and moderators' groups (make setup)."""
    from website.roles import setup_roles

    setup_roles()
    return site_tree


@pytest.fixture
def make_member(teams):
    """``make_member("editors" | "moderators", slug="centralasia")``: a user
    of that team, logged in on a new client; returns (user, client)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from website.roles import team_for_slug

    def make(role, slug="centralasia"):
        username = f"{slug}-{role}"
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password="unused-in-tests"
        )
        user.groups.add(Group.objects.get(name=getattr(team_for_slug(slug), role)))
        client = Client()
        client.force_login(user)
        return user, client

    return make
