import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from newsroom.models.news import HOME_PAGE_TYPES
from website.cache import kept_part
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.prepared import Prepared
from website.sites import (
    PublicPage,
    SiteSection,
    best_translations,
    current_frame,
    language_codes,
    language_of,
    public_q,
    reading_locale_ids,
)


class GalleryIndexPage(SiteSection, TeamPagePermissions, PublicPage, Page):
    """A site's photo galleries, newest first."""

    base_form_class = ImageCheckedPageForm

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the list of galleries."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["newsroom.PhotoGalleryPage"]
    max_count_per_parent = 1
    template = "newsroom/gallery_index_page.html"

    class Meta:
        verbose_name = _("gallery index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare(context):
            context["galleries"] = self.galleries()

        # Alike for every reader of the site in this language: kept per
        # content generation (website.cache.kept_part).
        context["galleries_html"] = kept_part(
            "gallery-index-list",
            (self.pk,),
            "newsroom/includes/gallery_list.html",
            context,
            prepare,
        )
        return context

    def galleries(self):
        """The live, public galleries under this index, newest first, each with
        its photos (for the cover and the count): four queries."""
        photos = GalleryPhoto.objects.select_related("image").prefetch_related("image__renditions")
        order = reading_locale_ids()
        indexes = self.translations_to_read(order)
        under = Q()
        for index_page in indexes:
            under |= Q(path__startswith=index_page.path, depth=index_page.depth + 1)
        galleries = best_translations(
            PhotoGalleryPage.objects.filter(under).live().filter(public_q()), order
        )
        found = list(
            galleries.prefetch_related(Prefetch("photos", queryset=photos)).order_by(
                "-date", "-path"
            )
        )
        codes = language_codes() if found else {}
        for gallery in found:
            gallery.language_code = language_of(gallery.locale_id, codes)
        return found

    def translations_to_read(self, order):
        """This index and its translations in the locales of ``order`` (the
        reader's languages), from the request's frame: the galleries of each
        are listed, every gallery once in the reader's best language."""
        frame = current_frame()
        found = frame.translations(self) if frame is not None else None
        if not found or len(order) < 2:
            return [self]
        return [self, *(page for page in found if page.pk != self.pk and page.locale_id in order)]


class PhotoGalleryPage(TeamPagePermissions, PublicPage, Page):
    """A set of photos from one event or place, in the order editors choose."""

    base_form_class = ImageCheckedPageForm

    date = models.DateField(
        default=datetime.date.today,
        help_text=_("When the photos were taken."),
        verbose_name=_("date"),
    )
    place = models.CharField(
        max_length=120,
        help_text=_("Where the photos were taken, e.g. 'Kostanay'."),
        verbose_name=_("place"),
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the gallery shows, in a sentence or two."),
        verbose_name=_("introduction"),
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)

        def prepare(context):
            # A preview shows the photos being edited (not saved yet).
            photos = self.photos.all()
            if self.pk and not preview:
                photos = photos.select_related("image").prefetch_related("image__renditions")
            # A photo whose usage expired, or marked sensitive, is left out.
            context["photos"] = self._shown_photos = [
                photo for photo in photos if photo.image.is_public_usable()
            ]

        # Alike for every reader in this language: kept per content
        # generation (website.cache.kept_part), like the whole page.
        context["photos_html"] = kept_part(
            "gallery-photos",
            (self.pk,),
            "newsroom/includes/gallery_photos.html",
            context,
            prepare,
        )
        return context

    def share_picture(self):
        """(image, alt text) of the first photo, for link previews
        (website.structured_data): the photos shown when the page was
        rendered, else one query."""
        photos = self.__dict__.get("_shown_photos")
        if photos is None:  # the photos were kept (get_context): read here
            photos = _PHOTOS.run(self.pk) if self.pk else []
            photos = [photo for photo in photos if photo.image.is_public_usable()]
        if photos:
            return photos[0].image, photos[0].alt_text
        return None, ""


class GalleryPhoto(TranslatableMixin, Orderable):
    """One photo of a gallery; its alt text and caption are translated."""

    page = ParentalKey(
        PhotoGalleryPage,
        on_delete=models.CASCADE,
        related_name="photos",
        verbose_name=_("gallery"),
    )
    image = models.ForeignKey(
        "images.CustomImage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The photo."),
        verbose_name=_("photo"),
    )
    alt_text = models.CharField(
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
        verbose_name=_("alt text"),
    )
    caption = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Shown under the photo."),
        verbose_name=_("caption"),
    )
    credit = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Who took the photo, e.g. '© IOM'."),
        verbose_name=_("credit"),
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


_PHOTOS = Prepared(
    lambda page_id: (
        GalleryPhoto.objects.filter(page_id=page_id)
        .select_related("image")
        .order_by("sort_order", "pk")
    )
)
