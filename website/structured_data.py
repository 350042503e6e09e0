"""What search engines and link previews read about a page besides its HTML:
the share image, the story's date, and schema.org JSON-LD.

- ``share_image(page)``: the picture that represents a page (a story's lead
  image, a report issue's cover, a gallery's first photo) with its alt text.
- ``absolute_url(page, url, request)``: a path made absolute on the page's own
  site, the origin of its canonical URL.
- ``published_at(story)``: the moment a story is dated, for feeds and JSON-LD.
- ``news_article(story, request)``: a ``NewsArticle`` for a story.
- ``publication(page, request)``: a ``Book``, ``Report`` or
  ``DigitalDocument`` for a publication, ``inLanguage`` per file.
- ``contact_organization(page, request)``: an ``Organization`` with a
  ``ContactPoint`` per hotline, emergency number and e-mail, for a mission's
  contact page.
- ``for_page(page, request)`` picks the right one (or none) and
  ``json_ld_script(data)`` renders it.

JSON-LD is a data block (``<script type="application/ld+json">``): browsers
never run it, so the Content-Security-Policy (``script-src 'self'`` plus a
nonce, website/middleware.py) does not apply to it and it needs no nonce. It
gets none on purpose: a nonce in the response keeps a page out of the page
cache (website/cache_middleware.py). Its text is escaped like Django's
``json_script`` (``<``, ``>`` and ``&`` as ``\\u003C``…), so no value can close the
script element.
"""

import datetime
import json
import re
from urllib.parse import urljoin

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from website.sites import home_page_for, home_pages, home_path, locale_ids

# The share image: 1.91:1, the size Facebook, LinkedIn and X show large.
SHARE_IMAGE_FILTER = "fill-1200x630-c50"
# Google shows headlines up to this length.
MAX_HEADLINE_LENGTH = 110
SCHEMA_CONTEXT = "https://schema.org"

_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


# --- Building blocks --------------------------------------------------------------------


def site_root_url(page, request=None):
    """The root URL (scheme, host and port) of the page's site, or None."""
    parts = page.get_url_parts(request)
    return parts[1] if parts else None


def absolute_url(page, url, request=None):
    """``url`` (a path, or already absolute: a CDN or S3) made absolute on the
    site of ``page``."""
    if not url:
        return ""
    root = site_root_url(page, request)
    if root is None and request is not None:
        return request.build_absolute_uri(url)
    return urljoin(f"{root}/", url) if root else url


def share_image(page, request=None):
    """(image, alt text) of the picture that represents ``page``, or (None, "");
    kept on the page for the rest of the request."""
    if "_share_image" not in page.__dict__:
        page.__dict__["_share_image"] = _find_share_image(page, request)
    return page.__dict__["_share_image"]


def _is_preview(request):
    return (
        request is None
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
    )


def _find_share_image(page, request):
    """A page type tells its picture with ``share_picture()``: (image, alt)."""
    picture = getattr(page, "share_picture", None)
    image, alt = picture() if picture is not None else (None, "")
    usable = getattr(image, "is_public_usable", None)
    if usable is not None and not usable():  # expired or sensitive: not shared
        return None, ""
    return image, alt


def has_share_image(page, request=None):
    """Whether ``page`` has a share image."""
    return share_image(page, request)[0] is not None


def share_rendition(page, request=None):
    """(rendition, alt text) of the share image, or (None, "")."""
    image, alt = share_image(page, request)
    if image is None:
        return None, ""
    # get_renditions, not get_rendition: a rendition found among those
    # already read (newsroom.cards.fetch_renditions) is not written back to
    # the renditions' cache (with Redis, a round trip on every render).
    return image.get_renditions(SHARE_IMAGE_FILTER)[SHARE_IMAGE_FILTER], alt


def image_object(page, image, rendition, request=None):
    """The share picture as a schema.org ImageObject with its credit, copyright
    notice and licence (the image's own fields); its address alone when it has
    none of them."""
    url = absolute_url(page, rendition.url, request)
    rights = {
        "creditText": getattr(image, "credit", ""),
        "copyrightNotice": getattr(image, "rights", ""),
        "license": getattr(image, "licence_url", ""),
    }
    rights = {key: value for key, value in rights.items() if value}
    if not rights:
        return url
    return {"@type": "ImageObject", "url": url, "contentUrl": url, **rights}


def published_at(story):
    """The moment a story is dated: its first publication when that fell on
    the story's date (in the site's time zone), else the start of that day."""
    first = story.first_published_at
    if first is not None and timezone.localtime(first).date() == story.date:
        return first
    return timezone.make_aware(datetime.datetime.combine(story.date, datetime.time()))


def modified_at(page):
    """When the live version of a page was published."""
    return page.last_published_at or page.latest_revision_created_at or page.first_published_at


def _home_of(page):
    return home_page_for(page)


def language_of(page):
    """The language code of a page's locale (from the request's frame: no
    query)."""
    codes = {pk: code for code, pk in locale_ids().items()}
    return codes.get(page.locale_id) or page.locale.language_code


def mission_of(page):
    """The MissionHomePage above a page, or None."""
    from missions.models import MissionHomePage

    return MissionHomePage.objects.filter(path=home_path(page)).first()


def organization(home, request=None):
    """A home page (regional or mission) as a schema.org Organization."""
    if home is None:
        return None
    data = {"@type": "Organization", "name": home.title}
    url = home.get_full_url(request)
    if url:
        data["url"] = url
    return data


