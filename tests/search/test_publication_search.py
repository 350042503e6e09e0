"""Publications in the site search: kind "Publication", found by their
summary and by the text of their PDF files."""

import pytest

from tests.factories import PublicationIndexPageFactory, PublicationPageFactory
from tests.search.conftest import found_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(site_tree):
    index = PublicationIndexPageFactory(parent=site_tree.kyrgyzstan)
    handbook = PublicationPageFactory(
        parent=index,
        title="Reintegration Handbook",
        summary="Advice for social workers helping returning quokkas.",
        files=("ru",),
    )
    # The files' text is indexed with the page, when it is published again.
    file = handbook.files.get()
    file.text = "Psychosocial support for wombats coming home"
    file.save()
    handbook.save_revision().publish()
    return handbook


def test_a_publication_is_found_by_its_summary_as_a_publication(site_tree, library, search):
    response = search(site_tree.kyrgyzstan_site, "quokkas")

    assert found_titles(response) == ["Reintegration Handbook"]
    [hit] = response.context["search_results"]
    assert str(hit.kind.label) == "Publication"
    assert "Publication" in response.content.decode()


def test_a_publication_is_found_by_the_text_of_its_files(site_tree, library, search):
    assert found_titles(search(site_tree.kyrgyzstan_site, "wombats")) == ["Reintegration Handbook"]


def test_the_type_filter_offers_publications(site_tree, library, search):
    response = search(site_tree.kyrgyzstan_site, "quokkas", type="publication")
    assert found_titles(response) == ["Reintegration Handbook"]
    assert found_titles(search(site_tree.kyrgyzstan_site, "quokkas", type="story")) == []


def test_another_sites_search_does_not_find_it(site_tree, library, search):
    assert found_titles(search(site_tree.kazakhstan_site, "quokkas")) == []


def test_the_text_of_a_pdf_is_read_with_pypdf(site_tree):
    from newsroom.models.publications import inspect_pdf
    from tests.factories import PdfDocumentFactory

    document = PdfDocumentFactory()
    pages, size, text = inspect_pdf(document, with_text=True)
    assert pages == 2 and size == document.file.size
    assert text == ""  # blank pages: no words, and no error


def test_a_site_the_publication_is_shared_with_finds_it(site_tree, library, search):
    library.shared_with.add(site_tree.kazakhstan_site)
    library.save_revision().publish()

    assert found_titles(search(site_tree.kazakhstan_site, "quokkas")) == ["Reintegration Handbook"]
