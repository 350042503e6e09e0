"""``/sitemap.xml`` and ``/robots.txt`` of each site (outside the language prefix).

The sitemap of a site lists every page a visitor can read on it, in every
language of the site (``website.sites.site_languages``): the live, public (no view restriction above it), unexpired pages
below each live translation of the site's home page. Pages of other sites,
drafts, private sections and expired pages are left out. A page with live
translations names them all (itself included) as
``<xhtml:link rel="alternate" hreflang>`` plus ``x-default`` (English), as the
pages' own ``<head>`` does.

Wagtail's sitemap (wagtail.contrib.sitemaps) lists the home page's tree in one
language only, the active one; this one walks every language's tree. The list
is computed once per content generation (website/cache.py) when the page cache
is on: a publish shows in it at once. (The page cache itself does not store
the response: Django varies addresses without a language prefix on
Accept-Language.)

robots.txt names the sitemap's absolute address and keeps crawlers out of the
admin and the search pages.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views
from wagtail.models import Page

from website.sites import site_languages

LANGUAGE_ORDER = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}


def readable_pages(site):
    """The pages of ``site`` a visitor can read, in every language of the
    site it is published in, in tree order, with their locales."""
    from newsroom.listings import public_q

    languages = site_languages(site)
    roots = (
        Page.objects.filter(locale__language_code__in=languages)
        .filter(
            Q(pk=site.root_page_id)
            | Q(
                translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                    "translation_key"
                )
            )
        )
        .filter(live=True)
    )
    under_roots = Q()
    for path in roots.values_list("path", flat=True):
        under_roots |= Q(path__startswith=path)
    if not under_roots:
        return Page.objects.none()
    return (
        Page.objects.live()
        .filter(under_roots)
        .filter(public_q())
        .filter(expired=False)
        .exclude(expire_at__lte=timezone.now())
        .select_related("locale")
        .order_by("path")
    )


def sitemap_entries(site, request=None):
    """The sitemap's entries of ``site``: dicts of location, lastmod and
    alternates (the page's translations in the sitemap, with x-default, when
    there is more than one)."""
    entries = []
    by_key = {}
    for page in readable_pages(site):
        url = page.get_full_url(request)
        if not url:
            continue
        entry = {
            "location": url,
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "alternates": [],
        }
        entries.append(entry)
        by_key.setdefault(page.translation_key, []).append((page.locale.language_code, entry))
    for group in by_key.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda item: LANGUAGE_ORDER.get(item[0], len(LANGUAGE_ORDER)))
        alternates = [{"lang_code": code, "location": entry["location"]} for code, entry in group]
        default = [item for item in alternates if item["lang_code"] == settings.LANGUAGE_CODE]
        if default:
            alternates.append({"lang_code": "x-default", "location": default[0]["location"]})
        for _code, entry in group:
            entry["alternates"] = alternates
    return entries


class NewsroomSitemap(Sitemap):
    """Every readable page of the request's site in every language."""

    def items(self):
        site = self.get_wagtail_site()
        return sitemap_entries(site, self.request)

    def location(self, entry):
        return entry["location"]

    def lastmod(self, entry):
        return entry["lastmod"]

    def _urls(self, page, protocol, domain):
        urls = list(self.paginator.page(page).object_list)
        last_mods = {entry["lastmod"] for entry in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


@require_safe
def sitemap(request):
    return wagtail_sitemap_views.sitemap(request, sitemaps={"pages": NewsroomSitemap})


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    """Crawlers: everything but the admin and search results; the sitemap."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
