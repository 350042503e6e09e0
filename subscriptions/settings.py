"""The app's settings, each with its default (override them in website/settings)."""

from django.conf import settings


def unconfirmed_days():
    """Days an address that was never confirmed is kept (and its confirmation
    link stays valid) before ``purge_unconfirmed_subscribers`` deletes it."""
    return getattr(settings, "SUBSCRIPTIONS_UNCONFIRMED_DAYS", 7)


def batch_size():
    """E-mails sent over one SMTP connection before the next batch is read."""
    return getattr(settings, "SUBSCRIPTIONS_BATCH_SIZE", 100)


def rate_limit():
    """(submissions, seconds): sign-ups accepted from one address in that time."""
    return getattr(settings, "SUBSCRIPTIONS_RATE_LIMIT", (5, 3600))


def confirmation_resend_hours():
    """A pending address is sent a new confirmation link when it signs up
    again, at most once in this many hours."""
    return getattr(settings, "SUBSCRIPTIONS_CONFIRMATION_RESEND_HOURS", 24)
