"""Translations of the demo content, made through wagtail-localize.

Each translation is a wagtail-localize ``Translation`` of the English page or
snippet, with one ``StringTranslation`` per segment, saved and published with
``Translation.save_target``: exactly what a translator's work in the
translation editor (or an imported PO file) produces, so translators see the
demo's translations in their editor and can change them.

The words are in ``translations_<language>.py``: ``STRINGS`` maps each English
segment (a text field, or a sentence or list item of rich text, with its
inline tags as wagtail-localize extracts them) to its translation; the other
names say which pages and snippets are translated. A segment without a
translation is left to fall back to English, with a note: a changed English
sentence never stops the demo from loading.

Run again, it keeps what exists: a string a translator changed, and the
translated page as they published (or unpublished) it. Only missing strings
are added, and the object is saved again only when some were (published only
if it was). With ``reset`` the sources are refreshed from the English objects,
the demo's strings are put back where they differ, and a translation is saved
and published again where anything changed or where it is unpublished or has
a draft; an unchanged demo is left as it is.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from demo import content, translations_ky, translations_ru
from demo.content import SPECS, demo_translation_key
from newsroom.models import Topic
from website.models import FooterText

CREATED, KEPT, RESTORED = "created", "kept", "restored"
TOOL_NAME = "Demo content"


@dataclass(frozen=True)
class DemoLanguage:
    code: str
    strings: dict  # English segment -> translation
    pages: list  # demo page keys, parents before children
    topics: bool  # translate every topic
    footers: list  # site slugs whose footer text is translated


def demo_page_keys(sites=None):
    """The demo's page keys (see ``loader.demo_translation_key``) in tree
    order, parents first; only those of the given site slugs when given."""
    keys = []
    for site in [content.REGION, *(mission.site for mission in content.MISSION_PAGES)]:
        if sites is not None and site not in sites:
            continue
        keys += [site, f"{site}/news"]
        if site == content.REGION:
            keys += [f"{site}/reports", f"{site}/photos", f"{site}/contacts"]
        else:
            keys += [f"{site}/photos", f"{site}/contact"]
        keys += [f"{site}/news/{story.key}" for story in content.STORIES if story.site == site]
        keys += [
            f"{site}/photos/{gallery.slug}" for gallery in content.GALLERIES if gallery.site == site
        ]
        keys.append(f"{site}/publications")
        keys += [
            f"{site}/publications/{publication.key}"
            for publication in content.PUBLICATIONS
            if publication.site == site
        ]
        if site == content.REGION:
            keys.append(f"{site}/reports/{content.REPORT_ISSUE['slug']}")
    return keys


LANGUAGES = [
    DemoLanguage(
        "ru",
        translations_ru.STRINGS,
        demo_page_keys(),
        topics=True,
        footers=list(content.FOOTERS),
    ),
    DemoLanguage(
        "ky",
        translations_ky.STRINGS,
        [key for key in demo_page_keys([content.KYRGYZSTAN]) if key in translations_ky.PAGES],
        topics=True,
        footers=[content.KYRGYZSTAN],
    ),
]


class DemoTranslator:
    """Translates the demo's pages and snippets; counts into ``tally`` (kind ->
    Counter of created / kept / restored) and explains skips in ``notes``."""

    def __init__(self, tally, notes, reset=False):
        self.tally = tally
        self.notes = notes
        self.reset = reset

    def run(self, languages=LANGUAGES):
        default_locale = Locale.get_default()
        for language in languages:
            locale = Locale.objects.filter(language_code=language.code).first()
            if locale is None:
                self.notes.append(f"No {language.code!r} locale: its demo translation is skipped.")
                continue
            self.missing = set()
            if language.topics:
                for topic in Topic.objects.filter(locale=default_locale).order_by("slug"):
                    self.translate(topic, locale, language)
            for slug in language.footers:
                footer = FooterText.objects.filter(
                    name=f"Footer: {_site_name(slug)}", locale=default_locale
                ).first()
                if footer is not None:
                    self.translate(footer, locale, language)
            for key in language.pages:
                page = Page.objects.filter(
                    translation_key=demo_translation_key(key), locale=default_locale
                ).first()
                if page is None:
                    self.notes.append(f"No English demo page {key!r}: not translated.")
                    continue
                self.translate(page.specific, locale, language)
            if self.missing:
                self.notes.append(
                    f"{len(self.missing)} English text(s) have no {language.code!r} demo "
                    "translation and show in English until translated, e.g. "
                    f"{sorted(self.missing)[0][:60]!r}."
                )

    def translate(self, instance, locale, language):
        kind = f"{language.code} translations"
        existing = instance.get_translation_or_none(locale)
        translation = Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale=locale
        ).first()
        if existing is not None and translation is None:
            # Made by hand, not by wagtail-localize: an editor's, left alone.
            self.tally[kind][KEPT] += 1
            return
        try:
            with transaction.atomic():
                source, created = TranslationSource.get_or_create_from_instance(instance)
                source_changed = False
                if self.reset and not created:
                    # The English object as it is now (the loader may have
                    # just put the demo's words back into it).
                    before = _content(source)
                    source.update_from_db()
                    source_changed = _content(source) != before
        except TypeError as error:
            # wagtail-localize cannot extract a text block stored as null,
            # as demo contact pages made before the loader gave every text.
            self.notes.append(
                f"{instance} ({language.code}) not translated: its English content cannot be "
                f"extracted ({error}). `load_demo_content --reset` repairs demo pages."
            )
            return
        restarted = False
        if translation is None:
            translation = Translation.objects.create(
                source=source, target_locale=locale, enabled=True
            )
        elif self.reset and not translation.enabled:
            translation.enabled = True  # a translator had stopped synchronising it
            translation.save(update_fields=["enabled"])
            restarted = True
        added, restored = self.fill_strings(source, locale, language)
        if existing is None:
            state, publish = CREATED, True
        elif self.reset and (
            restored or source_changed or restarted or not _is_published(existing)
        ):
            state, publish = RESTORED, True
        elif added:
            # New demo strings into a translation: saved as the translator left
            # it, published only if it was.
            state, publish = CREATED, _is_published(existing)
        else:
            self.tally[kind][KEPT] += 1
            return
        self.save(translation, instance, locale, publish=publish)
        self.tally[kind][state] += 1

    @staticmethod
    def save(translation, instance, locale, publish=True):
        """``Translation.save_target``, but publishing a page at once:
        save_target publishes pages when the transaction commits, and the demo
        is one transaction, in which a home page published at the end from its
        revision would overwrite the tree counts its translated children
        changed in the meantime."""
        if not isinstance(instance, Page):
            translation.save_target(publish=True)  # snippets are saved as they are
            return
        translation.save_target(publish=False)
        if publish:
            target = Page.objects.get(translation_key=instance.translation_key, locale=locale)
            target.get_latest_revision().publish()

    def fill_strings(self, source, locale, language):
        """StringTranslations for the source's segments from ``language.strings``;
        returns how many were added and how many put back (reset only)."""
        added = restored = 0
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        existing = {
            (item.translation_of_id, item.context_id): item
            for item in StringTranslation.objects.filter(
                locale=locale,
                translation_of_id__in=[segment.string_id for segment in segments],
            )
        }
        for segment in segments:
            text = language.strings.get(segment.string.data)
            if text is None:
                self.missing.add(segment.string.data)
                continue
            current = existing.get((segment.string_id, segment.context_id))
            if current is None:
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data=text,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    tool_name=TOOL_NAME,
                )
                added += 1
            elif self.reset and current.data != text:
                current.data = text
                current.tool_name = TOOL_NAME
                current.last_translated_by = None
                current.has_error = False
                current.field_error = ""
                current.save()
                restored += 1
        return added, restored


# What a page's serialised content holds about its place in the tree, its
# revisions and its publication rather than its content: an English page put
# back as it was, or given a new child, is unchanged.
HISTORY_FIELDS = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "latest_revision",
    "live_revision",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


def _content(source):
    data = json.loads(source.content_json)
    return {key: value for key, value in data.items() if key not in HISTORY_FIELDS}


def _is_published(instance):
    if isinstance(instance, Page):
        return instance.live and not instance.has_unpublished_changes
    return True


def _site_name(slug):
    return SPECS[slug].name


def translate_demo(loader):
    """Translate the demo content built by ``loader`` (a DemoLoader)."""
    DemoTranslator(loader.tally, loader.notes, reset=loader.reset).run()
