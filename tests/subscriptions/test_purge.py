"""`manage.py purge_unconfirmed_subscribers` deletes only addresses that were
never confirmed and are older than SUBSCRIPTIONS_UNCONFIRMED_DAYS."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db


def aged(subscriber, days):
    Subscriber.objects.filter(pk=subscriber.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_purge_deletes_only_old_unconfirmed_addresses(site_tree, make_subscriber, settings):
    settings.SUBSCRIPTIONS_UNCONFIRMED_DAYS = 7
    old_pending = make_subscriber(
        "old-pending@example.org", site_tree.regional_site, confirmed=False
    )
    new_pending = make_subscriber(
        "new-pending@example.org", site_tree.regional_site, confirmed=False
    )
    old_confirmed = make_subscriber("old-confirmed@example.org", site_tree.regional_site)
    aged(old_pending, 8)
    aged(new_pending, 6)
    aged(old_confirmed, 400)

    out = StringIO()
    call_command("purge_unconfirmed_subscribers", stdout=out)

    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "new-pending@example.org",
        "old-confirmed@example.org",
    }
    assert "Deleted 1 " in out.getvalue()


def test_purge_follows_the_setting(site_tree, make_subscriber, settings):
    settings.SUBSCRIPTIONS_UNCONFIRMED_DAYS = 2
    pending = make_subscriber("pending@example.org", site_tree.regional_site, confirmed=False)
    aged(pending, 3)

    call_command("purge_unconfirmed_subscribers", stdout=StringIO())

    assert not Subscriber.objects.exists()
