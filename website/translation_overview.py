"""The translation overview of the admin: for each site and each of its
languages, how many of the site's pages are live in that language, how many
are missing there, and how many are out of date (their English source changed
in a translatable field since the translation was last synced), with links to
each page and to wagtail-localize's editor.

Moderators (of any site) and administrators see it under *Reports*.

"Out of date" compares the words wagtail-localize last took from the English
page (``TranslationSource``, updated by *Sync*) with the English page's words
now: only translatable fields count (titles, summaries, bodies, captions), not
synchronised ones (dates, images, links), which follow the English page
without a translator. It is asked only of pages published in English since
their last sync.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

from website.roles import TEAMS
from website.sites import site_languages, with_languages

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def may_see_overview(user):
    """Administrators and the moderators of any site."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    moderators = [team.moderators for team in TEAMS]
    return user.groups.filter(name__in=moderators).exists()


def translatable_words(instance):
    """The words of ``instance`` wagtail-localize gives translators: its
    translatable fields' strings (synchronised fields are left out)."""
    words = set()
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            words.add((segment.path, segment.string.data))
        elif isinstance(segment, TemplateSegmentValue):
            words.add((segment.path, segment.template))
    return words


def changed_since_sync(page, source):
    """Whether the English ``page`` changed in a translatable field since
    ``source`` (its TranslationSource) was last updated."""
    if source is None or page.last_published_at is None:
        return False
    if page.last_published_at <= source.last_updated_at:
        return False
    try:
        synced = source.as_instance()
    except Exception:  # the source's content no longer fits the model
        return True
    return translatable_words(page.specific) != translatable_words(synced)


@dataclass
class LanguageState:
    code: str
    name: str
    live: list = field(default_factory=list)  # [(English page, translation)]
    missing: list = field(default_factory=list)  # [(English page, draft translation or None)]
    outdated: list = field(default_factory=list)  # [(English page, translation, source)]


@dataclass
class SiteState:
    site: Site
    languages: list  # [LanguageState]


def overview(sites=None, languages=None):
    """[SiteState] for ``sites`` (default: every site), each with the
    site's languages (or those of them in ``languages``) but English."""
    sites = list(with_languages(Site.objects.select_related("root_page").order_by("pk")))
    if languages is not None:
        languages = set(languages)
    english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    states = []
    for site in sites:
        codes = [
            code
            for code in site_languages(site)
            if code != settings.LANGUAGE_CODE
            and code in locales
            and (languages is None or code in languages)
        ]
        if not codes:
            continue
        sources = (
            Page.objects.live()
            .filter(locale=english, path__startswith=site.root_page.path)
            .order_by("path")
        )
        sources = list(sources)
        keys = [page.translation_key for page in sources]
        translations = {}
        for page in Page.objects.filter(
            Q(translation_key__in=keys),
            locale__in=[locales[code] for code in codes],
        ):
            translations[(page.translation_key, page.locale_id)] = page
        synced = {
            source.object_id: source
            for source in TranslationSource.objects.filter(object_id__in=keys, locale=english)
        }
        changed = {}
        site_state = SiteState(site=site, languages=[])
        for code in codes:
            locale = locales[code]
            state = LanguageState(code=code, name=LANGUAGE_NAMES.get(code, code))
            for page in sources:
                translation = translations.get((page.translation_key, locale.pk))
                if translation is None or not translation.live:
                    state.missing.append((page, translation))
                    continue
                state.live.append((page, translation))
                source = synced.get(page.translation_key)
                if page.pk not in changed:
                    changed[page.pk] = changed_since_sync(page, source)
                if changed[page.pk]:
                    state.outdated.append((page, translation, source))
            site_state.languages.append(state)
        states.append(site_state)
    return states


def sites_for_languages(languages):
    """The sites whose languages include one of ``languages``."""
    sites = with_languages(Site.objects.select_related("root_page").order_by("pk"))
    return [site for site in sites if set(site_languages(site)) & set(languages)]
