"""Development: `make run`. DEBUG on, console e-mail, plain HTTP."""

from .base import *  # noqa: F403

SECURE_SSL_REDIRECT = False
# Django serves uploaded media in development.
SERVE_MEDIA = True
# Background tasks (PDF editions) run at once, after the publish commits, in the
# process that published: no `manage.py db_worker` needed in development.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
