"""Template tags of the page head: feed links, link-preview (Open Graph and
X/Twitter) tags and schema.org JSON-LD. See website/feeds.py and
website/structured_data.py."""

from django import template
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from website import structured_data
from website.feeds import feed_links as site_feed_links
from website.feeds import publication_feed_links

register = template.Library()

# Open Graph wants language_TERRITORY: the country where the language is at home.
OG_LOCALES = {
    "en": "en_GB",
    "ru": "ru_RU",
    "kk": "kk_KZ",
    "ky": "ky_KG",
    "tg": "tg_TJ",
    "tk": "tk_TM",
    "uz": "uz_UZ",
}


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code.replace("-", "_"))


@register.simple_tag(takes_context=True)
def feed_links(context, page=None):
    """``<link rel="alternate">`` for the site's RSS and Atom feeds in the
    active language, a topic's on a news index filtered by it, and the
    publications' on pages that set ``publication_feeds`` (their index)."""
    request = context.get("request")
    if request is None:
        return ""
    links = site_feed_links(request, context.get("feed_topic"))
    if context.get("publication_feeds"):
        links = [*links, *publication_feed_links(request, context["publication_feeds"])]
    return format_html_join(
        "\n    ",
        '<link rel="alternate" type="{}" title="{}" href="{}">',
        links,
    )


def _meta_tags(tags):
    return format_html_join("\n    ", '<meta property="{}" content="{}">', tags)


@register.simple_tag(takes_context=True)
def share_image_meta(context, page):
    """og:image (an absolute URL on the page's site, the origin of its
    canonical URL), its size and alt text: a story's lead image, a report
    issue's cover, a gallery's first photo. Nothing for other pages."""
    request = context.get("request")

    def render():
        rendition, alt = structured_data.share_rendition(page, request)
        if rendition is None:
            return ""
        url = structured_data.absolute_url(page, rendition.url, request)
        tags = [
            ("og:image", url),
            ("og:image:width", rendition.width),
            ("og:image:height", rendition.height),
        ]
        if alt:
            tags.append(("og:image:alt", alt))
        return str(_meta_tags(tags))

    return mark_safe(render())


@register.simple_tag(takes_context=True)
def share_meta(context, page, translations=()):
    """The link-preview tags besides the title, description, address and
    image: og:locale and its alternates (the page's other languages), a
    story's publication times, and the X/Twitter card (large with a share
    image)."""
    language = translation.get_language() or ""
    tags = [("og:locale", og_locale(language))]
    tags += [
        ("og:locale:alternate", og_locale(item["code"]))
        for item in translations
        if item["code"] != language
    ]
    from newsroom.models import NewsItemPage

    if isinstance(page, NewsItemPage):
        tags.append(("article:published_time", structured_data.published_at(page).isoformat()))
        modified = structured_data.modified_at(page)
        if modified is not None:
            tags.append(("article:modified_time", modified.isoformat()))
    has_image = structured_data.has_share_image(page, context.get("request"))
    card = "summary_large_image" if has_image else "summary"
    return _meta_tags(tags) + format_html('\n    <meta name="twitter:card" content="{}">', card)


@register.simple_tag(takes_context=True)
def structured_data_script(context, page):
    """The page's schema.org JSON-LD (a story's NewsArticle, a contact page's
    Organization), or nothing."""
    request = context.get("request")

    def render():
        data = structured_data.for_page(page, request)
        return str(structured_data.json_ld_script(data)) if data else ""

    return mark_safe(render())
