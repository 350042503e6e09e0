"""Fixtures of the language tests: translations made through wagtail-localize,
translators, and the interface catalogues compiled for the tests."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from website.roles import setup_roles, translator_groups


def localize(instance, language_code, texts=None, *, publish=True):
    """Translate a page or snippet as a translator does in wagtail-localize's
    editor: a Translation of the English object, a StringTranslation per
    segment, then the target saved (and published). ``texts`` maps English
    segments to their translation; the others get "[<code>] " before the
    English words. A page's missing parents are translated (and published)
    first. Returns the translated object."""
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(instance, Page):
        instance = instance.specific
        parent = instance.get_parent()
        if not parent.is_root() and parent.get_translation_or_none(locale) is None:
            localize(parent, language_code)
    texts = texts or {}
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts.get(english, f"[{language_code}] {english}"),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # save_target publishes when the transaction commits, which a test's
    # transaction never does: the revision is published here instead.
    translation.save_target(publish=False)
    target = instance.get_translation(locale).specific
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


@pytest.fixture
def roles(site_tree):
    """``site_tree`` with the teams and translators' groups set up: run it after
    the home pages' translations exist (as `make run` runs setup after the demo)."""

    def run():
        setup_roles()
        return site_tree

    return run


@pytest.fixture
def make_translator(db):
    """``make_translator("ru")``: a user in the "Translators (<Language>)" group."""

    def make(language_code, username=None):
        username = username or f"translator-{language_code}"
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password="unused-in-tests"
        )
        user.groups.add(Group.objects.get(name=translator_groups()[language_code]))
        return user

    return make


@pytest.fixture(scope="session")
def compiled_catalogues(tmp_path_factory):
    """The project's .po catalogues (django and djangojs) compiled into a
    temporary folder (so the tests need no `make messages` and parallel
    workers never share a .mo)."""
    folder = tmp_path_factory.mktemp("locale")
    for locale_path in settings.LOCALE_PATHS:
        for po_path in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            target = folder / po_path.relative_to(locale_path).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(po_path)).save_as_mofile(str(target))
    return folder


@pytest.fixture
def interface_translations(settings, compiled_catalogues):
    """Use the compiled catalogues (changing LOCALE_PATHS resets Django's
    translation caches)."""
    settings.LOCALE_PATHS = [compiled_catalogues]
