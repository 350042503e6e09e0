"""Template tags of the public site: the site's root, navigation, translations,
footer, story cards, images and small filters.

The tags lay out what the page's ``get_context`` and the site's chrome
(website/chrome.py, ``site_chrome`` in every context) prepared: none of them
reads the database.
"""

from html import unescape

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.images.templatetags import wagtailimages_tags

from website import blocks as website_blocks
from website import dates
from website.cache import fragment, read_fragments
from website.chrome import chrome_of
from website.i18n import IN_LANGUAGE

register = template.Library()

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


class _UsableImageMixin:
    """An image that may no longer be on the public site (its usage expired,
    or it was marked sensitive: ``images.CustomImage.is_public_usable``, no
    query) is left out: the tag renders nothing and its ``as`` variable is
    None, so the page shows its alt text and caption without the picture."""

    def render(self, context):
        image = self.image_expr.resolve(context)
        usable = getattr(image, "is_public_usable", None)
        if usable is not None and not usable():
            if self.output_var_name:
                context[self.output_var_name] = None
            return ""
        return super().render(context)


class _ImageNode(_UsableImageMixin, wagtailimages_tags.ImageNode):
    def get_filter(self):
        if "_filter" not in self.__dict__:
            self._filter = super().get_filter()
        return self._filter


class _SrcsetImageNode(_UsableImageMixin, wagtailimages_tags.SrcsetImageNode):
    def get_filters(self):
        if "_filters" not in self.__dict__:
            self._filters = super().get_filters()
        return self._filters


class _PictureNode(_UsableImageMixin, wagtailimages_tags.PictureNode):
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


# --- Filters --------------------------------------------------------------------


@register.filter
def tel_href(number):
    """The number of a tel: link: only digits and a leading +."""
    return website_blocks.tel_href(str(number) if number is not None else "")


@register.filter
def long_date(value):
    """A date as the active language writes it: "27 January 2021",
    "27 января 2021 г." (website.dates)."""
    return dates.long_date(value)


@register.filter
def heading_anchor(text):
    """A heading's anchor in Latin letters (a page's body gives unique ones:
    website.blocks.with_heading_anchors)."""
    return website_blocks.heading_anchor(text)


@register.filter
def social_label(platform):
    """The display name of a social network key ('x' gives 'X (Twitter)')."""
    return SOCIAL_LABELS.get(platform, platform)


@register.simple_tag(takes_context=True)
def site_root(context):
    """{% site_root as site_root %}: .name, .root (the localized home page), .site."""
    return chrome_of(context).site_root


# --- Navigation -----------------------------------------------------------------


@register.inclusion_tag("components/primary_nav.html", takes_context=True)
def primary_nav(context):
    """The site's menu (SiteChrome.nav_items), the page shown marked."""
    return {
        "request": context.get("request"),
        "items": chrome_of(context).nav_items(context.get("page")),
    }


# --- Translations: language switcher and hreflang -----------------------------------


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """The languages this page can be read in (SiteChrome.translations):
    dicts of code, name, url, full_url and current. Fewer than two items
    means there is nothing to switch to."""
    return chrome_of(context).translations(page)


@register.simple_tag
def x_default(translations):
    """The translation in the default language (English), for hreflang x-default."""
    for item in translations:
        if item["code"] == settings.LANGUAGE_CODE:
            return item
    return None


@register.simple_tag
def in_language(code):
    """ "In Russian", in the reader's language: what a card in another
    language than the page's says."""
    label = IN_LANGUAGE.get(code)
    return str(label) if label is not None else code


@register.simple_tag(takes_context=True)
def language_fallback(context):
    """When the page is shown in another language than the address's (its
    translation is missing): dicts of shown (its code) and notice (in the
    reader's language); None otherwise."""
    return chrome_of(context).language_fallback()


# --- Parts of pages kept for the content generation -------------------------------


def kept_html(context, name, parts, render):
    """``render()``'s HTML, kept per site, language, ``parts`` and content
    generation (website.cache.fragment): for the parts of pages that are alike
    wherever a site shows them in one language. Rendered each time outside a
    site (previews of blocks) and in a page's preview (it shows the page
    being edited)."""
    site = chrome_of(context).site_root.site
    if site is None or getattr(context.get("request"), "is_preview", False):
        return mark_safe(render())
    return mark_safe(fragment(name, (site.pk, translation.get_language(), *parts), render))


