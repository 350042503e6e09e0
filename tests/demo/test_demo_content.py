"""`manage.py load_demo_content` builds the demo site from Issue 1 of the
Regional Response Report, and running it again never undoes an editor's work.

The demo comes in Russian (every page, topic and footer text) and in Kyrgyz
(the Kyrgyzstan mission's home, newsroom, contact page and stories), as
wagtail-localize translations that translators can open and change (the
tests at the end). Every test here shares one load of the demo (``demo_once``)."""

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
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from demo import content
from demo.loader import demo_translation_key
from demo.translate import demo_page_keys
from demo.translations_ky import PAGES as KYRGYZ_PAGES
from missions.models import MissionContactPage, MissionHomePage
from newsroom.models import (
    NewsIndexPage,
    NewsItemPage,
    PhotoGalleryPage,
    PublicationPage,
    ReportIssuePage,
    Topic,
)
from website.models import FooterText, RegionalHomePage, SiteSettings
from website.structure import MISSIONS, MISSIONS_BY_COUNTRY, REGIONAL

ALMATY_SOURCE = (
    "https://kazakhstan.iom.int/news/"
    "covid-19-migration-challenges-central-asia-discussed-almaty-process-ministerial-conference"
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The generated illustrations go to a temporary folder, not the repository."""
    settings.MEDIA_ROOT = str(tmp_path / "demo-media")


def load_demo(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """What a second run must leave exactly as it was."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "url_path", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("pk", "title", "file")),
        "topics": sorted(Topic.objects.values_list("pk", "slug")),
        "sites": sorted(Site.objects.values_list("pk", "hostname", "port", "root_page_id")),
        "footers": FooterText.objects.count(),
        "documents": sorted(get_document_model().objects.values_list("pk", "title", "file")),
        "site settings": sorted(SiteSettings.objects.values_list("pk", "footer_text_id")),
    }


def assert_unchanged_since(first, output):
    """The snapshot is the same; when not, the message names the pages that
    changed and what the command reported, not a dump of the whole tree."""
    now = snapshot()
    if now == first:
        return
    before = {pk: (path, revision) for pk, path, revision in first["pages"]}
    changed = [
        f"{path} ({Page.objects.get(pk=pk).locale.language_code})"
        for pk, path, revision in now["pages"]
        if before.get(pk) != (path, revision)
    ]
    others = [key for key in now if key != "pages" and now[key] != first[key]]
    pytest.fail(
        f"Changed pages: {changed or 'none'}; other changes: {others or 'none'}; "
        f"revisions {first['revisions']} -> {now['revisions']}.\nCommand output:\n{output}"
    )


def english(model):
    """The demo also holds Russian and Kyrgyz translations; these tests look
    at the English originals."""
    return model.objects.filter(locale__language_code="en")


