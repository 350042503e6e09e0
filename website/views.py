"""Views of the public sites that are not Wagtail pages, and Wagtail's
password forms with wrong passwords limited."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtaildocs_views

from website import ratelimit
from website.i18n import home_in_language, preferred_languages


def root_redirect(request):
    """``/``: the site's home page in the first of the visitor's languages
    (``preferred_languages``: theirs when the site has it, then the site's in
    its order) in which the home page is published."""
    candidates = preferred_languages(request)
    language_code = next(
        (code for code in candidates if home_in_language(request, code) is not None),
        candidates[0] if candidates else settings.LANGUAGE_CODE,
    )
    with translation.override(language_code):
        url = reverse("wagtail_serve", args=[""])
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    response = HttpResponseRedirect(url)
    # The answer depends on the visitor's language: caches must keep them apart.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


# --- Passwords of protected pages and document collections -------------------
# Wagtail's forms check a password as often as they are sent one. These views
# wrap them (website/urls.py routes the forms' addresses here first) and limit
# wrong passwords as django-axes limits log-ins: after AXES_FAILURE_LIMIT from
# one address for one restriction within AXES_COOLOFF_TIME, the form answers
# 429 without checking the password, and each refused attempt starts the wait
# again. Counted in the database (website/ratelimit.py), for every worker.


def _limit_wrong_passwords(request, action, restriction_id, check_password):
    if request.method != "POST":
        return check_password()
    attempt = ratelimit.take(
        action,
        ratelimit.client_key(request, restriction_id),
        settings.AXES_FAILURE_LIMIT,
        settings.AXES_COOLOFF_TIME,
        refusal_restarts_wait=True,
    )
    if attempt is None:
        return _too_many_wrong_passwords(request)
    response = check_password()
    # The right password redirects to the page; a wrong one shows the form again.
    if response.status_code in (301, 302, 303):
        attempt.delete()
    return response


def _too_many_wrong_passwords(request):
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request, "website/password_locked.html", {"minutes": seconds // 60}, status=429
    )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a protected page, with wrong passwords limited."""
    return _limit_wrong_passwords(
        request,
        "wagtail:page-password",
        page_view_restriction_id,
        lambda: wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        ),
    )


def authenticate_with_document_password(request, restriction_id):
    """Wagtail's password form of a protected document collection, with wrong
    passwords limited."""
    return _limit_wrong_passwords(
        request,
        "wagtail:collection-password",
        restriction_id,
        lambda: wagtaildocs_views.authenticate_with_password(request, restriction_id),
    )
