"""The demo content comes in Russian (every page, topic and footer text) and
in Kyrgyz (the Kyrgyzstan mission's home, newsroom, contact page and stories),
as wagtail-localize translations that translators can open and change."""

import shutil
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from demo import content
from demo.loader import demo_translation_key
from demo.translate import demo_page_keys
from demo.translations_ky import PAGES as KYRGYZ_PAGES
from newsroom.models import NewsItemPage, Topic
from website.models import FooterText


def load_demo(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module, rolled back after it (each test
    still runs in its own savepoint)."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        translation.override(settings.LANGUAGE_CODE),
    ):
        with transaction.atomic():
            cache.clear()
            output = load_demo()
            yield output, media
            transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def demo(demo_once, db, settings):
    """The demo's output; its pictures are copied into the test's own media
    folder (where the pages make their renditions)."""
    output, media = demo_once
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return output


def english_demo_pages():
    english = Locale.get_default()
    return [
        Page.objects.get(translation_key=demo_translation_key(key), locale=english)
        for key in demo_page_keys()
    ]


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestTheDemoTranslations:
    def test_every_demo_page_has_a_live_russian_wagtail_localize_translation(self):
        russian = Locale.objects.get(language_code="ru")
        pages = english_demo_pages()

        assert len(pages) == 43  # 35, and 6 publication indexes and 2 publications
        for page in pages:
            translated = page.get_translation(russian)
            record = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=russian
            )
            assert record.enabled and record.source.locale == page.locale
            assert translated.live and not translated.has_unpublished_changes
            total, done = record.get_progress()
            assert total == done, f"{page.url_path}: {done} of {total} strings in Russian"
            assert translated.title != page.title, page.url_path

    def test_topics_and_footer_texts_are_in_russian(self):
        russian = Locale.objects.get(language_code="ru")
        for snippet in [
            *Topic.objects.filter(locale=Locale.get_default()),
            *FooterText.objects.filter(locale=Locale.get_default()),
        ]:
            record = Translation.objects.get(
                source__object_id=snippet.translation_key, target_locale=russian
            )
            total, done = record.get_progress()
            assert total == done, str(snippet)
        assert Topic.objects.get(slug="protection", locale=russian).name == "Защита"

    def test_the_kyrgyzstan_mission_is_in_kyrgyz_down_to_its_stories(self):
        kyrgyz = Locale.objects.get(language_code="ky")
        keys = [
            "kyrgyzstan",
            "kyrgyzstan/news",
            "kyrgyzstan/contact",
            *(f"kyrgyzstan/news/{s.key}" for s in content.STORIES if s.site == "kyrgyzstan"),
        ]

        assert sorted(KYRGYZ_PAGES) == sorted(keys)
        for key in keys:
            page = Page.objects.get(translation_key=demo_translation_key(key), locale=kyrgyz)
            record = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=kyrgyz
            )
            total, done = record.get_progress()
            assert page.live and total == done, key
        assert not Page.objects.filter(
            locale=kyrgyz, translation_key=demo_translation_key("kazakhstan")
        ).exists()

    def test_translated_pages_render_in_their_language(self, client):
        failures = []
        for page in Page.objects.filter(locale__language_code__in=["ru", "ky"]).specific():
            _site_id, root_url, path = page.get_url_parts()
            with translation.override(page.locale.language_code):
                response = client.get(path, HTTP_HOST=urlsplit(root_url).hostname)
            if response.status_code != 200:
                failures.append(f"{root_url}{path}: {response.status_code}")
            elif f'lang="{page.locale.language_code}"' not in response.content.decode()[:300]:
                failures.append(f"{root_url}{path}: not marked {page.locale.language_code}")
        assert failures == []

    def test_kyrgyz_story_is_offered_in_english_russian_and_kyrgyz(self, client):
        story = NewsItemPage.objects.get(
            translation_key=demo_translation_key("kyrgyzstan/news/return-operation"),
            locale=Locale.get_default(),
        )
        _site_id, root_url, path = story.get_url_parts()

        page = client.get(path, HTTP_HOST=urlsplit(root_url).hostname).content.decode()

        for code in ("en", "ru", "ky"):
            assert f'hreflang="{code}"' in page
        assert 'hreflang="kk"' not in page


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_a_translators_change_survives_a_second_run_and_reset_puts_the_demo_back():
    russian = Locale.objects.get(language_code="ru")
    story = NewsItemPage.objects.get(
        translation_key=demo_translation_key("kazakhstan/news/almaty-process"), locale=russian
    )
    record = Translation.objects.get(source__object_id=story.translation_key, target_locale=russian)
    title = StringTranslation.objects.get(
        locale=russian,
        context__object_id=story.translation_key,
        context__path="title",
    )
    demo_title = title.data
    title.data = "Заголовок переводчика"
    title.save()
    record.save_target(publish=False)
    story.refresh_from_db()
    story.get_latest_revision().publish()

    output = load_demo()

    story.refresh_from_db()
    assert story.title == "Заголовок переводчика"
    assert "0 restored" in output.split("ru translations")[1].splitlines()[0]

    load_demo("--reset")

    story.refresh_from_db()
    assert story.title == demo_title
