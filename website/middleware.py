"""Project middleware: a request id on every request and its log lines, the
Content-Security-Policy (one policy for the public sites, a looser one for the
Wagtail admin), the Permissions-Policy header, and the client's address as
seen through the proxies we trust."""

import ipaddress
import re
import uuid

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

from website.logging import request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy is kept only when it is short and plain: it goes into
# log lines and a response header, so it must not carry anything else.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestIDMiddleware:
    """Give each request an id: the proxy's X-Request-ID when it is a plain
    token, a new one otherwise. The id is ``request.id``, it is attached to
    every log record of the request (``website.logging.RequestIDFilter``) and
    it is returned in the X-Request-ID response header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


def is_admin_path(path):
    return path.startswith(settings.CSP_ADMIN_URL_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``CONTENT_SECURITY_POLICY_ADMIN`` instead
    of ``CONTENT_SECURITY_POLICY`` for the Wagtail admin, whose templates and
    widgets still use inline scripts and styles. The public sites keep the
    strict policy, except that the server error page (templates/500.html: a
    standalone page with its CSS inline, rendered without the request's
    data) may use inline styles."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if response.status_code == 500 and not is_admin_path(request.path_info):
            parts.update = {**(parts.update or {}), "style-src": [UNSAFE_INLINE]}
            return parts
        if not is_admin_path(request.path_info):
            return parts
        admin_policy = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
        if not admin_policy:
            return parts
        # No nonce: a nonce in a directive makes browsers ignore 'unsafe-inline'.
        return PolicyParts(
            config=default_config(admin_policy["DIRECTIVES"]),
            update=parts.update,
            replace=parts.replace,
            nonce=None,
        )


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` built from the ``PERMISSIONS_POLICY`` setting:
    a mapping of feature to the origins allowed to use it (an empty list
    disables the feature everywhere, iframes included)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = self.build(getattr(settings, "PERMISSIONS_POLICY", {}))

    @staticmethod
    def build(policy):
        def allowlist(origins):
            return "(" + " ".join(origins) + ")"

        return ", ".join(f"{feature}={allowlist(origins)}" for feature, origins in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.header
        return response


def client_ip(request):
    """The client's address. Each of the ``TRUSTED_PROXY_COUNT`` proxies in
    front of gunicorn appends the address it received the request from to
    X-Forwarded-For, so the entry that many places from the right is the one
    our outermost proxy saw; anything left of it was written by the client and
    is not trusted. Without the header, with no trusted proxy, or when that
    entry is not an IP address, REMOTE_ADDR. With the default of no trusted
    proxy the header, which any client can write, is ignored. Used by
    django-axes (``AXES_CLIENT_IP_CALLABLE``), which stores it in an IP
    address column, and by the limits per client (website/ratelimit.py)."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote_addr
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if not addresses:
        return remote_addr
    # With fewer entries than proxies, the left-most is the best we have.
    candidate = addresses[-min(proxies, len(addresses))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
