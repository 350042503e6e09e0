import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from newsroom.models.news import HOME_PAGE_TYPES
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions


class GalleryIndexPage(TeamPagePermissions, Page):
    """A site's photo galleries, newest first."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the list of galleries."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["newsroom.PhotoGalleryPage"]
    max_count_per_parent = 1
    template = "newsroom/gallery_index_page.html"

    class Meta:
        verbose_name = _("gallery index page")


class PhotoGalleryPage(TeamPagePermissions, Page):
    """A set of photos from one event or place, in the order editors choose."""

    date = models.DateField(default=datetime.date.today, help_text=_("When the photos were taken."))
    place = models.CharField(
        max_length=120, help_text=_("Where the photos were taken, e.g. 'Kostanay'.")
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the gallery shows, in a sentence or two."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("place"),
        FieldPanel("intro"),
        InlinePanel("photos", label=_("Photos"), min_num=0),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=1.5),
        index.SearchField("place"),
        index.RelatedFields(
            "photos", [index.SearchField("caption"), index.SearchField("alt_text")]
        ),
        index.FilterField("date"),
    ]
    # wagtail-localize: the photos are translated one by one (GalleryPhoto:
    # alt text, caption, credit); their images and order are kept.
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("date", overridable=False),
        TranslatableField("place"),
        TranslatableField("intro"),
        TranslatableField("photos"),
    ]

    parent_page_types = ["newsroom.GalleryIndexPage"]
    subpage_types = []
    template = "newsroom/photo_gallery_page.html"

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")


class GalleryPhoto(TranslatableMixin, Orderable):
    """One photo of a gallery; its alt text and caption are translated."""

    page = ParentalKey(PhotoGalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The photo."),
    )
    alt_text = models.CharField(
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(max_length=300, blank=True, help_text=_("Shown under the photo."))
    credit = models.CharField(
        max_length=120, blank=True, help_text=_("Who took the photo, e.g. '© IOM'.")
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        FieldPanel("credit"),
    ]
    translatable_fields = [
        SynchronizedField("image"),
        TranslatableField("alt_text"),
        TranslatableField("caption"),
        TranslatableField("credit"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        # The editors' order; photos given the same number keep one order.
        ordering = ["sort_order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
