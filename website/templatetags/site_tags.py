"""Template tags of the public site: the site's root, navigation, translations,
footer, story cards and small filters.

Each tag does a fixed, small number of queries, however many items it shows,
and caches per-request lookups on the request. None of them creates or saves
anything while a page renders.
"""

from html import unescape

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Prefetch
from django.db.models.functions import Substr
from django.urls import translate_url
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.images.templatetags import wagtailimages_tags
from wagtail.models import Page, PageViewRestriction

from missions.models import contact_page_of, contact_pages, mission_contact_pages
from newsroom import cards
from newsroom.listings import fetch_renditions as fetch_story_renditions
from newsroom.listings import localize_topics
from newsroom.models import GalleryPhoto, PhotoGalleryPage, ReportIssuePage
from website import blocks as website_blocks
from website.cache import data_cache_enabled, memoized, memoized_for_request
from website.models import SiteSettings
from website.sites import (
    HOME_PATH_LENGTH,
    get_site_root,
    home_page_for,
    locale_ids,
    public_q,
    with_homes,
)

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
SOCIAL_LABELS = dict(website_blocks.SocialLinkBlock.base_blocks["platform"].field.choices)


# --- Images: Wagtail's tags, with their filters parsed once -------------------------
#
# Wagtail's {% image %}, {% srcset_image %} and {% picture %} build new Filter
# objects at every render, and parsing a filter's operations costs about a
# millisecond (inspect.getcallargs): 40 ms for a page of twelve story cards with
# six renditions each. {% site_image %}, {% site_srcset_image %} and
# {% site_picture %} take the same arguments and make the same HTML, with the
# filters kept on the compiled template's node. Wagtail's own tags keep their
# names and behaviour.


class _ImageNode(wagtailimages_tags.ImageNode):
    def get_filter(self):
        if "_filter" not in self.__dict__:
            self._filter = super().get_filter()
        return self._filter


class _SrcsetImageNode(wagtailimages_tags.SrcsetImageNode):
    def get_filters(self):
        if "_filters" not in self.__dict__:
            self._filters = super().get_filters()
        return self._filters


class _PictureNode(wagtailimages_tags.PictureNode):
    def get_filters(self):
        if "_filters" not in self.__dict__:
            self._filters = super().get_filters()
        return self._filters


# Our tag's name, and the Wagtail tag it parses like.
WAGTAIL_IMAGE_TAGS = {
    "site_image": "image",
    "site_srcset_image": "srcset_image",
    "site_picture": "picture",
}


def _image_tag(parser, token):
    name, _space, arguments = token.contents.partition(" ")
    wagtail_token = template.base.Token(
        token.token_type,
        f"{WAGTAIL_IMAGE_TAGS[name]} {arguments}",
        token.position,
        token.lineno,
    )
    node = wagtailimages_tags.image(parser, wagtail_token)
    # The most specific class first: PictureNode is a SrcsetImageNode, which
    # is an ImageNode.
    for wagtail_class, cached_class in (
        (wagtailimages_tags.PictureNode, _PictureNode),
        (wagtailimages_tags.SrcsetImageNode, _SrcsetImageNode),
        (wagtailimages_tags.ImageNode, _ImageNode),
    ):
        if isinstance(node, wagtail_class):
            return cached_class(
                node.image_expr,
                node.filter_specs,
                output_var_name=node.output_var_name,
                attrs=node.attrs,
            )
    return node


for _name in WAGTAIL_IMAGE_TAGS:
    register.tag(_name, _image_tag)


# --- Fragments kept per content generation ------------------------------------------


class GenerationCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on, only_if=None):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.only_if = only_if

    def render(self, context):

        if not data_cache_enabled() or (
            self.only_if is not None and not self.only_if.resolve(context)
        ):
            return self.nodelist.render(context)
        key = ("fragment", self.name, *(str(value.resolve(context)) for value in self.vary_on))
        return mark_safe(
            memoized_for_request(
                context.get("request"), key, lambda: str(self.nodelist.render(context))
            )
        )


