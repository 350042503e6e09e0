"""StreamField blocks shared by every app, and the named block lists per page kind.

Every block sets a description and a preview value, so editors see what it
makes before they choose it. Phone numbers, e-mails and links are kept as
their own block types so wagtail-localize synchronises them instead of
offering them for translation.
"""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.coreutils import string_to_ascii
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PHONE_PATTERN = r"^\+?[0-9][0-9 ()\-]{1,24}$"
phone_validator = RegexValidator(
    PHONE_PATTERN,
    _("Enter a phone number of digits, spaces, brackets or dashes, optionally starting with +."),
)


def tel_href(number):
    """The href of a tel: link: the digits of the number and a leading +."""
    number = number or ""
    digits = re.sub(r"[^0-9]", "", number)
    if not digits:
        return ""
    return ("+" if number.strip().startswith("+") else "") + digits


class PhoneNumberBlock(blocks.FieldBlock):
    """A phone number, validated; rendered as a tel: link by templates."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            max_length=30,
            help_text=help_text,
            validators=[phone_validator],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "mobile-alt"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        description = _("Running text with bold, italic, links and lists.")
        preview_value = (
            "<p>IOM Kazakhstan provided integration assistance to 50 internal "
            "migrants, helping them learn new trades.</p>"
        )
        template = "components/blocks/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=200,
        help_text=_("The words of the heading."),
        label=_("Text"),
    )
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (level 2)")), ("h3", _("Sub-section (level 3)"))],
        default="h2",
        help_text=_("Level 2 starts a section; level 3 a part of a section."),
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A heading that starts a section of the story.")
        preview_value = {"text": "Partnership in action", "level": "h2"}
        template = "components/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        help_text=_("The photo to show."),
        label=_("Image"),
    )
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_(
            "What the photo shows, for people who cannot see it "
            "(e.g. 'A shoemaker at his workbench in Kostanay')."
        ),
        label=_("Alt text"),
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=300,
        help_text=_("Shown under the photo."),
        label=_("Caption"),
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("Who took the photo, e.g. '© IOM'."),
        label=_("Credit"),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("A photo with alt text, caption and credit.")
        template = "components/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(
        help_text=_("The words quoted, without quotation marks."),
        label=_("Quote"),
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Who said it, and their role."),
        label=_("Attribution"),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("A quotation, set apart from the text.")
        preview_value = {
            "quote": "Every returning migrant deserves a fair start at home.",
            "attribution": "Chief of Mission",
        }
        template = "components/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=20,
        help_text=_("The number, as it should read: '70' or '1,200'."),
        label=_("Figure"),
    )
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("What it counts: 'Kyrgyz migrants returned'."),
        label=_("Label"),
    )

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    figures = blocks.ListBlock(
        KeyFigureBlock(),
        min_num=1,
        max_num=6,
        label=_("Figures"),
    )

    class Meta:
        icon = "table"
        label = _("Key figures")
        description = _("Up to six numbers that sum up the story, set large.")
        preview_value = {
            "figures": [
                {"figure": "70", "label": "Kyrgyz migrants returned"},
                {"figure": "19", "label": "Uzbek migrants returned"},
                {"figure": "3", "label": "Tajik migrants returned"},
            ]
        }
        template = "components/blocks/key_figures.html"


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("Embed")
        description = _("A video or post from YouTube, Vimeo, Facebook and the like.")
        template = "components/blocks/embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        help_text=_("The document to link to."),
        label=_("Document"),
    )
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text=_("Link text; the document's own title when empty."),
        label=_("Link text"),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A link to a PDF or other document, with its size.")
        template = "components/blocks/document.html"


class HotlineCalloutBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=120,
        help_text=_("Name of the line, e.g. 'National hotline'."),
        label=_("Name"),
    )
    number = PhoneNumberBlock(
        help_text=_("The number to call, e.g. 11616 or +992 900 800 800."),
        label=_("Number"),
    )
    text = blocks.TextBlock(
        required=False,
        help_text=_("Who can call, when, and what happens."),
        label=_("Text"),
    )

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline call-out")
        description = _("A boxed hotline number readers can tap to call.")
        preview_value = {
            "label": "National hotline",
            "number": "1899",
            "text": "Free and confidential, for anyone at risk of trafficking.",
        }
        template = "components/blocks/hotline.html"


STORY_BLOCKS = [
    ("paragraph", ParagraphBlock()),
    ("heading", HeadingBlock()),
    ("image", CaptionedImageBlock()),
    ("quote", QuoteBlock()),
    ("key_figures", KeyFiguresBlock()),
    ("embed", VideoEmbedBlock()),
    ("document", DocumentLinkBlock()),
    ("hotline", HotlineCalloutBlock()),
]


# Ids the templates give elements of a page with a body (base.html, the footer,
# the story page; search-suggest.js adds "<input id>-suggestions"): no heading
# anchor takes one of them.
TEMPLATE_IDS = frozenset(
    {
        "main",
        "header-q",
        "header-q-suggestions",
        "footer-subscribe-title",
        "footer-subscribe-email",
        "related-heading",
    }
)
# The anchor of a heading with no letter or digit in any script ("!!!").
FALLBACK_ANCHOR = "section"


def heading_anchor(text):
    """A heading's anchor: its words in Latin letters, as a slug, in every
    script ("Помощь мигрантам" gives "pomoshch-migrantam", "Өкүлчүлүк"
    "okulchuluk"); "section" when nothing is left."""
    return slugify(string_to_ascii(str(text or ""))) or FALLBACK_ANCHOR


def with_heading_anchors(body, taken=TEMPLATE_IDS):
    """[(block, anchor)] for a StreamField value: each heading block's anchor,
    unique in the page (a repeated one gets "-2", "-3", …; none is one of
    ``taken``), None for the other blocks."""
    used = set(taken)
    blocks_and_anchors = []
    for block in body:
        anchor = None
        if block.block_type == "heading":
            base = heading_anchor(block.value["text"])
            anchor, number = base, 1
            while anchor in used:
                number += 1
                anchor = f"{base}-{number}"
            used.add(anchor)
        blocks_and_anchors.append((block, anchor))
    return blocks_and_anchors


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        choices=[
            ("facebook", "Facebook"),
            ("x", "X (Twitter)"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("telegram", "Telegram"),
            ("linkedin", "LinkedIn"),
        ],
        help_text=_("The network the link goes to."),
        label=_("Network"),
    )
    url = blocks.URLBlock(
        help_text=_("The full address of the page or account."),
        label=_("Address"),
    )

    class Meta:
        icon = "link-external"
        label = _("Social link")
        description = _("A link to the mission's page on a social network.")
        preview_value = {"platform": "facebook", "url": "https://www.facebook.com/IOM"}
