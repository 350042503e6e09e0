"""Publications: the page type, its files (PDFs, one per language, kept in
every translation), the rules of the tree, the checks of the files and the
publication's page."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset

from newsroom.models import (
    GalleryIndexPage,
    NewsIndexPage,
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
)
from tests.factories import (
    PdfDocumentFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_tree_additions():
    def add(tree):
        kg_index = PublicationIndexPageFactory(parent=tree.kyrgyzstan)
        kz_index = PublicationIndexPageFactory(parent=tree.kazakhstan)
        regional_index = PublicationIndexPageFactory(parent=tree.regional)
        handbook = PublicationPageFactory(
            parent=kg_index, title="Reintegration Handbook", files=("ru", "ky")
        )
        return {
            "kg_index": kg_index,
            "kz_index": kz_index,
            "regional_index": regional_index,
            "handbook": handbook,
        }

    return add


@pytest.fixture
def added(site_tree, site_tree_added):
    return site_tree_added


def file_rows(document, language="ru"):
    return {"document": str(document.pk), "language": language}


def publication_form(title="Migrant worker's guide", files=(), **extra):
    data = {
        "title": title,
        "slug": extra.pop("slug", "migrant-workers-guide"),
        "kind": "guide",
        "date": "2024-05-01",
        "summary": "What a migrant worker should know before leaving.",
        "cover_image_alt": "",
        "files": inline_formset([file_rows(doc, lang) for doc, lang in files]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(extra)
    return data


# --- The tree ---------------------------------------------------------------------


def test_publications_live_under_a_publications_index_under_each_home():
    assert PublicationPage.parent_page_types == ["newsroom.PublicationIndexPage"]
    assert PublicationPage.subpage_types == []
    assert set(PublicationIndexPage.parent_page_types) == {
        "website.RegionalHomePage",
        "missions.MissionHomePage",
    }
    assert PublicationIndexPage.max_count_per_parent == 1
    assert PublicationIndexPage.can_create_at(Page()) is False


def test_a_publication_cannot_go_under_the_news(site_tree, added):
    assert not PublicationPage.can_create_at(site_tree.kyrgyzstan_news)
    assert PublicationPage.can_create_at(added["kg_index"])
    assert not NewsIndexPage.can_create_at(added["kg_index"])
    assert not GalleryIndexPage.can_create_at(added["kg_index"])
    # One library per site.
    assert not PublicationIndexPage.can_create_at(site_tree.kyrgyzstan)


# --- Files ----------------------------------------------------------------------------


def test_files_know_their_pages_and_size(added):
    handbook = added["handbook"]
    files = list(handbook.files.all())
    assert [file.language for file in files] == ["ru", "ky"]
    assert all(file.page_count == 2 for file in files)
    assert all(file.file_size == file.document.file.size for file in files)


def test_admin_adds_a_publication_with_two_files(page_admin, added):
    russian = PdfDocumentFactory(title="Guide (Russian)", pages=3)
    tajik = PdfDocumentFactory(title="Guide (Tajik)", pages=5)

    response = page_admin.add(
        added["kg_index"],
        PublicationPage,
        publication_form(files=[(russian, "ru"), (tajik, "tg")]),
    )

    assert response.status_code == 302, page_admin.form_errors(response)
    page = PublicationPage.objects.get(slug="migrant-workers-guide")
    assert page.live
    assert [(f.language, f.page_count) for f in page.files.all()] == [("ru", 3), ("tg", 5)]


def test_a_file_may_be_in_a_language_the_sites_do_not_use(page_admin, added):
    german = PdfDocumentFactory(title="Leitfaden", pages=1)
    response = page_admin.add(
        added["kg_index"], PublicationPage, publication_form(files=[(german, "de")])
    )
    assert response.status_code == 302, page_admin.form_errors(response)
    file = PublicationFile.objects.get(document=german)
    assert file.language == "de"


def test_a_publication_without_files_cannot_be_published(page_admin, added):
    response = page_admin.add(added["kg_index"], PublicationPage, publication_form())

    form = response.context["form"]
    assert "Add at least one PDF file before publishing" in str(form.non_field_errors())
    assert not PublicationPage.objects.filter(slug="migrant-workers-guide").exists()


def test_a_draft_without_files_can_be_saved(page_admin, added):
    response = page_admin.add(added["kg_index"], PublicationPage, publication_form(), publish=False)
    assert response.status_code == 302
    page = PublicationPage.objects.get(slug="migrant-workers-guide")
    assert not page.live


def _errors_of_files(response):
    formset = response.context["form"].formsets["files"]
    return " ".join(str(form.errors) for form in formset.forms)


def test_a_file_that_is_not_a_pdf_is_refused(page_admin, added):
    text = PdfDocumentFactory(title="Notes")
    text.file.save("notes.txt", ContentFile(b"plain words"), save=True)

    response = page_admin.add(
        added["kg_index"], PublicationPage, publication_form(files=[(text, "ru")])
    )

    assert "is not a PDF" in _errors_of_files(response)
    assert not PublicationPage.objects.filter(slug="migrant-workers-guide").exists()
    assert not PublicationFile.objects.filter(document=text).exists()


def test_a_broken_pdf_is_refused_and_nothing_is_saved(page_admin, added):
    broken = PdfDocumentFactory(title="Broken")
    broken.file.save("broken.pdf", ContentFile(pdf_bytes(2)[:300]), save=True)
    good = PdfDocumentFactory(title="Good")

    response = page_admin.add(
        added["kg_index"],
        PublicationPage,
        publication_form(files=[(good, "ru"), (broken, "ky")]),
    )

    assert "not a PDF that can be read" in _errors_of_files(response)
    assert not PublicationPage.objects.filter(slug="migrant-workers-guide").exists()
    assert (
        not PublicationFile.objects.exists()
        or not PublicationFile.objects.filter(document__in=[good, broken]).exists()
    )


def test_a_huge_pdf_is_refused(page_admin, added, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    big = PdfDocumentFactory(title="Huge", pages=40)
    assert big.file.size > 1000

    response = page_admin.add(
        added["kg_index"], PublicationPage, publication_form(files=[(big, "ru")])
    )

    assert "at most" in _errors_of_files(response)
    assert not PublicationPage.objects.filter(slug="migrant-workers-guide").exists()


def test_a_translation_keeps_the_files(added):
    handbook = added["handbook"]
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    # Its parents are translated first, as wagtail-localize does.
    for ancestor in handbook.get_ancestors().filter(depth__gte=2).specific():
        if not ancestor.has_translation(russian):
            ancestor.copy_for_translation(russian)
    translation = handbook.copy_for_translation(russian)

    assert [(f.document_id, f.language, f.page_count) for f in translation.files.all()] == [
        (f.document_id, f.language, f.page_count) for f in handbook.files.all()
    ]


# --- The publication's page -----------------------------------------------------------------


def test_the_page_offers_each_file_labelled_with_its_language(fetch_page, added):
    response = fetch_page(added["handbook"])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Download in Russian" in html
    assert "Download in Kyrgyz" in html
    assert "2 pages" in html
    for file in added["handbook"].files.all():
        assert file.document.url in html


def test_file_languages_read_in_the_readers_language(client, added):
    from django.utils import translation

    handbook = added["handbook"]
    with translation.override("ru"):
        names = [name for _code, name in handbook.file_languages()]
    assert names == ["Русский", "Киргизский"]
