"""The public pages: sign up, confirm, unsubscribe.

Never cached (``never_cache``: the full-page cache leaves responses with a
Cache-Control header alone, website/cache_middleware.py), as they carry a CSRF
token or act on a signed link.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Site

from subscriptions import links, ratelimit, signup
from subscriptions.edition import reports_site, site_name
from subscriptions.forms import SubscribeForm
from website.sites import site_languages


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def edition_language(site, language):
    """The language of the e-mail edition a reader in ``language`` signs up
    for: an edition exists in the languages of the reports' site only
    (``website.sites.site_languages``), so a reader of another language gets
    the one it falls back to (Kyrgyz: Russian), else the site's first."""
    languages = site_languages(site)
    fallback = getattr(settings, "TRANSLATION_FALLBACKS", {}).get(language)
    for code in (language, fallback):
        if code in languages:
            return code
    return languages[0]


def _invalid_link(request):
    return render(request, "subscriptions/invalid_link.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    site = reports_site(_site(request))
    language = translation.get_language()
    status = 200
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if not ratelimit.allow(request):
            form.is_valid()
            form.add_error(None, _too_many())
            status = 429
        elif form.is_valid():
            if not form.is_from_robot:
                signup.sign_up(form.cleaned_data["email"], site, edition_language(site, language))
            return redirect("subscriptions:check_inbox")
        else:
            status = 400
    else:
        form = SubscribeForm(initial={"email": request.GET.get("email", "")[:254]})
    return render(
        request,
        "subscriptions/subscribe.html",
        {"form": form, "site_name": site_name(site, language)},
        status=status,
    )


def _too_many():
    return gettext("Too many sign-ups from your connection. Please try again in an hour.")


@never_cache
@require_safe
def check_inbox(request):
    _site(request)
    return render(request, "subscriptions/check_inbox.html")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, signed):
    """The link in the confirmation e-mail opens a page with one button that
    confirms (a POST with the page's CSRF token): mail servers and link
    scanners open every link with a GET, and must not confirm an address
    nobody asked to subscribe."""
    try:
        token = links.read_confirm_token(signed)
    except links.InvalidLink:
        return _invalid_link(request)
    if request.method == "POST":
        subscriber, confirmed_now = signup.confirm(token)
    else:
        subscriber = signup.subscriber_of(token)
        confirmed_now = False
    if subscriber is None:
        return _invalid_link(request)
    name = site_name(subscriber.site, subscriber.language)
    if request.method != "POST" and not subscriber.is_confirmed:
        return render(
            request, "subscriptions/confirm.html", {"email": subscriber.email, "site_name": name}
        )
    return render(
        request,
        "subscriptions/confirmed.html",
        {
            "already_confirmed": not confirmed_now,
            "site_name": name,
            "unsubscribe_url": links.unsubscribe_url(subscriber),
        },
    )


@never_cache
@csrf_exempt  # mail programs' one-click unsubscribe POSTs here (RFC 8058)
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, signed):
    """The link in an e-mail opens a page with one button that unsubscribes
    (a POST: mail servers and link scanners that open every link with a GET
    must not unsubscribe anybody); mail programs' one-click unsubscribe POSTs
    here directly. The signed link is the proof, so no CSRF token is needed."""
    try:
        token = links.read_unsubscribe_token(signed)
    except links.InvalidLink:
        return _invalid_link(request)
    if request.method == "POST":
        signup.unsubscribe(token)
        return render(request, "subscriptions/unsubscribed.html")
    context = {}
    subscriber = signup.subscriber_of(token)
    if subscriber is not None:
        context = {
            "email": subscriber.email,
            "site_name": site_name(subscriber.site, subscriber.language),
        }
    return render(request, "subscriptions/unsubscribe.html", context)
