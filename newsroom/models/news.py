import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.db import connections, models
from django.db.models import F, Func, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageQuerySet, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from newsroom.blocks import PublicationBlock
from website.blocks import STORY_BLOCKS, with_heading_anchors
from website.cache import kept_part
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.sites import (
    PublicPage,
    SiteSection,
    active_locale_id,
    best_translations,
    home_of,
    home_page_for,
    home_pages,
    is_regional_home,
    parent_of,
    public_q,
)

HOME_PAGE_TYPES = ["website.RegionalHomePage", "missions.MissionHomePage"]


def source_language_topics():
    """Stories are tagged with topics of the source language; translations
    show each topic's translation."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class NewsIndexPage(SiteSection, TeamPagePermissions, PublicPage, Page):
    """A site's newsroom: its own stories and those shared with it."""

    base_form_class = ImageCheckedPageForm

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the list of stories."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]

    parent_page_types = HOME_PAGE_TYPES
    subpage_types = ["newsroom.NewsItemPage"]
    max_count_per_parent = 1
    template = "newsroom/news_index_page.html"

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        from newsroom import listings

        context = super().get_context(request, *args, **kwargs)
        home = home_of(self)
        regional = is_regional_home(home)
        filters = listings.StoryFilters.from_query(request.GET, regional=regional)
        try:
            number = listings.page_number_of(request.GET.get("page") or 1)
        except InvalidPage as error:
            # abc, 0, -1 and pages past the last one do not exist.
            raise Http404(_("There is no such page of stories.")) from error
        context.update(
            filters=filters.as_dict(),
            is_regional=regional,
            page_number=number,
            listing_query=filters.as_query(number),
        )

        def prepare(context):
            try:
                listing = listings.story_listing(home, self.locale_id, filters, number)
            except InvalidPage as error:
                raise Http404(_("There is no such page of stories.")) from error
            context.update(
                stories=listing.page,
                topics=listing.topics,
                years=listing.years,
                missions=listing.missions,
            )

        # The list (filters, count, cards, pages) is alike for every reader of
        # the site in this language: kept per content generation, with the
        # listing's own parameters as its key (a request with any other
        # parameter, which the page cache does not keep, finds it too).
        # Measured: the list is two thirds of the page's time from scratch.
        context["listing_html"] = kept_part(
            "news-listing",
            (home.pk, context["listing_query"].urlencode()),
            "newsroom/includes/news_listing.html",
            context,
            prepare,
        )
        # The topics are in the context when the list was made, else looked up.
        context["feed_topic"] = listings.feed_topic(
            filters.topic, context.get("topics", ()), self.locale_id
        )
        return context

    def latest_stories(self):
        """The newest stories of this newsroom's site (its own and those shared
        with it), for its home page."""
        from newsroom import listings

        stories = listings.latest_stories(home_of(self))
        listings.fetch_renditions(stories)
        return stories


class Unindexed(Func):
    """A column's value that SQLite does not look up by its index (``+column``).

    SQLite keeps no statistics of how values are spread: asked for the newest
    stories in a language, it reads every story of the language through the
    locale's index and sorts them, although the language may hold nearly all
    stories. Read in the order of the date's index instead, a list stops after
    its first rows (at 20,000 stories: 0.02 ms instead of 30 ms); for a rare
    language the reading is at worst the table, as the sort was. PostgreSQL
    has the statistics to choose, and gets the plain column.
    """

    template = "%(expressions)s"
    output_field = models.IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


