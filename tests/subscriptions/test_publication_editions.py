"""A report issue that features publications shows them, with their download
links, in its PDF edition (its HTML) and its e-mail edition."""

import pytest

from newsroom.editions.render import render_html
from subscriptions.edition import EmailEdition
from tests.factories import PublicationIndexPageFactory, PublicationPageFactory, report_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def featuring_issue(site_tree):
    index = PublicationIndexPageFactory(parent=site_tree.kyrgyzstan)
    handbook = PublicationPageFactory(parent=index, title="Reintegration Handbook")
    draft = PublicationPageFactory(parent=index, title="Draft leaflet", files=("ru",))
    draft.unpublish()
    issue = site_tree.issue
    section = report_section("Publications", [])
    section["value"]["publications"] = [handbook.pk, draft.pk]
    issue.sections = [*issue.sections.raw_data, section]
    issue.save_revision().publish()
    issue.refresh_from_db()
    return issue, handbook


def file_urls(handbook):
    return [f"http://kyrgyzstan.localhost{file.document.url}" for file in handbook.files.all()]


def test_the_pdf_edition_shows_the_publications_and_their_files(featuring_issue):
    issue, handbook = featuring_issue

    html = render_html(issue)

    assert "Reintegration Handbook" in html
    assert "Download in Russian" in html and "Download in Kyrgyz" in html
    assert all(url in html for url in file_urls(handbook))
    assert handbook.get_full_url() in html
    assert "Draft leaflet" not in html


def test_the_email_edition_shows_the_publications_in_both_parts(
    featuring_issue, make_subscriber, site_tree
):
    issue, handbook = featuring_issue
    subscriber = make_subscriber("reader@example.org", site_tree.regional_site)

    message = EmailEdition(issue).message(subscriber)

    [(html, _mimetype)] = message.alternatives
    for part in (html, message.body):
        assert "Reintegration Handbook" in part
        assert handbook.get_full_url() in part
        assert all(url in part for url in file_urls(handbook))
        assert "Draft leaflet" not in part
    assert "Download in Kyrgyz" in message.body
