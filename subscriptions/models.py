"""Subscribers of a site's e-mail edition, and the issues sent to them."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_issue(self, issue):
        """Confirmed subscribers of the issue's site in the issue's language."""
        return self.confirmed().filter(site=issue.get_site(), language=issue.locale.language_code)


class Subscriber(models.Model):
    """An address that signed up on a site, in a language (double opt-in:
    nothing is sent to it but the confirmation link until ``confirmed_at``)."""

    email = models.EmailField(_("e-mail address"), max_length=254)
    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="subscribers",
        verbose_name=_("site"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # Secret of the signed confirmation and unsubscribe links.
    token = models.CharField(
        max_length=64,
        unique=True,
        default=new_token,
        editable=False,
        verbose_name=_("token"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("confirmation sent at"),
    )
    created_at = models.DateTimeField(_("signed up at"), auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "site", "language"], name="subscriber_unique_per_site_language"
            )
        ]
        indexes = [models.Index(fields=["site", "language", "confirmed_at"])]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @staticmethod
    def normalize_email(email):
        return email.strip().lower()


class Delivery(models.Model):
    """One issue sent to one subscriber. The row is written (claimed) before the
    e-mail is sent and marked sent after, and there is one per issue and
    subscriber, so a send that is interrupted and started again, or two sends
    running at once, never send anyone the same issue twice."""

    issue = models.ForeignKey(
        "newsroom.ReportIssuePage",
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("issue"),
    )
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    claimed_at = models.DateTimeField(
        auto_now_add=True,
        verbose_name=_("claimed at"),
    )
    sent_at = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name=_("sent at"),
    )
    error = models.TextField(
        blank=True,
        verbose_name=_("error"),
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="delivery_once_per_issue")
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id}"
