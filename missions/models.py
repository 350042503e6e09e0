"""Mission pages: each country mission's home page, its contact page, and the
regional page that gathers every mission's contacts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from missions.blocks import (
    EmailAddressBlock,
    EmergencyNumberBlock,
    HotlineBlock,
    OfficeBlock,
)
from website.blocks import SocialLinkBlock, phone_validator
from website.cache import kept_part
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.prepared import Prepared
from website.sites import (
    HOME_PATH_LENGTH,
    PublicPage,
    active_locale_id,
    current_frame,
    public_q,
    restricted_paths,
    with_homes,
)
from website.structure import MISSIONS


class MissionHomePage(TeamPagePermissions, PublicPage, Page):
    """A country mission's home page: the root of the mission's own site."""

    base_form_class = ImageCheckedPageForm

    # The missions of website.structure, the one list of them.
    COUNTRIES = [(mission.country, mission.label) for mission in MISSIONS]

    country = models.CharField(
        max_length=2,
        choices=COUNTRIES,
        help_text=_("The country this mission serves."),
        verbose_name=_("country"),
    )
    languages_spoken = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Languages the mission's team answers in, e.g. 'Kyrgyz, Russian, English'."),
        verbose_name=_("languages spoken"),
    )
    intro = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("What the mission does, in two or three sentences."),
        verbose_name=_("introduction"),
    )
    hotline_label = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("The hotline to highlight on the home page, e.g. 'National hotline'."),
        verbose_name=_("hotline name"),
    )
    hotline_number = models.CharField(
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("Its number, e.g. 1899. Shown as a link that dials it."),
        verbose_name=_("hotline number"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("country"),
        FieldPanel("languages_spoken"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hotline_label"), FieldPanel("hotline_number")],
            heading=_("Hotline highlight"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # wagtail-localize: words are translated; the country and the number are kept.
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        SynchronizedField("country", overridable=False),
        TranslatableField("languages_spoken"),
        TranslatableField("intro"),
        TranslatableField("hotline_label"),
        SynchronizedField("hotline_number", overridable=False),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "newsroom.NewsIndexPage",
        "newsroom.GalleryIndexPage",
        "newsroom.PublicationIndexPage",
        "missions.MissionContactPage",
    ]
    template = "missions/mission_home_page.html"

    class Meta:
        verbose_name = _("mission home page")

    def clean(self):
        super().clean()
        if self.hotline_number and not self.hotline_label:
            raise ValidationError({"hotline_label": _("Name the hotline you highlight.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare(context):
            context["contact_page"] = contact_page_of(self)
            newsroom = self.newsroom()
            context["news_index"] = newsroom
            context["latest_stories"] = (
                newsroom.specific_class.latest_stories(newsroom) if newsroom is not None else []
            )

        # Alike for every reader of the site in this language: kept per
        # content generation (website.cache.kept_part).
        context["body_html"] = kept_part(
            "mission-home-body",
            (self.pk,),
            "missions/includes/mission_home_body.html",
            context,
            prepare,
        )
        return context

    def newsroom(self):
        """The live child page listing the site's stories: the one whose type
        has ``latest_stories`` (the news index); from the request's frame
        (website/sites.py) when it holds the home page's sections."""
        frame = current_frame()
        if frame is not None and frame.holds_sections_of(self):
            children = [
                child for child in frame.sections(self) if child.live and frame.is_public(child)
            ]
        else:
            children = Page.objects.child_of(self).live().filter(public_q()).order_by("path")
        for child in children:
            if hasattr(child.specific_class, "latest_stories"):
                return child
        return None


