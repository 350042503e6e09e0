import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from missions.models import contact_pages
from newsroom import cards
from newsroom.blocks import PublicationBlock, section_publications, shown_publications
from newsroom.editions.panels import PDFEditionPanel
from website.cache import kept_part
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.prepared import Prepared
from website.sites import PublicPage, parent_of, public_q, with_homes


class ReportSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=200,
        help_text=_("The section's title, e.g. 'Direct assistance'."),
        label=_("Heading"),
    )
    intro = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("Optional words that open the section."),
        label=_("Introduction"),
    )
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="newsroom.NewsItemPage", label=_("Story")),
        default=[],
        help_text=_("Stories from any mission, in the order they should appear."),
        label=_("Stories"),
    )
    publications = blocks.ListBlock(
        PublicationBlock(label=_("Publication")),
        default=[],
        help_text=_("Optional: handbooks, brochures or reports the section features."),
        label=_("Publications"),
    )
    text = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Optional words after the stories."),
        label=_("Closing text"),
    )

    def get_context(self, value, parent_context=None):
        """``cards``: the section's stories as the issue's page prepared them,
        or (rendered alone, e.g. a block preview) checked here;
        ``publications``: the section's publications readers may see."""
        context = super().get_context(value, parent_context=parent_context)
        if context.get("cards") is None:
            context["cards"] = cards.story_cards(value.get("stories"))
        chosen = [page for page in value.get("publications") or [] if page is not None]
        shown = shown_publications(chosen, parent_context) if chosen else {}
        context["publications"] = section_publications(chosen, shown)
        return context

    class Meta:
        icon = "list-ul"
        label = _("Section")
        description = _("A section of the report: a heading and the stories under it.")
        template = "newsroom/blocks/report_section.html"


class ReportIndexPage(TeamPagePermissions, PublicPage, Page):
    """A report series: its title is the page title; issues are its children."""

    base_form_class = ImageCheckedPageForm

    description = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What the series covers and how often it appears."),
        verbose_name=_("description"),
    )

    content_panels = Page.content_panels + [FieldPanel("description")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("description")]

    parent_page_types = ["website.RegionalHomePage"]
    subpage_types = ["newsroom.ReportIssuePage"]
    max_count_per_parent = 1
    template = "newsroom/report_index_page.html"

    class Meta:
        verbose_name = _("report series")
        verbose_name_plural = _("report series")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare(context):
            issues = list(
                ReportIssuePage.objects.child_of(self)
                .live()
                .filter(public_q())
                .select_related("cover_image")
                .order_by("-publication_date", "-issue_number")
            )
            cards.fetch_renditions(issues)
            context["issue_list"] = issues

        # Alike for every reader in this language: kept per content
        # generation (website.cache.kept_part).
        context["issues_html"] = kept_part(
            "report-series-list",
            (self.pk,),
            "newsroom/includes/report_list.html",
            context,
            prepare,
        )
        return context