class StoryQuerySet(PageQuerySet):
    """Stories, by what readers see of them."""

    def readable(self, locale=None, now=None, private=None):
        """Live, public (not private or password-protected) and unexpired;
        in ``locale`` (a Locale or its pk) when given. ``now`` and ``private``
        (the private sections' paths) are read when not given."""
        stories = (
            self.live()
            .filter(public_q(private))
            .filter(expired=False)
            .exclude(expire_at__lte=now or timezone.now())
        )
        return stories if locale is None else stories.in_locale(locale)

    def in_locale(self, locale):
        """In ``locale`` (a Locale or its pk), not looked up by the locale's
        index on SQLite (``Unindexed``)."""
        return self.alias(story_locale=Unindexed("locale_id")).filter(
            story_locale=getattr(locale, "pk", locale)
        )

    def listed_on(self, home):
        """The stories the site of ``home`` (a home page in some locale) lists,
        in that locale: on the regional site every story, on a mission site its
        own and those shared with it, each once. Not ordered."""
        stories = self.in_locale(home.locale_id)
        if is_regional_home(home):
            return stories
        # Translations of a page share its translation key; a Site points at
        # the page of the source language. A subquery keeps each story once.
        shared = NewsItemPage.shared_with.through.objects.filter(
            site__root_page__translation_key=home.translation_key
        ).values("newsitempage_id")
        return stories.filter(Q(path__startswith=home.path) | Q(pk__in=shared))

    def listed_on_homes(self, homes):
        """``listed_on`` for several translations of one site's home page at
        once (``homes``): the stories the site lists in each of their
        locales. Not ordered."""
        stories = self.alias(story_locale=Unindexed("locale_id")).filter(
            story_locale__in=[home.locale_id for home in homes]
        )
        if is_regional_home(homes[0]):
            return stories
        shared = NewsItemPage.shared_with.through.objects.filter(
            site__root_page__translation_key=homes[0].translation_key
        ).values("newsitempage_id")
        under = Q(pk__in=shared)
        for home in homes:
            under |= Q(path__startswith=home.path)
        return stories.filter(under)

    def in_best_language(self, locale_ids):
        """Each story once, in the first of ``locale_ids`` (the reader's
        languages in order) it is among these stories in
        (``website.sites.best_translations``)."""
        return best_translations(self, locale_ids)

    def newest_first(self):
        """Newest first by the story's date, then by first publication."""
        return self.order_by("-date", F("first_published_at").desc(nulls_last=True), "-path")

    def newest(self, count, offset=0):
        """Stories ``offset`` to ``offset + count`` of ``newest_first()``,
        reading a page's worth of rows, not every story.

        PostgreSQL reads the date's index from the newest, sorting each date's
        stories as it goes, and stops at the page's end. SQLite would sort
        every story: the date of the last story of the page is found first
        (reading the date's index from the newest), and the stories are
        those from that date on (SQLite plans so only with whole statistics,
        or none: website/statistics.py).
        """
        stories = self
        if connections[self.db].vendor != "postgresql":
            cutoff = self.order_by("-date").values("date")[offset + count - 1 : offset + count]
            stories = stories.filter(date__gte=Coalesce(Subquery(cutoff), Value(datetime.date.min)))
        stories = stories.newest_first()
        if not offset:
            return stories[:count]
        # Past the first page, the stories before the page are sorted as
        # their keys alone, and only the page's are read whole (at page 50,
        # 3.2 to 1.9 ms on SQLite).
        chosen = stories.values("pk")[offset : offset + count]
        return self.filter(pk__in=Subquery(chosen)).newest_first()

    def for_cards(self, topics=False):
        """What story cards need, fetched with the stories: their lead images
        (the renditions of a page's cards come together, in one more query:
        ``newsroom.listings.fetch_renditions``), no stream fields; with
        ``topics``, the topics too (one more query)."""
        stories = self.defer_streamfields().select_related("lead_image")
        return stories.prefetch_related("topics") if topics else stories