class MissionContactPage(TeamPagePermissions, PublicPage, Page):
    """How to reach a mission: hotlines first, then e-mails, offices, networks."""

    base_form_class = ImageCheckedPageForm

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the contacts, e.g. when to call whom."),
        verbose_name=_("introduction"),
    )
    hotlines = StreamField(
        [("hotline", HotlineBlock())],
        blank=True,
        help_text=_("National hotlines, listed first."),
        verbose_name=_("hotlines"),
    )
    emergency_numbers = StreamField(
        [("number", EmergencyNumberBlock())],
        blank=True,
        help_text=_("Numbers for emergencies."),
        verbose_name=_("emergency numbers"),
    )
    emails = StreamField(
        [("email", EmailAddressBlock())],
        help_text=_("The mission's e-mail addresses, each with what it is for."),
        verbose_name=_("e-mail addresses"),
    )
    offices = StreamField(
        [("office", OfficeBlock())],
        blank=True,
        help_text=_("The mission's offices with their addresses."),
        verbose_name=_("offices"),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("The mission's pages on social networks."),
        verbose_name=_("social links"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hotlines"),
        FieldPanel("emergency_numbers"),
        FieldPanel("emails"),
        FieldPanel("offices"),
        FieldPanel("social_links"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("hotlines"),
        index.SearchField("emergency_numbers"),
        index.SearchField("emails"),
        index.SearchField("offices"),
    ]
    # wagtail-localize: labels, hours, names and addresses are translated. The
    # blocks keep phone numbers (PhoneNumberBlock is not offered), e-mails and
    # links (EmailBlock, URLBlock: kept, a translator may override them) and
    # the toll-free and platform choices from the English page.
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        TranslatableField("hotlines"),
        TranslatableField("emergency_numbers"),
        TranslatableField("emails"),
        TranslatableField("offices"),
        TranslatableField("social_links"),
    ]

    parent_page_types = ["missions.MissionHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "missions/mission_contact_page.html"

    @classmethod
    def serving_queryset(cls, queryset):
        """Fetched with the page when it is served (website.sites.fetch_specific):
        its mission's country and languages, which its structured data names
        (``mission_country``, ``mission_languages``)."""
        mission = MissionHomePage.objects.filter(path=Substr(OuterRef("path"), 1, HOME_PATH_LENGTH))
        return queryset.annotate(
            mission_country=Subquery(mission.values("country")[:1]),
            mission_languages=Subquery(mission.values("languages_spoken")[:1]),
        )

    class Meta:
        verbose_name = _("mission contact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Alike for every reader: kept per content generation
        # (website.cache.kept_part); it reads nothing more than the page.
        context["contacts_html"] = kept_part(
            "mission-contact-body",
            (self.pk,),
            "missions/includes/mission_contact_body.html",
            context,
        )
        return context

    @property
    def mission(self):
        return self.get_parent().specific

    @property
    def office_phones(self):
        """(name, phone) of each office that has a phone number, in order: the
        compact contacts (report, footer) show them without the addresses."""
        return [
            (block.value["name"], block.value["phone"])
            for block in self.offices
            if block.value.get("phone")
        ]


class ContactIndexPage(TeamPagePermissions, PublicPage, Page):
    """The regional page gathering every mission's contacts from their contact pages."""

    base_form_class = ImageCheckedPageForm

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional words above the missions' contacts."),
        verbose_name=_("introduction"),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = [*PAGE_TRANSLATABLE_FIELDS, TranslatableField("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["website.RegionalHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "missions/contact_index_page.html"

    class Meta:
        verbose_name = _("contact index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare(context):
            context["missions"] = with_homes(contact_pages(self.locale_id))

        # Alike for every reader in this language: kept per content
        # generation (website.cache.kept_part).
        context["missions_html"] = kept_part(
            "contact-index-body",
            (self.pk,),
            "missions/includes/contact_index_body.html",
            context,
            prepare,
        )
        return context


def mission_homes(locale):
    """The live mission home pages in ``locale``, in tree order."""
    return _MISSION_HOMES.run(getattr(locale, "pk", locale), restricted_paths())


_MISSION_HOMES = Prepared(
    lambda locale_id, private: (
        MissionHomePage.objects.live()
        .filter(public_q(private))
        .filter(locale=locale_id)
        .order_by("path")
    )
)


def contact_page_of(home):
    """The live contact page of a mission home page; the source language's
    when the home's language has none. One query, once per request (the
    mission's home page and every page's footer show it)."""
    frame = current_frame()
    if frame is None:
        return _contact_page_of(home)
    return frame.reuse(("contact-page", home.pk), lambda: _contact_page_of(home))


def _contact_page_of(home):
    pages = MissionContactPage.objects.live().filter(public_q())
    source_homes = Page.objects.filter(
        depth=2, translation_key=home.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).values("path")
    found = list(
        pages.filter(depth=home.depth + 1)
        .filter(Q(path__startswith=home.path) | Q(path__startswith=Subquery(source_homes[:1])))
        .order_by("path")
    )
    own = [page for page in found if page.path.startswith(home.path)]
    return (own or found or [None])[0]


def contact_pages(locale):
    """Every mission's live contact page in ``locale`` where translated, in the
    default language where not, in tree order (``mission_contact_pages``);
    once per request."""
    locale_id = getattr(locale, "pk", locale)
    frame = current_frame()
    if frame is None:
        return mission_contact_pages(locale_id)
    return frame.reuse(("contact-pages", locale_id), lambda: mission_contact_pages(locale_id))


_CONTACT_PAGES = Prepared(
    lambda locale_id, private: (
        MissionContactPage.objects.live()
        .filter(public_q(private))
        .filter(Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE))
        .select_related("locale")
        .order_by("path")
    )
)


def mission_contact_pages(locale=None):
    """Every mission's live contact page, in the given locale where it is
    translated and in the default language where it is not, in tree order."""
    if locale is None:
        locale_id = active_locale_id()
    else:
        locale_id = getattr(locale, "pk", locale)
    pages = _CONTACT_PAGES.run(locale_id, restricted_paths())
    chosen = {}
    for page in pages:
        if page.locale_id == locale_id or page.translation_key not in chosen:
            chosen[page.translation_key] = page
    source_order = [
        p.translation_key for p in pages if p.locale.language_code == settings.LANGUAGE_CODE
    ]
    ordered = [chosen[key] for key in source_order if key in chosen]
    ordered += [p for key, p in chosen.items() if key not in source_order]
    return ordered
