"""Background work: confirmation e-mails and sending an issue to subscribers.

Run by the django-tasks backend of the TASKS setting (a worker process in
production), never in a visitor's request.
"""

import logging
import smtplib

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from subscriptions import links
from subscriptions import settings as app_settings
from subscriptions.edition import EmailEdition, from_email, site_name
from subscriptions.models import Delivery, Subscriber

logger = logging.getLogger(__name__)


@task()
def send_confirmation(subscriber_id):
    """E-mail the signed confirmation link to a new (or still pending) address."""
    subscriber = (
        Subscriber.objects.select_related("site__root_page")
        .filter(pk=subscriber_id, confirmed_at__isnull=True)
        .first()
    )
    if subscriber is None:  # confirmed or deleted meanwhile
        return False
    context = {
        "site_name": site_name(subscriber.site, subscriber.language),
        "confirm_url": links.confirm_url(subscriber),
        "unsubscribe_url": links.unsubscribe_url(subscriber),
        "days": app_settings.unconfirmed_days(),
    }
    with translation.override(subscriber.language):
        subject = render_to_string("subscriptions/email/confirm_subject.txt", context)
        body = render_to_string("subscriptions/email/confirm.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=body,
        from_email=from_email(),
        to=[subscriber.email],
        headers={"List-Unsubscribe": f"<{context['unsubscribe_url']}>"},
    )
    message.send()
    return True


def pending_subscribers(issue):
    """Confirmed subscribers of the issue's site and language who have no
    delivery of it yet (neither sent nor claimed by a send in progress)."""
    return (
        Subscriber.objects.for_issue(issue)
        .exclude(deliveries__issue=issue)
        .select_related("site")
        .order_by("pk")
    )


def _claim(issue, subscriber):
    """The delivery row for this subscriber, written before sending; None when
    another send has claimed it, or the subscriber left meanwhile."""
    try:
        with transaction.atomic():
            return Delivery.objects.create(issue=issue, subscriber=subscriber)
    except IntegrityError:
        return None


def deliver_issue(issue_id, batch_size=None):
    """Send the live issue to every confirmed subscriber of its site and
    language who has not had it; returns how many e-mails were sent.

    Resumable: a subscriber is claimed (a Delivery row, unique per issue and
    subscriber) before the e-mail goes out and marked sent after. Started
    again after a crash, it skips everyone who has a row. When the mail server
    refuses a message, the claim is released and the error raised, so the next
    send retries that subscriber; a refused recipient is recorded and skipped.
    A process killed between sending and marking leaves a claimed row that is
    never retried: nobody gets the issue twice.
    """
    from newsroom.models import ReportIssuePage

    issue = ReportIssuePage.objects.live().filter(pk=issue_id).first()
    if issue is None:
        logger.warning("Issue %s is not live: not sent", issue_id)
        return 0
    edition = EmailEdition(issue)
    batch_size = batch_size or app_settings.batch_size()
    sent = 0
    while True:
        batch = list(pending_subscribers(issue)[:batch_size])
        if not batch:
            break
        with get_connection() as connection:
            for subscriber in batch:
                delivery = _claim(issue, subscriber)
                if delivery is None:
                    continue
                try:
                    edition.message(subscriber, connection=connection).send()
                except smtplib.SMTPRecipientsRefused as error:
                    Delivery.objects.filter(pk=delivery.pk).update(error=str(error)[:1000])
                    continue
                except Exception:
                    delivery.delete()
                    raise
                Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
                sent += 1
    logger.info("Issue %s sent to %s subscribers", issue_id, sent)
    return sent


@task()
def send_issue(issue_id):
    """Background task: ``deliver_issue``."""
    return deliver_issue(issue_id)