def regional_home(locale_id):
    """The regional home page in ``locale_id``, else in any language."""
    regional = [home for home in home_pages().values() if home.is_regional]
    localized = [home for home in regional if home.locale_id == locale_id and home.live]
    return (localized or [home for home in regional if home.live] or [None])[0]


# --- NewsArticle --------------------------------------------------------------------------


def news_article(story, request=None):
    """A schema.org NewsArticle for a story."""
    url = story.get_full_url(request)
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "NewsArticle",
        "headline": Truncator(story.title).chars(MAX_HEADLINE_LENGTH),
        "description": story.summary,
        "datePublished": published_at(story),
        "dateModified": modified_at(story) or published_at(story),
        "inLanguage": language_of(story),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
    }
    rendition, _alt = share_rendition(story, request)
    if rendition is not None:
        data["image"] = [image_object(story, share_image(story, request)[0], rendition, request)]
    author = organization(_home_of(story), request)
    if author is not None:
        data["author"] = author
    publisher = organization(regional_home(story.locale_id), request) or author
    if publisher is not None:
        data["publisher"] = publisher
    return data


# --- Publications -------------------------------------------------------------------------


def publication(page, request=None):
    """A publication as a schema.org ``Book`` (handbooks, guides), ``Report``
    or ``DigitalDocument``: ``inLanguage`` lists its files' languages, and
    each file is an ``encoding`` (a PDF ``MediaObject``) with its own
    ``inLanguage``. The files are those the page showed (no query)."""
    url = page.get_full_url(request)
    files = page.shown_files()
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": page.schema_type,
        "name": page.title,
        "headline": Truncator(page.title).chars(MAX_HEADLINE_LENGTH),
        "description": page.summary,
        "datePublished": page.date,
        "dateModified": modified_at(page) or published_at(page),
        "inLanguage": list(dict.fromkeys(file.language for file in files)),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "encoding": [
            {
                "@type": "MediaObject",
                "name": f"{page.title} ({file.language})",
                "contentUrl": absolute_url(page, file.url, request),
                "encodingFormat": "application/pdf",
                "inLanguage": file.language,
                **({"contentSize": f"{file.file_size} B"} if file.file_size else {}),
            }
            for file in files
        ],
    }
    pages = [file.page_count for file in files if file.page_count]
    if page.schema_type == "Book" and pages:
        data["numberOfPages"] = max(pages)
    rendition, _alt = share_rendition(page, request)
    if rendition is not None:
        data["image"] = [absolute_url(page, rendition.url, request)]
    author = organization(_home_of(page), request)
    if author is not None:
        data["author"] = author
    publisher = organization(regional_home(page.locale_id), request) or author
    if publisher is not None:
        data["publisher"] = publisher
    return data


# --- Organization with its contact points -------------------------------------------------


def _languages(text):
    return [part.strip() for part in re.split(r"[,;/]", text or "") if part.strip()]


def contact_organization(page, request=None):
    """A mission's contact page as a schema.org Organization (the mission)
    with a ContactPoint for each hotline, emergency number and e-mail, and its
    offices as PostalAddresses."""
    if hasattr(page, "mission_country"):  # fetched with the page when served
        country, spoken = page.mission_country, page.mission_languages
        # The mission's home page, from the request's frame (a plain Page).
        mission = _home_of(page) if country is not None else None
    else:
        mission = mission_of(page)
        country = mission.country if mission is not None else ""
        spoken = mission.languages_spoken if mission is not None else ""
    country, spoken = country or "", spoken or ""
    languages = _languages(spoken)

    def contact_point(contact_type, **values):
        point = {"@type": "ContactPoint", "contactType": contact_type, **values}
        if country:
            point["areaServed"] = country
        if languages:
            point["availableLanguage"] = languages
        return point

    points = []
    for block in page.hotlines:
        extra = {"contactOption": "TollFree"} if block.value.get("toll_free") else {}
        points.append(
            contact_point(block.value["label"], telephone=block.value["number"].strip(), **extra)
        )
    for block in page.emergency_numbers:
        points.append(contact_point(block.value["label"], telephone=block.value["number"].strip()))
    for block in page.emails:
        points.append(contact_point(block.value["label"], email=block.value["email"]))

    data = {
        "@context": SCHEMA_CONTEXT,
        **(organization(mission, request) or {"@type": "Organization", "name": page.title}),
        "contactPoint": points,
    }
    addresses = [
        {
            "@type": "PostalAddress",
            "name": block.value["name"],
            "streetAddress": block.value["address"],
            "addressLocality": block.value["city"],
            **({"addressCountry": country} if country else {}),
        }
        for block in page.offices
    ]
    if addresses:
        data["address"] = addresses
    same_as = [block.value["url"] for block in page.social_links if block.value.get("url")]
    if same_as:
        data["sameAs"] = same_as
    parent = organization(regional_home(page.locale_id), request)
    if parent is not None:
        data["parentOrganization"] = parent
    return data


# --- Rendering ------------------------------------------------------------------------------


def for_page(page, request=None):
    """The JSON-LD of a page, or None for pages that have none."""
    from missions.models import MissionContactPage
    from newsroom.models import NewsItemPage, PublicationPage

    if isinstance(page, NewsItemPage):
        return news_article(page, request)
    if isinstance(page, PublicationPage):
        return publication(page, request)
    if isinstance(page, MissionContactPage):
        return contact_organization(page, request)
    return None


def json_ld_script(data):
    """``<script type="application/ld+json">`` holding ``data``, escaped so
    that no value can end the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )
