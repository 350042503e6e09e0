"""Signing up, confirming and leaving, as the public views do them."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from subscriptions import settings as app_settings
from subscriptions.models import Subscriber


def sign_up(email, site, language):
    """Record a sign-up and send the confirmation link (in the background).

    The answer is the same whatever the address's state, so it reveals
    nothing: a confirmed address gets no e-mail and no new row; a pending one
    gets a new link at most once per SUBSCRIPTIONS_CONFIRMATION_RESEND_HOURS.
    """
    subscriber, _created = Subscriber.objects.get_or_create(
        email=Subscriber.normalize_email(email), site=site, language=language
    )
    if subscriber.is_confirmed:
        return
    now = timezone.now()
    resend_after = now - datetime.timedelta(hours=app_settings.confirmation_resend_hours())
    # One UPDATE decides who sends, so two sign-ups at once send one e-mail.
    claimed = (
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True)
        .filter(Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lt=resend_after))
        .update(confirmation_sent_at=now)
    )
    if claimed:
        from subscriptions.tasks import send_confirmation

        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))


def subscriber_of(token):
    """The address with this token (and its site), or None."""
    return Subscriber.objects.select_related("site").filter(token=token).first()


def confirm(token):
    """(subscriber, whether this call confirmed it) for a token; None when no
    address has this token (it was deleted, or the link was made up)."""
    subscriber = subscriber_of(token)
    if subscriber is None:
        return None, False
    confirmed_now = bool(
        Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
    )
    if confirmed_now:
        subscriber.refresh_from_db(fields=["confirmed_at"])
    return subscriber, confirmed_now


def unsubscribe(token):
    """Forget the address with this token (its deliveries go with it)."""
    Subscriber.objects.filter(token=token).delete()


def purge_unconfirmed(days=None, now=None):
    """Delete the addresses never confirmed within ``days``; how many."""
    days = app_settings.unconfirmed_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    _total, by_model = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return by_model.get(Subscriber._meta.label, 0)
