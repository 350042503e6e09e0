"""The publications library: handbooks, brochures, reports … as pages.

A publication lives under its site's publications index (its owner is that
site's mission, or the regional office) and can be shared with other sites,
like a story. Its files (``PublicationFile``) are PDF documents, each in one
language - any language, not only the sites' seven: a Tajik brochure may exist
in Tajik and Russian only. The files are not the page's translations: the page
is translated with wagtail-localize like every page, and its list of files is
synchronised, the same in every translation; each file is labelled with its
language in the reader's interface language.

The kind (handbook, brochure, …) is a fixed choice, not a snippet: the list
is short and closed, its names are interface words translated once in the
catalogues for every language (no snippet to translate six times per kind),
its values are stable in addresses (``?kind=handbook``), and each kind maps
to a schema.org type (``SCHEMA_TYPES``).
"""

import datetime
import logging

from django import forms
from django.conf import global_settings, settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.db import models
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from newsroom.models.news import (
    HOME_PAGE_TYPES,
    NewsItemForm,
    StoryQuerySet,
    source_language_topics,
)
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.sites import (
    PublicPage,
    SiteSection,
    home_of,
    home_page_for,
    is_regional_home,
    parent_of,
)

logger = logging.getLogger(__name__)

KINDS = [
    ("handbook", pgettext_lazy("publication kind", "Handbook")),
    ("brochure", pgettext_lazy("publication kind", "Brochure")),
    ("report", pgettext_lazy("publication kind", "Report")),
    ("guide", pgettext_lazy("publication kind", "Guide")),
    ("factsheet", pgettext_lazy("publication kind", "Factsheet")),
    ("leaflet", pgettext_lazy("publication kind", "Leaflet")),
    ("other", pgettext_lazy("publication kind", "Other")),
]
KIND_NAMES = dict(KINDS)
# schema.org types of a publication, by kind (website.structured_data).
SCHEMA_TYPES = {"handbook": "Book", "guide": "Book", "report": "Report"}
DEFAULT_SCHEMA_TYPE = "DigitalDocument"

# Any language Django knows (its names are translated in Django's own
# catalogues, so a file's language reads in the reader's language), the
# sites' languages first.
_ALL_LANGUAGES = dict(global_settings.LANGUAGES)
_SITE_LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
FILE_LANGUAGES = [(code, _ALL_LANGUAGES.get(code, name)) for code, name in settings.LANGUAGES] + [
    (code, name)
    for code, name in sorted(global_settings.LANGUAGES, key=lambda item: item[1])
    if code not in _SITE_LANGUAGE_CODES
]
FILE_LANGUAGE_CODES = frozenset(code for code, _name in FILE_LANGUAGES)

# A PDF of more pages than this is refused (a printed handbook has a few
# hundred); its size is bounded by WAGTAILDOCS_MAX_UPLOAD_SIZE.
MAX_PDF_PAGES = 2000
PDF_MAGIC = b"%PDF-"
# Characters of a file's text kept for search (a long report has a million).
MAX_PDF_TEXT = 100_000


def language_name(code):
    """The name of a language in the active interface language."""
    name = _ALL_LANGUAGES.get(code)
    return gettext(name) if name else code


def max_pdf_bytes():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or 20 * 1024 * 1024


def inspect_pdf(document, with_text=False):
    """(number of pages, size in bytes) of a document that must be a readable
    PDF, read with pypdf - and its text (``pdf_text``) with ``with_text``;
    ValidationError (a message for the editor) when it is not a PDF, cannot
    be read, is encrypted, or is too large."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    name = (document.file.name or "").lower()
    if not name.endswith(".pdf"):
        raise ValidationError(
            _("Choose a PDF file: “%(name)s” is not a PDF."), params={"name": document.title}
        )
    try:
        size = document.file.size
    except OSError as error:
        raise ValidationError(
            _("The file of “%(name)s” is missing; upload it again."),
            params={"name": document.title},
        ) from error
    limit = max_pdf_bytes()
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a publication's file may be %(limit)s at most."),
            params={
                "name": document.title,
                "size": filesizeformat(size),
                "limit": filesizeformat(limit),
            },
        )
    broken = ValidationError(
        _("“%(name)s” is not a PDF that can be read (damaged or protected)."),
        params={"name": document.title},
    )
    try:
        with document.file.open("rb") as file:
            if file.read(len(PDF_MAGIC)) != PDF_MAGIC:
                raise broken
            file.seek(0)
            reader = PdfReader(file, strict=False)
            if reader.is_encrypted:
                raise broken
            pages = len(reader.pages)
            text = pdf_text(reader) if with_text and pages <= MAX_PDF_PAGES else ""
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        logger.warning("Refused a publication file that pypdf cannot read: %r", error)
        raise broken from error
    if pages < 1:
        raise broken
    if pages > MAX_PDF_PAGES:
        raise ValidationError(
            _("“%(name)s” has %(pages)s pages; a publication's file may have %(limit)s at most."),
            params={"name": document.title, "pages": pages, "limit": MAX_PDF_PAGES},
        )
    return (pages, size, text) if with_text else (pages, size)


def pdf_text(reader):
    """The text of a PDF (a pypdf PdfReader), for the search index: at most
    MAX_PDF_TEXT characters; empty for a scanned PDF (pictures of pages) or
    when pypdf cannot lay out a page's text."""
    parts, length = [], 0
    for page in reader.pages:
        try:
            part = page.extract_text() or ""
        except Exception as error:  # pypdf raises many kinds on odd content streams
            logger.info("No text from a page of a publication file: %r", error)
            continue
        parts.append(part)
        length += len(part)
        if length >= MAX_PDF_TEXT:
            break
    return " ".join(" ".join(parts).split())[:MAX_PDF_TEXT].replace("\x00", "")


