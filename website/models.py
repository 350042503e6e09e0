"""Site-wide models: the regional home page, footer text, per-site settings,
and the attempts counted by the limits per client (website/ratelimit.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from images.forms import ImageCheckedPageForm
from missions.models import mission_homes
from newsroom import listings
from newsroom.cards import fetch_renditions
from website.blocks import SocialLinkBlock
from website.cache import kept_part
from website.i18n import PAGE_TRANSLATABLE_FIELDS
from website.permissions import TeamPagePermissions
from website.sites import PublicPage


class RegionalHomePage(TeamPagePermissions, PublicPage, Page):
    """The regional office's home page: the root of the regional site."""

    base_form_class = ImageCheckedPageForm

    # Its site lists the stories of every mission (newsroom.listings).
    lists_every_story = True

    intro = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("A short welcome under the site's name: who we are, what we do."),
        verbose_name=_("introduction"),
    )
    featured_stories = StreamField(
        [
            (
                "story",
                blocks.PageChooserBlock(
                    page_type="newsroom.NewsItemPage",
                    help_text=_("A story to feature at the top of the home page."),
                    label=_("Story"),
                ),
            )
        ],
        blank=True,
        max_num=4,
        help_text=_("Up to four stories shown first; the latest stories follow."),
        verbose_name=_("featured stories"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_stories"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    # wagtail-localize: words are translated; the chosen stories are kept
    # (each shows in the reader's language where it is translated).
    translatable_fields = [
        *PAGE_TRANSLATABLE_FIELDS,
        TranslatableField("intro"),
        SynchronizedField("featured_stories"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "newsroom.NewsIndexPage",
        "newsroom.ReportIndexPage",
        "newsroom.GalleryIndexPage",
        "newsroom.PublicationIndexPage",
        "missions.ContactIndexPage",
    ]
    max_count = 1
    template = "website/regional_home_page.html"

    class Meta:
        verbose_name = _("regional home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def prepare(context):
            # Only the chosen stories readers may see (drafts are left out),
            # then every mission's latest stories without them; fetched
            # together.
            featured, latest = listings.regional_home_stories(self)
            report = listings.latest_report(self.locale_id)
            # Apart: the cards' renditions are read only for cards not kept
            # for the generation (``{% story_card %}``), the report's cover
            # always.
            fetch_renditions(featured, latest)
            fetch_renditions([report] if report is not None else [])
            context.update(
                featured_stories=featured,
                latest_stories=latest,
                news_index=listings.news_index_of(self),
                latest_report=report,
                missions=mission_homes(self.locale_id),
            )

        # Alike for every reader of the site in this language: kept per
        # content generation (website.cache.kept_part). Measured: its queries
        # and cards are half of the page's time from scratch.
        context["body_html"] = kept_part(
            "home-body", (self.pk,), "website/includes/home_body.html", context, prepare
        )
        return context


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """Words at the foot of every page of a site; translated like pages."""

    name = models.CharField(
        max_length=100,
        help_text=_("For editors only: which site this footer is for."),
        verbose_name=_("name"),
    )
    body = RichTextField(
        features=["bold", "italic", "link"],
        help_text=_("Shown in the footer of every page, e.g. the organisation's mandate."),
        verbose_name=_("text"),
    )

    panels = [FieldPanel("name"), FieldPanel("body")]
    # The name is for editors only: translations keep the English one.
    translatable_fields = [
        SynchronizedField("name", overridable=False),
        TranslatableField("body"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Per-site switches and pointers: footer words and social links."""

    footer_text = models.ForeignKey(
        FooterText,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The footer text of this site, shown in each language it has."),
        verbose_name=_("footer text"),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text=_("Links to this site's social network pages, shown in the footer."),
        verbose_name=_("social links"),
    )

    panels = [
        FieldPanel("footer_text"),
        MultiFieldPanel([FieldPanel("social_links")], heading=_("Social networks")),
    ]

    class Meta:
        verbose_name = _("site settings")


class RateLimitAttempt(models.Model):
    """One attempt counted against a limit per client (website/ratelimit.py):
    a sign-up, a wrong page password. In the database, so that every worker
    of every host counts the same attempts; rows older than their limit's
    window are deleted as new ones are written."""

    action = models.CharField(
        max_length=40,
        verbose_name=_("action"),
    )
    # An HMAC of the client's address (and what it tried), not the address.
    key = models.CharField(
        max_length=64,
        verbose_name=_("key"),
    )
    created_at = models.DateTimeField(
        default=timezone.now,
        verbose_name=_("time"),
    )

    class Meta:
        indexes = [
            models.Index(fields=["action", "key", "created_at"], name="ratelimit_count"),
            models.Index(fields=["action", "created_at"], name="ratelimit_prune"),
        ]
        verbose_name = _("rate limit attempt")
        verbose_name_plural = _("rate limit attempts")

    def __str__(self):
        return f"{self.action} at {self.created_at:%Y-%m-%d %H:%M:%S}"