@register.tag
def generation_cache(parser, token):
    """{% generation_cache "name" value … %}…{% endgeneration_cache %}: the
    enclosed HTML rendered once per content generation (website/cache.py), site,
    language and the given values. Like Wagtail's {% wagtailcache %}, but made
    stale by any change readers could see, not by a timeout; never used for
    previews, and off when the page cache is off. A last argument
    ``only_if=value`` keeps the HTML only when the value is true (e.g. a key
    that only some lists have)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("generation_cache needs a fragment name")
    only_if = None
    if bits[-1].startswith("only_if="):
        only_if = parser.compile_filter(bits.pop()[len("only_if=") :])
    nodelist = parser.parse(("endgeneration_cache",))
    parser.delete_first_token()
    return GenerationCacheNode(
        nodelist,
        bits[1].strip("\"'"),
        [parser.compile_filter(bit) for bit in bits[2:]],
        only_if,
    )


# --- Filters --------------------------------------------------------------------


@register.filter
def tel_href(number):
    """The number of a tel: link: only digits and a leading +."""
    return website_blocks.tel_href(str(number) if number is not None else "")


@register.filter
def social_label(platform):
    """The display name of a social network key ('x' gives 'X (Twitter)')."""
    return SOCIAL_LABELS.get(platform, platform)


@register.simple_tag(takes_context=True)
def site_root(context):
    """{% site_root as site_root %}: .name, .root (the localized home page), .site."""
    return get_site_root(context.get("request"))


# --- Navigation -----------------------------------------------------------------


@register.inclusion_tag("components/primary_nav.html", takes_context=True)
def primary_nav(context):
    """The home page's live, public children in tree (menu) order: those marked
    "show in menus" when any is, all of them otherwise."""
    request = context.get("request")
    root = get_site_root(request).root
    items = []
    if root is not None:
        children = memoized(
            ("site-tags", "nav", root.pk),
            lambda: list(root.get_children().live().filter(public_q()).order_by("path")),
        )
        in_menu = [child for child in children if child.show_in_menus]
        items = in_menu or children
    current = context.get("page")
    current_path = getattr(current, "path", "")
    return {
        "request": request,
        "root": root,
        "items": [
            {
                "page": item,
                "current": current_path == item.path,
                "ancestor": current_path.startswith(item.path) and current_path != item.path,
            }
            for item in items
        ],
    }


# --- Translations: language switcher and hreflang -----------------------------------


def readable_translations(page):
    """The translations of a page (itself included) that a visitor can read,
    with their locales, in one query: live, not in a private section, and
    below a live home page in their language (without one, Wagtail routes
    the language's addresses through the English tree and the page's
    address gives a 404)."""
    in_private_section = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    live_home = Page.objects.filter(path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH), live=True)
    return (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .filter(Exists(live_home))
        .exclude(Exists(in_private_section))
        .select_related("locale")
    )


def _translation_item(code, url, full_url, current):
    return {
        "code": code,
        "name": LANGUAGE_NAMES.get(code, code),
        "url": url,
        "full_url": full_url,
        "current": current,
    }


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """The languages this page can be read in, in settings.LANGUAGES order.

    Each item has code, name (the language's own name), url, full_url and
    current. A page gives its readable translations (``readable_translations``,
    one query; the addresses come from the sites' root paths, cached). A view
    without a page (search) gives the same view in each language the site's
    home page is published in; an error page (no view, or a page that was not
    found) gives nothing. Fewer than two items means there is nothing to switch
    to.
    """
    request = context.get("request")
    current_language = translation.get_language()
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    items = []
    if isinstance(page, Page) and page.pk:
        items = _page_translation_items(page, request)
    elif request is not None and not page and _is_view_without_page(request):
        query = request.GET.urlencode()
        for root in get_site_root(request).translations:
            code = root.locale.language_code
            path = translate_url(request.path, code)
            if query:
                path = f"{path}?{query}"
            items.append(
                _translation_item(
                    code, path, request.build_absolute_uri(path), code == current_language
                )
            )
    items.sort(key=lambda item: order.get(item["code"], len(order)))
    return items


def _page_translation_items(page, request):
    """The items of ``page_translations`` for a page, kept for the content
    generation per page and site (addresses are relative on the page's own
    site). The items are shared: copies are returned."""

    def load():
        items = []
        for item in readable_translations(page):
            url = item.get_url(request)
            if url is None:
                continue
            code = item.locale.language_code
            items.append(
                _translation_item(code, url, item.get_full_url(request), item.pk == page.pk)
            )
        return items

    kept = memoized_for_request(request, ("page-translations", page.pk), load)
    return [dict(item) for item in kept]


def _is_view_without_page(request):
    """Whether the request was answered by a view of ours (search), not by an
    error page."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.simple_tag
def x_default(translations):
    """The translation in the default language (English), for hreflang x-default."""
    for item in translations:
        if item["code"] == settings.LANGUAGE_CODE:
            return item
    return None


# --- Footer ------------------------------------------------------------------------


def site_contact_pages(site_root):
    """The contact pages the footer shows: a mission's own, or every mission's."""
    root = site_root.root
    if root is None:
        return []
    if site_root.is_mission:
        page = contact_page_of(root)
        return [page] if page is not None else []
    locale_id = locale_ids().get(translation.get_language())
    return contact_pages(locale_id) if locale_id is not None else mission_contact_pages()


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    """Footer text (localized), the site's hotlines and e-mails, social links."""

    request = context.get("request")
    site_root_ = get_site_root(request)
    footer_text = None
    social_links = []
    contacts = []
    if site_root_.site is not None:

        def load():
            footer_text = None
            social_links = []
            site_settings = (
                SiteSettings.objects.filter(site=site_root_.site)
                .select_related("footer_text")
                .first()
            )
            if site_settings is not None:
                social_links = site_settings.social_links
                if site_settings.footer_text is not None:
                    footer_text = site_settings.footer_text.localized
            return footer_text, social_links, with_homes(site_contact_pages(site_root_))

        # Kept per content generation and language (website/cache.py).
        footer_text, social_links, contacts = memoized(
            ("site-tags", "footer", site_root_.site.pk, translation.get_language()), load
        )
    return {
        "request": request,
        "site_root": site_root_,
        "footer_text": footer_text,
        "social_links": social_links,
        "contacts": contacts,
        "regional": site_root_.root is not None and not site_root_.is_mission,
    }


# --- Story lists ------------------------------------------------------------------


@register.simple_tag
def story_cards(stories, localize=True):
    """{% story_cards stories as cards %}: [(story, home page or None)] ready
    for cards (newsroom.cards.story_cards)."""
    return cards.story_cards(stories, localize)


@register.simple_tag
def report_sections(sections):
    """{% report_sections page.sections as sections %}: [(block, cards)]
    (newsroom.cards.report_sections)."""
    return cards.report_sections(sections)


@register.simple_tag
def fetch_lead_image(page):
    """{% fetch_lead_image page as image %}: a story's lead image with its
    renditions (NewsItemPage.fetch_lead_image), or None."""
    fetch = getattr(page, "fetch_lead_image", None)
    return fetch() if fetch is not None else None


@register.simple_tag
def fetch_renditions(story):
    """{% fetch_renditions story %}: the renditions of the lead images of the
    list ``story`` came in (newsroom.listings.StoryList), fetched at once when
    the first card that shows one is rendered. Outputs nothing."""
    fetch_story_renditions(story)
    return ""


@register.simple_tag
def pages_with_homes(pages):
    """[(page, home page)] for any pages, e.g. contact pages with their mission."""
    return with_homes(cards.unwrap(pages))


@register.simple_tag
def page_home(page):
    """The home page (mission or regional) a page belongs to; kept per content
    generation (website.sites.home_pages)."""
    if not isinstance(page, Page) or not page.path:
        return None
    return home_page_for(page)


@register.simple_tag
def story_topics(story):
    """A story's topics in the active language: [(topic, slug to filter by)].

    Stories are tagged with topics of the source language; the reader sees each
    topic's translation where there is one. The filter slug is the source
    topic's, the one the story is tagged with. One query (none when the
    story's topics are prefetched); the translations are kept per generation.
    """

    topics = list(story.topics.all()) if getattr(story, "pk", None) else []
    if not topics:
        return []
    locale_id = locale_ids().get(translation.get_language())
    return list(
        zip(localize_topics(topics, locale_id), [topic.slug for topic in topics], strict=True)
    )


@register.simple_tag
def gallery_photos(page):
    """A gallery's photos in order, with their images and renditions: three queries."""
    if not getattr(page, "pk", None):
        return []
    return list(page.photos.all().select_related("image").prefetch_related("image__renditions"))


@register.simple_tag
def report_issues(series):
    """The live issues of a report series, newest first, with their covers."""

    if not isinstance(series, Page) or not series.pk:
        return []
    return list(
        ReportIssuePage.objects.child_of(series)
        .live()
        .filter(public_q())
        .select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .order_by("-publication_date", "-issue_number")
    )


@register.simple_tag
def galleries(index):
    """The live galleries under a gallery index, newest first, each with its
    photos (for the cover and the count) prefetched: four queries."""

    if not isinstance(index, Page) or not index.pk:
        return []
    photos = GalleryPhoto.objects.select_related("image").prefetch_related("image__renditions")
    return list(
        PhotoGalleryPage.objects.child_of(index)
        .live()
        .filter(public_q())
        .prefetch_related(Prefetch("photos", queryset=photos))
        .order_by("-date", "-path")
    )


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with … for gaps."""
    paginator = getattr(page_obj, "paginator", None)
    if paginator is None:
        return []
    return list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    )


@register.simple_tag
def child_page(page, model_label):
    """The first live, public child of a page of the given type
    ("newsroom.NewsIndexPage"), e.g. to link a home page to its newsroom."""
    if not isinstance(page, Page) or not page.pk:
        return None

    model = apps.get_model(model_label)
    return memoized(
        ("site-tags", "child-page", page.pk, model_label),
        lambda: page.get_children().live().filter(public_q()).type(model).order_by("path").first(),
    )


@register.filter
def plain_text(html):
    """Rich text as plain text (tags removed, entities decoded), to be escaped again."""
    return unescape(strip_tags(str(html or "")))