def almaty_story():
    return english(NewsItemPage).get(source_url=ALMATY_SOURCE)


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module, in a transaction rolled back after
    it (each test still runs in its own savepoint). Returns the folder of its
    media files."""
    media = str(tmp_path_factory.mktemp("demo-media"))
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        translation.override(settings.LANGUAGE_CODE),
    ):
        with transaction.atomic():
            cache.clear()
            load_demo()
            yield media
            transaction.set_rollback(True)
    cache.clear()  # Wagtail caches site root paths; they were rolled back


@pytest.fixture
def demo(demo_once, db, settings):
    """The site as a first run of ``load_demo_content`` leaves it: the
    database, and its pictures copied into the test's own media folder."""
    shutil.copytree(demo_once, settings.MEDIA_ROOT, dirs_exist_ok=True)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_running_the_command_twice_changes_nothing():
    first = snapshot()

    output = load_demo()

    assert_unchanged_since(first, output)
    assert "0 created" in output and "0 restored" in output


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_an_editors_change_to_a_demo_page_survives_a_second_run():
    page = almaty_story()
    page.summary = "Edited by the Kazakhstan team."
    page.save_revision().publish()
    revisions = Revision.objects.count()

    load_demo()

    page = almaty_story()
    assert page.summary == "Edited by the Kazakhstan team."
    assert page.get_latest_revision_as_object().summary == "Edited by the Kazakhstan team."
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_an_editors_draft_survives_a_second_run():
    page = almaty_story()
    page.title = "A draft title"
    page.save_revision()

    load_demo()

    page = almaty_story()
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "A draft title"


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_reset_restores_edited_demo_pages_and_keeps_the_editors_own_pages():
    edited = almaty_story()
    demo_summary = edited.summary
    edited.summary = "Edited by the Kazakhstan team."
    edited.save_revision().publish()
    kazakh_news = (
        english(NewsIndexPage)
        .child_of(english(MissionHomePage).get(slug=MISSIONS_BY_COUNTRY["KZ"].slug))
        .get()
    )
    own_story = NewsItemPage(
        title="An editor's own story",
        summary="Not part of the demo.",
        body=[{"type": "paragraph", "value": "<p>Our own words.</p>"}],
    )
    kazakh_news.add_child(instance=own_story)
    own_story.save_revision().publish()
    # The edited story and its translations (synchronised again from it).
    restored_ids = [
        str(pk)
        for pk in NewsItemPage.objects.filter(translation_key=edited.translation_key).values_list(
            "pk", flat=True
        )
    ]
    other_revisions = set(Revision.objects.exclude(object_id__in=restored_ids).values_list("pk"))

    output = load_demo("--reset")

    edited = almaty_story()
    assert edited.summary == demo_summary
    assert not edited.has_unpublished_changes
    assert "1 restored" in output
    assert f"Restored {edited.url_path} (summary)." in output
    # Only the edited page (and its translations) got a new revision; the
    # editor's own story is untouched.
    assert set(Revision.objects.exclude(object_id__in=restored_ids).values_list("pk")) == (
        other_revisions
    )
    own_story.refresh_from_db()
    assert own_story.live and own_story.summary == "Not part of the demo."


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_reset_of_an_unchanged_demo_saves_nothing():
    first = snapshot()

    output = load_demo("--reset")

    assert_unchanged_since(first, output)
    assert "0 restored" in output


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_reset_restores_the_regional_homes_featured_stories_and_site_settings():
    home = english(RegionalHomePage).get()
    featured = [block.value.pk for block in home.featured_stories]
    home.featured_stories = []
    home.intro = "<p>Our own welcome.</p>"
    home.save_revision().publish()
    regional_site = Site.objects.get(hostname=REGIONAL.hostname)
    site_settings = SiteSettings.for_site(regional_site)
    site_settings.social_links = []
    site_settings.save()

    load_demo()
    home = english(RegionalHomePage).get()
    assert home.intro == "<p>Our own welcome.</p>" and not home.featured_stories
    assert not SiteSettings.for_site(regional_site).social_links

    load_demo("--reset")
    home = english(RegionalHomePage).get()
    assert [block.value.pk for block in home.featured_stories] == featured
    assert home.intro == content.REGIONAL_INTRO
    assert home.revisions.count() == 3  # the demo's, the editor's, the reset's
    assert SiteSettings.for_site(regional_site).social_links[0].value["url"] == (
        content.FACEBOOK_URL
    )


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
def test_reset_finds_a_demo_page_an_editor_renamed():
    page = almaty_story()
    page.slug = "almaty-process-2021"
    page.save_revision().publish()
    stories = english(NewsItemPage).count()

    load_demo("--reset")

    assert english(NewsItemPage).count() == stories
    assert almaty_story().slug == "almaty-process-ministerial-conference-2021"


@pytest.mark.django_db
def test_a_welcome_page_an_editor_changed_is_kept():
    welcome = Page.objects.get(title="Welcome to your new Wagtail site!")
    welcome.title = "Our first page"
    welcome.save_revision().publish()

    load_demo()

    assert Page.objects.filter(pk=welcome.pk, title="Our first page").exists()
    assert Site.objects.get(is_default_site=True).hostname == REGIONAL.hostname


