"""An image whose usage expires while pages use it: from the next day the
pages leave it out, from the cache too once ``expire_images`` has run (it
starts a new page-cache generation), and the moderators of the sites of those
pages are told, once. The clock is moved by patching
``django.utils.timezone.now``."""

import datetime
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.factories import ImageFactory, NewsItemPageFactory
from website import cache as website_cache
from website.cache_middleware import CACHE_HEADER
from website.structure import MISSIONS

LAST_DAY = datetime.date(2027, 3, 10)
ALT = "Families receive food aid in Batken"


@pytest.fixture
def clock():
    state = SimpleNamespace(now=None)

    def at(day, hour=12):
        state.now = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))

    state.at = at
    at(LAST_DAY)
    with mock.patch("django.utils.timezone.now", side_effect=lambda: state.now):
        yield state


@pytest.fixture
def moderators(django_user_model):
    kyrgyz = Group.objects.get_or_create(name=MISSIONS[1].moderators_group)[0]
    kazakh = Group.objects.get_or_create(name=MISSIONS[0].moderators_group)[0]
    aida = django_user_model.objects.create_user("aida", "aida@example.org", "x")
    aida.groups.add(kyrgyz)
    other = django_user_model.objects.create_user("dana", "dana@example.org", "x")
    other.groups.add(kazakh)
    return SimpleNamespace(kyrgyz=aida, kazakh=other)


def expire_images():
    call_command("expire_images", stdout=open("/dev/null", "w"))


def test_an_expired_image_leaves_its_pages_and_the_moderators_are_told(
    site_tree, page_cache, clock, client, moderators
):
    image = ImageFactory(title="Batken food aid", usage_expires=LAST_DAY)
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news, lead_image=image, lead_image_alt=ALT
    )
    story.save_revision().publish()
    _site_id, root_url, path = story.get_url_parts()
    host = root_url.split("//")[1]

    def get():
        return client.get(path, HTTP_HOST=host)

    # The last day: shown, kept in the cache; nothing to do for the command.
    assert ALT in get().content.decode()
    assert get()[CACHE_HEADER] == "hit"
    expire_images()
    assert mail.outbox == []

    # The next day: a fresh render leaves the image out; the command ends the
    # cached copies, and tells the Kyrgyz moderators (not the Kazakh ones).
    clock.at(LAST_DAY + datetime.timedelta(days=1), hour=0)
    generation = website_cache.current_generation()
    expire_images()
    assert website_cache.current_generation() != generation
    response = get()
    assert response[CACHE_HEADER] != "hit"
    assert ALT not in response.content.decode()
    assert "/media/images/" not in response.content.decode()
    [message] = mail.outbox
    assert message.to == ["aida@example.org"]
    assert "Batken food aid" in message.subject
    assert story.title in message.body
    image.refresh_from_db()
    assert image.expiry_handled_on == LAST_DAY + datetime.timedelta(days=1)

    # Told once.
    expire_images()
    assert len(mail.outbox) == 1