def read_kept(context, name, parts_list):
    """Read ahead, in one round trip, the parts ``name`` of each of
    ``parts_list`` that ``kept_html`` is about to be asked for."""
    site = chrome_of(context).site_root.site
    if site is not None:
        language = translation.get_language()
        read_fragments(name, [(site.pk, language, *parts) for parts in parts_list])


# --- Footer ------------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def site_footer(context):
    """Footer text (localized), the site's hotlines and e-mails, social links
    (SiteChrome.footer); alike on every page of a site in one language, so
    kept per content generation (website.cache.fragment)."""
    chrome = chrome_of(context)
    request = context.get("request")

    def render():
        return render_to_string("components/footer.html", {"request": request, **chrome.footer})

    return kept_html(context, "footer", (), render)


# --- Story lists ------------------------------------------------------------------


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_level=3, featured=False):
    """{% story_cards stories heading_level=… featured=… as cards %}: [(story,
    home page or None)] of a list prepared by the page (newsroom.listings,
    newsroom.cards), their cards (``{% story_card %}`` with the same
    heading level; featured: the first one large) read ahead from those
    kept in one round trip."""
    cards = [item if isinstance(item, tuple) else (item, None) for item in unwrap_cards(stories)]
    read_kept(
        context,
        "card",
        [
            _card_parts(story, home, heading_level, large=featured and not index, featured=featured)
            for index, (story, home) in enumerate(cards)
            if story.pk
        ],
    )
    return cards


def _card_parts(story, home, heading_level, large, featured):
    return (
        story.pk,
        heading_level or 3,
        "large" if large else "featured" if featured else "plain",
        getattr(home, "pk", ""),
    )


@register.simple_tag(takes_context=True)
def story_card(context, story, home=None, heading_level=3, large=False, featured=False):
    """{% story_card story home heading_level=… large=… featured=… %}: one
    card (components/story_card.html). A card is alike wherever its site
    shows it in one language, so it is kept per content generation
    (website.cache.fragment): measured, its picture and template were a
    quarter of a news index's rendering."""
    request = context.get("request")
    values = {
        "request": request,
        "story": story,
        "home": home,
        "heading_level": heading_level or 3,
        "large": large,
        "featured": featured,
    }

    def render():
        return render_to_string("components/story_card.html", values)

    if not story.pk:
        return mark_safe(render())
    return kept_html(
        context, "card", _card_parts(story, home, heading_level, large, featured), render
    )


def unwrap_cards(stories):
    if stories is None:
        return []
    if hasattr(stories, "object_list"):
        stories = stories.object_list
    return list(stories)


@register.simple_tag
def elided_pages(page_obj, on_each_side=2, on_ends=1):
    """Page numbers around the current one, with … for gaps."""
    paginator = getattr(page_obj, "paginator", None)
    if paginator is None:
        return []
    return list(
        paginator.get_elided_page_range(page_obj.number, on_each_side=on_each_side, on_ends=on_ends)
    )


@register.filter
def plain_text(html):
    """Rich text as plain text (tags removed, entities decoded), to be escaped again."""
    return unescape(strip_tags(str(html or "")))


def _kept_parts(values):
    return tuple(getattr(value, "pk", value) for value in values)


class KeptNode(template.Node):
    def __init__(self, name, parts, nodelist):
        self.name = name
        self.parts = parts
        self.nodelist = nodelist

    def render(self, context):
        parts = _kept_parts(p.resolve(context) for p in self.parts)
        return kept_html(context, self.name, parts, lambda: self.nodelist.render(context))


@register.simple_tag(takes_context=True)
def read_kept_ahead(context, name, items, *values):
    """{% read_kept_ahead "name" items value … %} before a loop of
    ``{% kept "name" item… value… %}`` blocks: reads them in one round trip
    (each item, or the values of a tuple item, then the values)."""
    read_kept(
        context,
        name,
        [
            _kept_parts((*(item if isinstance(item, tuple) else (item,)), *values))
            for item in items or ()
        ],
    )
    return ""


@register.tag
def kept(parser, token):
    """{% kept "name" value … %}…{% endkept %}: the enclosed HTML, alike
    wherever the site shows it in one language for the same values (a page's
    or an image's: their primary keys are used), kept per content generation
    (``kept_html``), like the footer and the story cards. Measured where it is
    used: keeping a report issue's stories and its missions' contacts took
    its rendering from 19.7 to 17.1 ms of CPU."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% kept %} needs a name")
    name = bits[1].strip("\"'")
    parts = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(name, parts, nodelist)