@pytest.mark.django_db
@pytest.mark.usefixtures("demo")
class TestTheDemoSite:
    """What the demo holds, checked on one load."""

    def test_the_almaty_process_story_exists_once_owned_by_kazakhstan_shared_with_five_sites(self):
        matches = english(NewsItemPage).filter(title__icontains="Almaty Process")
        assert matches.count() == 1
        page = matches.get()
        assert page.source_url == ALMATY_SOURCE
        assert page.get_parent().get_parent().specific.country == "KZ"
        assert page.date.isoformat() == "2021-01-27"
        shared = {site.hostname for site in page.shared_with.all()}
        assert shared == {REGIONAL.hostname} | {
            spec.hostname for spec in MISSIONS if spec.country != "KZ"
        }
        assert page.summary and page.topics.exists()

    def test_every_demo_image_is_credited_as_a_generated_illustration(self):
        images = get_image_model().objects.all()
        assert images.exists()
        for image in images:
            assert "Generated illustration" in image.credit, image.title
            assert "not a photograph" in image.rights, image.title
            assert image.publication_problems() == [], image.title
        people = images.filter(identifiable_people=True)
        assert sorted(people.values_list("title", flat=True)) == [
            "Demo illustration: a returning migrant receives food aid",
            "Demo illustration: a shoemaker's workbench in Kostanay",
        ]
        assert all(image.consent_reference.startswith("DEMO-CONSENT") for image in people)

    def test_the_report_issue_has_the_reports_sections_in_order_with_their_stories(self):
        issue = english(ReportIssuePage).get(slug="issue-1")
        assert issue.title == "Regional Response Report, Issue 1"
        assert issue.issue_number == 1
        assert issue.publication_date.isoformat() == "2021-02-01"
        assert issue.cover_image is not None and issue.cover_image_alt
        assert issue.get_parent().slug == "reports"
        assert issue.get_parent().title == "Regional Response Report"
        sections = [
            (block.value["heading"], [page.specific.title for page in block.value["stories"]])
            for block in issue.sections
        ]
        assert [heading for heading, _stories in sections] == [
            "Direct assistance",
            "Partnership in action",
            "Addressing migrants' healthcare needs",
            "Technical assistance for victim-centred facilities",
        ]
        titles = {s.key: s.title for s in content.STORIES}
        assert [stories for _heading, stories in sections] == [
            [
                titles["return-operation"],
                titles["internal-migrants-kazakhstan"],
                titles["reintegration-training"],
            ],
            [titles["almaty-process"]],
            [titles["migrants-health-meeting"]],
            [titles["victim-centred-facilities"]],
        ]
        assert all(block.value["intro"].source for block in issue.sections)

    def test_contact_pages_hold_the_reports_emails_hotlines_and_emergency_number(self):
        def contacts(country):
            home = english(MissionHomePage).get(country=country)
            page = english(MissionContactPage).child_of(home).get()
            return {
                "emails": [b.value["email"] for b in page.emails],
                "hotlines": [(b.value["number"], b.value["toll_free"]) for b in page.hotlines],
                "emergency": [b.value["number"] for b in page.emergency_numbers],
                "social": [b.value["url"] for b in page.social_links],
                "slug": page.slug,
            }

        kz, kg, tj, tm, uz = (contacts(c) for c in ("KZ", "KG", "TJ", "TM", "UZ"))
        assert kz["emails"] == ["iomastana@iom.int", "iomalmaty@iom.int"]
        assert kz["hotlines"] == [("11616", True)]
        assert kg["emails"] == ["iomkyrgyzstan@iom.int"]
        assert kg["hotlines"] == [("1899", True)]
        assert tj["emails"] == ["dushanbe@iom.int"]
        assert tj["emergency"] == ["+992900800800"]
        assert tm["emails"] == ["iomashgabat@iom.int"]
        assert uz["emails"] == ["iomuz@iom.int"]
        for page in (kz, kg, tj, tm, uz):
            assert page["slug"] == "contact"
            assert page["social"] == ["https://www.facebook.com/IOMCentralAsia"]

    def test_six_sites_on_their_hostnames_with_the_regional_site_as_default(self):
        sites = {site.hostname: site for site in Site.objects.select_related("root_page")}
        assert set(sites) == {REGIONAL.hostname} | {spec.hostname for spec in MISSIONS}
        regional = sites[REGIONAL.hostname]
        assert regional.is_default_site
        assert regional.site_name == "Central Asia"
        assert isinstance(regional.root_page.specific, RegionalHomePage)
        for spec in MISSIONS:
            site = sites[spec.hostname]
            assert not site.is_default_site
            assert site.site_name == spec.name
            assert site.root_page.specific.country == spec.country
        assert {site.port for site in sites.values()} == {settings.SITE_PORT}
        # Wagtail's untouched welcome page is gone; nothing else sits at the root.
        assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
        for site in sites.values():
            assert SiteSettings.for_site(site).footer_text is not None
            assert SiteSettings.for_site(site).social_links[0].value["platform"] == "facebook"

    def test_the_demo_tree_has_the_designed_shape(self):
        regional = english(RegionalHomePage).get()
        assert [(p.slug, p.specific_class.__name__) for p in regional.get_children()] == [
            ("news", "NewsIndexPage"),
            ("reports", "ReportIndexPage"),
            ("photos", "GalleryIndexPage"),
            ("publications", "PublicationIndexPage"),
            ("contacts", "ContactIndexPage"),
        ]
        assert [s.value.title for s in regional.featured_stories] == [
            s.title for key in content.FEATURED_STORIES for s in content.STORIES if s.key == key
        ]
        for home in english(MissionHomePage).all():
            assert [(p.slug, p.specific_class.__name__) for p in home.get_children()] == [
                ("news", "NewsIndexPage"),
                ("photos", "GalleryIndexPage"),
                ("publications", "PublicationIndexPage"),
                ("contact", "MissionContactPage"),
            ]
            assert home.intro and home.languages_spoken
        hotlines = {h.country: h.hotline_number for h in english(MissionHomePage).all()}
        assert hotlines["KZ"] == "11616" and hotlines["KG"] == "1899"
        assert not Page.objects.filter(depth__gt=1, live=False).exists()
        assert not Page.objects.filter(depth__gt=1, live_revision__isnull=True).exists()

    def test_every_story_has_topics_a_summary_and_a_described_illustration(self):
        stories = english(NewsItemPage).all()
        assert stories.count() == 6
        for page in stories:
            mission = page.get_parent().get_parent().specific
            assert page.summary and page.topics.exists(), page.title
            assert len(page.body) >= 3, page.title
            assert page.lead_image is not None, page.title
            assert page.lead_image_alt and page.lead_image_caption, page.title
            assert "not a photograph" in page.lead_image_credit
            assert (
                page.lead_image.collection.name == MISSIONS_BY_COUNTRY[mission.country].collection
            )
            assert page.date.year == 2021 and page.date.month == 1
        assert {t.slug for t in english(Topic).all()} == {t.slug for t in content.TOPICS}

    def test_galleries_show_two_to_four_described_illustrations(self):
        galleries = {
            g.get_parent().get_parent().specific.country: g for g in english(PhotoGalleryPage).all()
        }
        assert set(galleries) == {"KZ", "KG", "TJ"}
        assert galleries["KZ"].place == "Kostanay"
        assert galleries["TJ"].date.isoformat() == "2021-01-21"
        for gallery in galleries.values():
            photos = list(gallery.photos.all())
            assert 2 <= len(photos) <= 4
            for photo in photos:
                assert photo.alt_text and photo.caption and "not a photograph" in photo.credit
                assert photo.image.width == 1600 and photo.image.height == 1000

    def test_gallery_photos_are_numbered_in_the_reports_order(self, client):
        """Numbered as the admin numbers them, so that every database (PostgreSQL
        too) returns them, and the gallery page shows them, in the same order."""
        for spec in content.GALLERIES:
            gallery = english(PhotoGalleryPage).get(slug=spec.slug)
            captions = [picture.caption for picture in spec.photos]
            assert list(gallery.photos.values_list("sort_order", "caption")) == list(
                enumerate(captions)
            )
            revision = gallery.get_latest_revision_as_object()
            assert [photo.caption for photo in revision.photos.all()] == captions
            _site_id, root_url, path = gallery.get_url_parts()
            page = client.get(path, HTTP_HOST=urlsplit(root_url).netloc).content.decode()
            assert sorted(captions, key=page.index) == captions

    def test_every_demo_page_renders_on_its_own_site(self, client):
        failures = []
        for page in Page.objects.filter(depth__gt=1).live().public().specific():
            _site_id, root_url, path = page.get_url_parts()
            response = client.get(path, HTTP_HOST=urlsplit(root_url).netloc)
            if response.status_code != 200:
                failures.append(f"{root_url}{path}: {response.status_code}")
        assert failures == []

    def test_the_handbook_and_the_brochure_are_demo_pdfs_in_their_languages(self):
        from io import BytesIO

        from pypdf import PdfReader

        handbook = english(PublicationPage).get(slug="reintegration-handbook")
        brochure = english(PublicationPage).get(
            slug="preventing-stis-and-hiv-among-migrant-workers"
        )
        assert handbook.get_parent().get_parent().specific.country == "KG"
        assert brochure.get_parent().get_parent().specific.country == "TJ"
        assert [f.language for f in handbook.files.all()] == ["ru", "ky"]
        assert [f.language for f in brochure.files.all()] == ["tg", "ru"]
        for file in [*handbook.files.all(), *brochure.files.all()]:
            assert file.page_count == 2 and file.file_size
            with file.document.file.open("rb") as pdf:
                text = PdfReader(BytesIO(pdf.read())).pages[0].extract_text()
            assert "Demo file" in text
            assert file.document.collection.name == (
                "Kyrgyzstan" if file.page_id == handbook.pk else "Tajikistan"
            )

    def test_the_stories_and_the_report_issue_link_the_publications(self, client):
        handbook = english(PublicationPage).get(slug="reintegration-handbook")
        brochure = english(PublicationPage).get(
            slug="preventing-stis-and-hiv-among-migrant-workers"
        )
        for story_key, publication in [
            ("reintegration-training", handbook),
            ("migrants-health-meeting", brochure),
        ]:
            story = english(NewsItemPage).get(
                slug=next(s.slug for s in content.STORIES if s.key == story_key)
            )
            linked = [b.value.pk for b in story.body if b.block_type == "publication"]
            assert linked == [publication.pk]
            _site_id, root_url, path = publication.get_url_parts()
            page = client.get(path, HTTP_HOST=urlsplit(root_url).netloc)
            assert [s.pk for s in page.context["mentioned_in"]] == [story.pk]
        issue = english(ReportIssuePage).get(slug="issue-1")
        featured = [page.pk for block in issue.sections for page in block.value["publications"]]
        assert featured == [handbook.pk, brochure.pk]


# --- The demo's translations ---------------------------------------------------


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