class NewsItemForm(ImageCheckedPageForm):
    """ "Shared with" offers the other missions only: not the story's own site
    (it lists the story anyway) nor the regional site (it lists every
    mission's stories)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("shared_with")
        parent = self.parent_page
        if field is None or parent is None or not parent.path:
            return
        own = home_of(parent).translation_key
        listing_everything = [
            home.translation_key for home in home_pages().values() if home.is_regional
        ]
        field.queryset = field.queryset.exclude(
            root_page__translation_key__in=[own, *listing_everything]
        )


class NewsItemPage(TeamPagePermissions, PublicPage, Page):
    """A news story. It belongs to one newsroom and can be shared with others."""

    objects = PageManager.from_queryset(StoryQuerySet)()

    @classmethod
    def as_pages(cls):
        """Stories as rows of Wagtail's page table alone (by content type),
        with the same ``readable()`` and ``listed_on()``: counting them needs
        no join with the stories' table, and an index of the page table
        answers it (at 20,000 stories: 2 ms instead of 25)."""
        return StoryQuerySet(Page).type(cls)

    date = models.DateField(
        default=datetime.date.today,
        # Lists are newest first: read in the index's order, they stop early.
        db_index=True,
        help_text=_(
            "The date shown with the story and used to order lists. It can differ "
            "from the day it was first published."
        ),
        verbose_name=_("date"),
    )
    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences shown in lists, search results and link previews."),
        verbose_name=_("summary"),
    )
    lead_image = models.ForeignKey(
        "images.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The photo at the top of the story and on its card in lists."),
        verbose_name=_("lead image"),
    )
    lead_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required with a photo."),
        verbose_name=_("lead image alt text"),
    )
    lead_image_caption = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("Shown under the photo."),
        verbose_name=_("lead image caption"),
    )
    lead_image_credit = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Who took the photo, e.g. '© IOM'."),
        verbose_name=_("lead image credit"),
    )
    body = StreamField(
        [*STORY_BLOCKS, ("publication", PublicationBlock())],
        help_text=_("The story: paragraphs, headings, photos, quotes, figures."),
        verbose_name=_("body"),
    )
    topics = ParentalManyToManyField(
        "newsroom.Topic",
        blank=True,
        limit_choices_to=source_language_topics,
        related_name="stories",
        help_text=_("What the story is about; readers can list stories by topic."),
        verbose_name=_("topics"),
    )
    shared_with = ParentalManyToManyField(
        "wagtailcore.Site",
        blank=True,
        related_name="shared_stories",
        help_text=_("Other sites that list this story too. It stays one page, at one address."),
        verbose_name=_("shared with"),
    )
    source_url = models.URLField(
        blank=True,
        max_length=500,
        help_text=_("Where the story was first published, if elsewhere."),
        verbose_name=_("source URL"),
    )

    base_form_class = NewsItemForm
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("shared_with", widget=forms.CheckboxSelectMultiple),
        FieldPanel("source_url"),
    ]
    # The title (boost 2 and autocomplete) comes from Page.search_fields.
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("lead_image_caption"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("date"),
    ]
    # wagtail-localize: words are translated. The date, the photo, the topics
    # (English topics; readers see their translations), the sites it is shared
    # with and the source link are kept from the English story. In the body,
    # phone numbers are kept, links and embeds are kept unless a translator
    # overrides them, and key figures are translated ("27 Jan 2021").
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("date", overridable=False),
        TranslatableField("summary"),
        SynchronizedField("lead_image"),
        TranslatableField("lead_image_alt"),
        TranslatableField("lead_image_caption"),
        TranslatableField("lead_image_credit"),
        TranslatableField("body"),
        SynchronizedField("topics", overridable=False),
        SynchronizedField("shared_with", overridable=False),
        SynchronizedField("source_url"),
    ]

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types = []
    template = "newsroom/news_item_page.html"

    class Meta:
        verbose_name = _("news story")
        verbose_name_plural = _("news stories")

    def clean(self):
        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Describe the photo for people who cannot see it.")}
            )

    @classmethod
    def serving_queryset(cls, queryset):
        """Fetched with the story when it is served (website.sites.fetch_specific)."""
        return queryset.select_related("lead_image")

    def get_context(self, request, *args, **kwargs):
        from newsroom import listings

        context = super().get_context(request, *args, **kwargs)
        # One page, one address: shared into other sites, it links back here.
        context["canonical_url"] = self.get_full_url(request)
        context.update(
            parent_page=parent_of(self),
            home_page=home_page_for(self),
            lead_image=self.lead_image if self.lead_image_id else None,
            has_publications=any(item.get("type") == "publication" for item in self.body.raw_data),
        )
        preview = getattr(request, "is_preview", False)

        def prepare(context):
            # Related stories by the story's topics; a preview's are those
            # being edited.
            related = listings.related_stories(self, preview=preview)
            topics = list(self.topics.all()) if self.pk or preview else []
            shown = listings.localize_topics(topics, active_locale_id())
            context.update(
                related_stories=related,
                # [(topic in the reader's language, the slug to filter by)]
                topics=list(zip(shown, [topic.slug for topic in topics], strict=True)),
                # The body's blocks, each heading with its anchor (unique in the page).
                body_blocks=with_heading_anchors(self.body),
            )
            # The publications of the body, checked and fetched for all its blocks.
            chosen = [block.value for block in self.body if block.block_type == "publication"]
            if chosen:
                from newsroom import library

                context["publication_cards"] = library.publication_cards(chosen, self.locale_id)
            listings.fetch_renditions(
                [self], related, list(context.get("publication_cards", {}).values())
            )

        # Alike for every reader of the site in this language (links to pages
        # of other sites are full addresses): kept per content generation
        # with the site of the request; a preview is rendered, not kept.
        site = Site.find_for_request(request)
        context["body_html"] = kept_part(
            "story-body",
            (self.pk, getattr(site, "pk", "")),
            "newsroom/includes/story_body.html",
            context,
            prepare,
        )
        return context

    def share_picture(self):
        """(image, alt text) for link previews (website.structured_data)."""
        if self.lead_image_id and self.lead_image is not None:
            return self.lead_image, self.lead_image_alt
        return None, ""

    def pages_listing_it(self):
        """The pks of the other sites' pages that list this story, for the page
        cache to purge with it (website.cache.pages_listing): the home pages
        and news indexes, in the story's language, of the regional site and of
        the sites it is shared with."""
        shared = set(
            Site.objects.filter(shared_stories=self.pk).values_list(
                "root_page__translation_key", flat=True
            )
        )
        homes = [
            home
            for home in Page.objects.filter(depth=2, locale_id=self.locale_id)
            if home.translation_key in shared
            or getattr(home.specific_class, "lists_every_story", False)
        ]
        if not homes:
            return []
        under_homes = Q()
        for home in homes:
            under_homes |= Q(path__startswith=home.path)
        indexes = NewsIndexPage.objects.filter(under_homes, depth=3).values_list("pk", flat=True)
        return [home.pk for home in homes] + list(indexes)
