"""Tests: fast hashing, plain static storage, e-mail kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "newsroom-tests",
    }
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each search's query is counted at once (search/tasks.py).
SEARCH_QUERY_FLUSH_SECONDS = 0
WAGTAILADMIN_BASE_URL = "http://centralasia.localhost"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
# django-axes refuses authenticate() without a request, as Client.login()
# calls it; the tests of the log-in protection switch it on themselves.
AXES_ENABLED = False
