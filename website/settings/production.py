"""Production: secrets from the environment, TLS terminated by a proxy.

Refuses to start without SECRET_KEY and ALLOWED_HOSTS; with them,
`manage.py check --deploy` reports nothing.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for _required in ("SECRET_KEY", "ALLOWED_HOSTS"):
    if not os.environ.get(_required, "").strip():
        raise ImproperlyConfigured(
            f"{_required} must be set in the environment for production settings."
        )

# DEBUG is never on in production, whatever the environment says.
DEBUG = False

# The TLS proxy in front of gunicorn sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Load balancers and monitoring probe /healthz over plain HTTP from inside.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Compressed, content-hashed static files served by whitenoise, right after
# the security middleware.
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[: _security + 1],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_security + 1 :],  # noqa: F405
]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SILENCED_SYSTEM_CHECKS = [
    # X_FRAME_OPTIONS is SAMEORIGIN, not DENY: the admin's page preview is an
    # iframe on the same origin.
    "security.W019",
]

# Logs go to standard output, one line each, with the id of the request they
# belong to (X-Request-ID, see website.middleware.RequestIDMiddleware).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "website.logging.RequestIDFilter"},
    },
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s",
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},  # noqa: F405
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},  # noqa: F405
        # django-axes announces itself at every start; its failures and
        # lock-outs (axes.handlers) are still logged.
        "axes.apps": {"level": "WARNING"},
    },
}