class PublicationIndexPage(SiteSection, TeamPagePermissions, PublicPage, Page):
    """A site's library: its own publications and those shared with it."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the list of publications."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["newsroom.PublicationPage"]
    max_count_per_parent = 1
    base_form_class = ImageCheckedPageForm
    template = "newsroom/publication_index_page.html"

    class Meta:
        verbose_name = _("publications index page")

    def get_context(self, request, *args, **kwargs):
        from newsroom import library

        context = super().get_context(request, *args, **kwargs)
        home = home_of(self)
        filters = library.PublicationFilters.from_query(request.GET)
        try:
            listing = library.publication_listing(
                home, self.locale_id, filters, request.GET.get("page") or 1
            )
        except InvalidPage as error:
            raise Http404(_("There is no such page of publications.")) from error
        context.update(
            publications=listing.page,
            kinds=listing.kinds,
            topics=listing.topics,
            years=listing.years,
            languages=listing.languages,
            filters=filters.as_dict(),
            is_regional=is_regional_home(home),
            publication_feeds=self,
        )
        return context


class PublicationQuerySet(StoryQuerySet):
    """Publications, by what readers see of them: ``readable()``,
    ``in_locale()`` and ``listed_on()`` as for stories."""

    def listed_on(self, home):
        stories = self.in_locale(home.locale_id)
        if is_regional_home(home):
            return stories
        shared = PublicationPage.shared_with.through.objects.filter(
            site__root_page__translation_key=home.translation_key
        ).values("publicationpage_id")
        return stories.filter(models.Q(path__startswith=home.path) | models.Q(pk__in=shared))

    def newest_first(self):
        return self.order_by("-date", models.F("first_published_at").desc(nulls_last=True), "-path")

    def for_cards(self):
        """With the cover and the files (and their documents): two queries."""
        files = PublicationFile.objects.select_related("document")
        return self.select_related("cover_image").prefetch_related(
            models.Prefetch("files", queryset=files)
        )


class PublicationForm(NewsItemForm):
    """Offers "shared with" as for stories; refuses to publish (or to submit
    for publishing) a publication without files. Each file is checked by
    ``PublicationFile.clean`` (a readable PDF, not too large)."""

    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("files")
        if formset is None or not any(action in self.data for action in self.PUBLISHING_ACTIONS):
            return cleaned_data
        kept = 0
        for form in formset.forms:
            if not form.is_valid():
                continue
            data = form.cleaned_data
            if data and not data.get("DELETE") and data.get("document"):
                kept += 1
        if not kept:
            self.add_error(
                None,
                _("Add at least one PDF file before publishing: readers come for the files."),
            )
        return cleaned_data


class PublicationPage(TeamPagePermissions, PublicPage, Page):
    """A handbook, brochure, report …: a summary and one or more PDF files."""

    objects = PageManager.from_queryset(PublicationQuerySet)()

    kind = models.CharField(
        max_length=20,
        choices=KINDS,
        default="handbook",
        help_text=_("What sort of publication it is; readers can list publications by kind."),
        verbose_name=_("kind"),
    )
    date = models.DateField(
        default=datetime.date.today,
        db_index=True,
        help_text=_("When the publication came out; used to order lists."),
        verbose_name=_("date"),
    )
    cover_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The publication's cover, shown on its page and its card."),
        verbose_name=_("cover"),
    )
    cover_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("What the cover shows, for people who cannot see it. Required with a cover."),
        verbose_name=_("cover alt text"),
    )
    summary = models.TextField(
        max_length=600,
        help_text=_("What the publication is about and who it is for, in a few sentences."),
        verbose_name=_("summary"),
    )
    topics = ParentalManyToManyField(
        "newsroom.Topic",
        blank=True,
        limit_choices_to=source_language_topics,
        related_name="publications",
        help_text=_("What the publication is about; readers can list publications by topic."),
        verbose_name=_("topics"),
    )
    shared_with = ParentalManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="shared_publications",
        help_text=_(
            "Other sites that list this publication too. It stays one page, at one address."
        ),
        verbose_name=_("shared with"),
    )

    base_form_class = PublicationForm
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")],
            heading=_("Cover"),
        ),
        InlinePanel(
            "files",
            label=_("Files"),
            heading=_("Files (PDF, one per language)"),
            help_text=_(
                "Each file is a PDF in one language. They are the same in every "
                "translation of this page."
            ),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("shared_with", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.RelatedFields("topics", [index.SearchField("name")]),
        # The files' text, read with pypdf when they are saved.
        index.RelatedFields("files", [index.SearchField("text", boost=0.5)]),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]
    # wagtail-localize: words are translated; the kind, date, cover, topics,
    # sharing and the files (documents, languages, counts) are the same in
    # every translation.
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("kind", overridable=False),
        SynchronizedField("date", overridable=False),
        SynchronizedField("cover_image"),
        TranslatableField("cover_image_alt"),
        TranslatableField("summary"),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("shared_with", overridable=False),
        SynchronizedField("files", overridable=False),
    ]

    parent_page_types = ["newsroom.PublicationIndexPage"]
    subpage_types = []
    template = "newsroom/publication_page.html"

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover for people who cannot see it.")}
            )

    @property
    def kind_name(self):
        return KIND_NAMES.get(self.kind, self.kind)

    @property
    def schema_type(self):
        return SCHEMA_TYPES.get(self.kind, DEFAULT_SCHEMA_TYPE)

    @classmethod
    def serving_queryset(cls, queryset):
        """Fetched with the publication when it is served."""
        return queryset.select_related("cover_image")

    def shown_files(self):
        """The files in the editors' order, each with its document: the ones
        prefetched or shown already, else one query."""
        cached = self.__dict__.get("_shown_files")
        if cached is None:
            if "files" in getattr(self, "_prefetched_objects_cache", {}):
                cached = list(self.files.all())
            else:
                cached = list(self.files.all().select_related("document"))
            self.__dict__["_shown_files"] = cached
        return cached

    def get_context(self, request, *args, **kwargs):
        from newsroom import cards, library

        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        files = list(self.files.all()) if preview else self.shown_files()
        topics = list(self.topics.all()) if self.pk or preview else []
        context.update(
            canonical_url=self.get_full_url(request),
            files=files,
            topics=library.localized_topic_links(topics),
            home_page=home_page_for(self),
            parent_page=parent_of(self),
            publication_feeds=parent_of(self),
            mentioned_in=[] if preview or not self.pk else library.stories_mentioning(self),
            cover=self.cover_image if self.cover_image_id else None,
        )
        cards.fetch_renditions([self], context["mentioned_in"])
        return context

    def share_picture(self):
        """(image, alt text) for link previews (website.structured_data)."""
        if self.cover_image_id and self.cover_image is not None:
            return self.cover_image, self.cover_image_alt
        return None, ""

    def file_languages(self):
        """The languages of the files, in order, each once: (code, name)."""
        seen = []
        for file in self.shown_files():
            if file.language not in seen:
                seen.append(file.language)
        return [(code, language_name(code)) for code in seen]


class PublicationFile(Orderable):
    """One PDF of a publication, in one language, with its pages and size
    (read from the PDF when saved)."""

    page = ParentalKey(
        PublicationPage,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("publication"),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The PDF file. Upload it in your team's collection."),
        verbose_name=_("PDF file"),
    )
    language = models.CharField(
        max_length=12,
        choices=FILE_LANGUAGES,
        help_text=_("The language the file is written in; any language, not only the site's."),
        verbose_name=_("language"),
    )
    page_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("pages"),
    )
    file_size = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("size in bytes"),
    )

    text = models.TextField(
        blank=True,
        editable=False,
        verbose_name=_("text"),
        help_text=_("The file's text, read from the PDF, for search."),
    )

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("publication file")
        verbose_name_plural = _("publication files")

    def __str__(self):
        return f"{self.document} ({self.language})"

    def clean(self):
        super().clean()
        if not self.document_id:
            return
        try:
            self.page_count, self.file_size, self.text = inspect_pdf(self.document, with_text=True)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from error

    def save(self, *args, **kwargs):
        if self.document_id and (self.page_count is None or self.file_size is None):
            try:
                self.page_count, self.file_size, self.text = inspect_pdf(
                    self.document, with_text=True
                )
            except ValidationError:
                logger.warning("Saved publication file %s without reading its PDF", self.pk)
        super().save(*args, **kwargs)

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def url(self):
        return self.document.url
