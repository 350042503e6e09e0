from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject stories are filed under: counter-trafficking, migrant health, …"""

    name = models.CharField(
        max_length=80,
        help_text=_("The topic as readers see it."),
        verbose_name=_("name"),
    )
    slug = models.SlugField(
        max_length=80,
        allow_unicode=True,
        help_text=_("Used in addresses (?topic=…); lowercase words joined by hyphens."),
        verbose_name=_("slug"),
    )
    description = models.TextField(
        blank=True,
        help_text=_("Optional: one sentence on what the topic covers."),
        verbose_name=_("description"),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The slug is the English one in every language: it names the topic in
    # addresses (?topic=…) and stories are tagged with the English topics.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]

    def __str__(self):
        return self.name
