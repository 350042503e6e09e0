"""Log records carry the id of the request they were written for.

``website.middleware.RequestIDMiddleware`` gives each request an id
(``request.id``) and sets ``request_id_var`` while the request goes through the
middleware and the view. ``RequestIDFilter`` puts it on every record as
``record.request_id``, so a formatter can print it with ``%(request_id)s``:
the id of the record's own request when the record carries one (Django's
"django.request" lines about 4xx and 5xx responses are written after the
middleware has returned), else the current request's, else "-" (start-up,
management commands).
"""

import contextvars
import logging

request_id_var = contextvars.ContextVar("request_id", default="-")


class RequestIDFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            request_id = getattr(getattr(record, "request", None), "id", None)
            record.request_id = request_id if isinstance(request_id, str) else request_id_var.get()
        return True
