"""The signed links of the e-mails: confirm a subscription, unsubscribe.

A link carries the subscriber's random token, signed with SECRET_KEY and a salt
per purpose, so an unsubscribe link cannot confirm and no link can be made up
or altered. Confirmation links expire with the unconfirmed address
(SUBSCRIPTIONS_UNCONFIRMED_DAYS); unsubscribe links never do. Rotating
SECRET_KEY invalidates the links already sent unless the old key is kept in
SECRET_KEY_FALLBACKS.
"""

import datetime
from urllib.parse import urljoin

from django.core import signing
from django.urls import reverse
from django.utils import translation

from subscriptions import settings as app_settings

CONFIRM_SALT = "subscriptions.confirm"
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


class InvalidLink(Exception):
    """The link was altered, made up, or has expired."""


def _sign(token, salt):
    return signing.dumps(token, salt=salt, compress=False)


def read_confirm_token(signed):
    try:
        return signing.loads(
            signed,
            salt=CONFIRM_SALT,
            max_age=datetime.timedelta(days=app_settings.unconfirmed_days()),
        )
    except signing.BadSignature as error:  # SignatureExpired is one
        raise InvalidLink from error


def read_unsubscribe_token(signed):
    try:
        return signing.loads(signed, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidLink from error


def _absolute(subscriber, view_name, signed):
    """The view's address on the subscriber's site, in the subscriber's language."""
    with translation.override(subscriber.language):
        path = reverse(view_name, kwargs={"signed": signed})
    return urljoin(subscriber.site.root_url + "/", path)


def confirm_url(subscriber):
    return _absolute(subscriber, "subscriptions:confirm", _sign(subscriber.token, CONFIRM_SALT))


def unsubscribe_url(subscriber):
    return _absolute(
        subscriber, "subscriptions:unsubscribe", _sign(subscriber.token, UNSUBSCRIBE_SALT)
    )
