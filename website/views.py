"""Views of the public sites that are not Wagtail pages."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from website.i18n import home_in_language


def root_redirect(request):
    """``/``: the site's home page in the visitor's language (cookie, then
    Accept-Language) when the home page is published in it, else in English."""
    language_code = translation.get_language_from_request(request)
    if language_code != settings.LANGUAGE_CODE and home_in_language(request, language_code) is None:
        language_code = settings.LANGUAGE_CODE
    with translation.override(language_code):
        url = reverse("wagtail_serve", args=[""])
    if request.META.get("QUERY_STRING"):
        url = f"{url}?{request.META['QUERY_STRING']}"
    response = HttpResponseRedirect(url)
    # The answer depends on the visitor's language: caches must keep them apart.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