class ReportIssueForm(ImageCheckedPageForm):
    """Refuses an issue number already used by another issue of the series.

    A new issue is numbered after the series' last one, and its slug defaults
    to ``issue-<number>`` (``/reports/issue-2/``) instead of following its
    title ("Regional Response Report, Issue 2"): the title does not fill in
    the slug (``TitleFieldPanel(targets=[])``), and an empty slug becomes
    ``issue-<number>`` when the issue is saved.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None or "slug" not in self.fields:
            return
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "Leave it empty for “issue-<number>”, e.g. issue-2: the issue's address."
        )
        if self.initial.get("issue_number") is None and self.parent_page is not None:
            numbers = ReportIssuePage.objects.child_of(self.parent_page).aggregate(
                last=models.Max("issue_number")
            )
            self.initial["issue_number"] = (numbers["last"] or 0) + 1

    def clean(self):
        number = self.cleaned_data.get("issue_number")
        if self.instance.pk is None and not self.cleaned_data.get("slug") and number is not None:
            self.cleaned_data["slug"] = f"issue-{number}"
        cleaned_data = super().clean()  # checks that the slug is free
        number = cleaned_data.get("issue_number")
        parent = self.parent_page
        if number is None or parent is None:
            return cleaned_data
        siblings = ReportIssuePage.objects.child_of(parent).filter(issue_number=number)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        if siblings.exists():
            self.add_error(
                "issue_number",
                _("Issue %(number)s of this series already exists.") % {"number": number},
            )
        return cleaned_data


def _pdf_edition(page_id):
    from newsroom.editions.models import ReportIssuePDF

    return ReportIssuePDF.objects.filter(page_id=page_id).exclude(file="").order_by("pk")[:1]


_PDF_EDITION = Prepared(_pdf_edition)


class ReportIssuePage(TeamPagePermissions, PublicPage, RoutablePageMixin, Page):
    """One issue of a report series: sections of stories from every mission.

    Its PDF edition (newsroom/editions/) is made in the background when it is
    published, and served at ``<issue URL>pdf/`` once it exists.
    """

    issue_number = models.PositiveIntegerField(
        help_text=_("The issue's number in its series; each number is used once."),
        verbose_name=_("issue number"),
    )
    publication_date = models.DateField(
        default=datetime.date.today,
        help_text=_("The date printed on the issue."),
        verbose_name=_("publication date"),
    )
    cover_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The picture on the issue's cover and its card."),
        verbose_name=_("cover picture"),
    )
    cover_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("What the cover picture shows. Required with a picture."),
        verbose_name=_("cover picture alt text"),
    )
    summary = models.TextField(
        max_length=600,
        help_text=_("What this issue covers, shown in lists and link previews."),
        verbose_name=_("summary"),
    )
    sections = StreamField(
        [("section", ReportSectionBlock())],
        help_text=_("The issue's sections, in reading order."),
        verbose_name=_("sections"),
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the issue as a PDF file, offered for download."),
        verbose_name=_("PDF"),
    )

    base_form_class = ReportIssueForm
    content_panels = [
        TitleFieldPanel("title", targets=[]),  # the slug is "issue-<number>"
        FieldPanel("issue_number"),
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_alt")],
            heading=_("Cover"),
        ),
        FieldPanel("summary"),
        FieldPanel("sections"),
        FieldPanel("pdf"),
        PDFEditionPanel(heading=_("PDF edition")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("sections"),
        index.FilterField("publication_date"),
    ]
    # wagtail-localize: words are translated (section headings and texts too);
    # the number, date, cover, chosen stories and PDF are kept. A translator
    # may override the cover and the PDF with a version in their language.
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("issue_number", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("cover_image"),
        TranslatableField("cover_image_alt"),
        TranslatableField("summary"),
        TranslatableField("sections"),
        SynchronizedField("pdf"),
    ]

    parent_page_types = ["newsroom.ReportIndexPage"]
    subpage_types = []
    template = "newsroom/report_issue_page.html"

    class Meta:
        verbose_name = _("report issue")

    @property
    def series(self):
        return self.get_parent().specific

    def clean(self):
        super().clean()
        if self.cover_image_id and not self.cover_image_alt.strip():
            raise ValidationError(
                {"cover_image_alt": _("Describe the cover picture for people who cannot see it.")}
            )

    @classmethod
    def serving_queryset(cls, queryset):
        """Fetched with the issue when it is served (website.sites.fetch_specific)."""
        return queryset.select_related("cover_image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["has_publications"] = any(
            (item.get("value") or {}).get("publications") for item in self.sections.raw_data
        )

        def prepare(context):
            context["parent_page"] = parent_of(self)
            context["pdf_edition"] = self.pdf_edition()
            context["contact_missions"] = with_homes(contact_pages(self.locale_id))
            chosen = [
                page
                for block in self.sections
                for page in block.value.get("publications") or []
                if page is not None
            ]
            if chosen:
                from newsroom import library

                context["publication_cards"] = library.publication_cards(chosen)
            publications = list(context.get("publication_cards", {}).values())
            context["sections"] = cards.report_sections(
                self.sections, with_images=[[self], publications]
            )

        # The issue's cover, sections, their stories and publications and the
        # missions' contacts are alike for every reader in this language:
        # kept per content generation. Measured: two thirds of the page's
        # time from scratch (the sections' stream field, the chosen stories).
        context["body_html"] = kept_part(
            "report-body", (self.pk,), "newsroom/includes/report_body.html", context, prepare
        )
        return context

    # --- The PDF edition (newsroom/editions/) ---------------------------------

    def _available_pdf(self):
        editions = _PDF_EDITION.run(self.pk) if self.pk else []
        edition = editions[0] if editions else None
        return edition if edition is not None and edition.is_available else None

    def pdf_edition(self):
        """The issue's generated PDF (a ReportIssuePDF with ``file_size``) when
        there is one to offer, else None."""
        return self._available_pdf()

    def share_picture(self):
        """(image, alt text) for link previews (website.structured_data)."""
        if self.cover_image_id and self.cover_image is not None:
            return self.cover_image, self.cover_image_alt
        return None, ""

    def pdf_url(self, request=None):
        """The full URL of the issue's generated PDF, or None while there is
        none (not yet made, or failed). For links and feed enclosures."""
        if self.pdf_edition() is None:
            return None
        page_url = self.get_full_url(request)
        return page_url + self.reverse_subpage("pdf") if page_url else None

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        """The generated PDF, read from the default storage; 404 until it exists."""
        edition = self._available_pdf()
        if edition is None:
            raise Http404("This issue has no PDF yet.")
        try:
            file = edition.file.open("rb")
        except OSError as error:
            raise Http404("The PDF of this issue is missing.") from error
        name = slugify(self.title, allow_unicode=True) or "issue"
        filename = f"{name}-{self.locale.language_code}.pdf"
        response = FileResponse(file, content_type="application/pdf", filename=filename)
        response["Content-Length"] = edition.file_size or edition.file.size
        response["Content-Language"] = self.locale.language_code
        return response
