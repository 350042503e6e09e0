"""A report issue: one number per issue in its series, sections of stories in
the order the editor chose, and only stories readers may see."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text, streamfield

from newsroom.models import ReportIssuePage
from tests.factories import ReportIssuePageFactory, hotline, report_section


def _list_block(values):
    """Form data of a ListBlock: one item per value."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def _fields(issue_number, title, slug, stories=()):
    """Admin form data of an issue with one section picking the given stories."""
    section = {
        "heading": "Direct assistance",
        "intro": rich_text("<p>Help given to migrants.</p>"),
        "stories": _list_block([str(story.pk) for story in stories]),
        "publications": _list_block([]),
        "text": rich_text(""),
    }
    return {
        "title": title,
        "slug": slug,
        "issue_number": str(issue_number),
        "publication_date": "2024-07-15",
        "cover_image": "",
        "cover_image_alt": "",
        "summary": "What the missions did this quarter.",
        "sections": streamfield([("section", section)]),
        "pdf": "",
    }


# --- Issue numbers ---------------------------------------------------------------


def test_admin_publishes_an_issue_with_a_new_number(site_tree, page_admin):
    fields = _fields(2, "Issue 2", "issue-2", [site_tree.kazakhstan_stories[0]])

    response = page_admin.add(site_tree.report_index, ReportIssuePage, fields)

    assert response.status_code == 302
    issue = ReportIssuePage.objects.get(slug="issue-2")
    assert issue.issue_number == 2
    assert issue.live
    assert issue.sections[0].value["stories"][0].pk == site_tree.kazakhstan_stories[0].pk


def test_a_new_issues_slug_defaults_to_its_number(site_tree, page_admin):
    """Issue 1 is at /reports/issue-1/; the second issue is at issue-2, not at
    its title's slug (regional-response-report-issue-2)."""
    fields = _fields(2, "Regional Response Report, Issue 2", "")

    response = page_admin.add(site_tree.report_index, ReportIssuePage, fields)

    assert response.status_code == 302
    issue = ReportIssuePage.objects.get(issue_number=2)
    assert issue.slug == "issue-2"
    assert issue.url.endswith("/reports/issue-2/")


def test_a_slug_the_editor_typed_is_kept(site_tree, page_admin):
    fields = _fields(2, "Regional Response Report, Issue 2", "special-edition")

    page_admin.add(site_tree.report_index, ReportIssuePage, fields)

    assert ReportIssuePage.objects.get(issue_number=2).slug == "special-edition"


def test_the_new_issue_form_is_numbered_after_the_last_and_its_title_leaves_the_slug_alone(
    site_tree, admin_client
):
    url = reverse(
        "wagtailadmin_pages:add", args=["newsroom", "reportissuepage", site_tree.report_index.pk]
    )

    response = admin_client.get(url)

    form = response.context["form"]
    assert form["issue_number"].value() == 2  # Issue 1 exists
    assert not form.fields["slug"].required
    soup = BeautifulSoup(response.content, "html.parser")
    title = soup.find("input", attrs={"name": "title"})
    # Wagtail's title field fills in the slug on a new page unless told otherwise.
    assert not title.get("data-w-sync-target-value")
    assert "e.g. issue-2" in soup.get_text()  # the slug's help text says so


def test_admin_refuses_a_new_issue_with_a_number_already_used_in_the_series(site_tree, page_admin):
    response = page_admin.add(
        site_tree.report_index, ReportIssuePage, _fields(1, "Issue one again", "issue-one-again")
    )

    assert "issue_number" in page_admin.form_errors(response)
    assert not ReportIssuePage.objects.filter(slug="issue-one-again").exists()


def test_admin_refuses_changing_an_issue_to_another_issues_number(site_tree, page_admin):
    second = ReportIssuePageFactory(parent=site_tree.report_index, issue_number=2, title="Issue 2")

    response = page_admin.edit(second, _fields(1, "Issue 2", second.slug))

    assert "issue_number" in page_admin.form_errors(response)
    second.refresh_from_db()
    assert second.issue_number == 2
    assert second.revisions.count() == 0


def test_admin_keeps_an_issues_own_number_when_it_is_edited(site_tree, page_admin):
    issue = site_tree.issue

    response = page_admin.edit(issue, _fields(1, "Issue 1, revised", issue.slug))

    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.title == "Issue 1, revised"
    assert issue.issue_number == 1


def test_translated_series_may_use_the_same_issue_number(site_tree, page_admin):
    """The Russian series is another series: its issue 1 is the translation of
    the English issue 1 and keeps the number."""
    russian = site_tree.issue.copy_for_translation(
        Locale.objects.get(language_code="ru"), copy_parents=True
    )

    response = page_admin.edit(russian, _fields(1, "Выпуск 1", russian.slug))

    assert response.status_code == 302
    russian.refresh_from_db()
    assert russian.issue_number == 1
    assert russian.live


# --- Rendering ----------------------------------------------------------------------


def _appear_in_order(html, words):
    """Whether the words appear in this order, each after the one before (a
    table of contents may name the sections once more, earlier)."""
    position = 0
    for word in words:
        position = html.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def test_issue_lists_its_sections_and_stories_in_the_chosen_order(site_tree, fetch_page):
    response = fetch_page(site_tree.issue)

    assert response.status_code == 200
    order = [
        "Direct assistance",
        "Kyrgyzstan story 2",
        "Kazakhstan story 1",
        "Partnerships",
        "Kazakhstan story 2",
    ]
    html = response.content.decode()
    assert _appear_in_order(html, order)
    assert not _appear_in_order(html, ["Kazakhstan story 1", "Kyrgyzstan story 2"])


def test_issue_links_each_chosen_story_to_its_own_site(site_tree, fetch_page):
    response = fetch_page(site_tree.issue)

    html = response.content.decode()
    assert site_tree.kyrgyzstan_stories[1].get_full_url() in html
    assert site_tree.kazakhstan_stories[0].get_full_url() in html


def test_issue_skips_a_chosen_story_that_was_unpublished(site_tree, fetch_page):
    site_tree.kazakhstan_stories[0].unpublish()

    response = fetch_page(site_tree.issue)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kazakhstan story 1" not in html
    assert _appear_in_order(
        html, ["Direct assistance", "Kyrgyzstan story 2", "Partnerships", "Kazakhstan story 2"]
    )


def test_issue_skips_a_chosen_story_that_was_deleted(site_tree, fetch_page):
    site_tree.kazakhstan_stories[0].delete()

    response = fetch_page(site_tree.issue)

    assert response.status_code == 200
    assert "Kazakhstan story 1" not in response.content.decode()


def test_issue_without_stories_in_a_section_still_renders(site_tree, fetch_page):
    issue = ReportIssuePageFactory(
        parent=site_tree.report_index,
        issue_number=2,
        title="Issue 2",
        sections=[report_section("Coming next")],
    )

    response = fetch_page(issue)

    assert response.status_code == 200
    assert "Coming next" in response.content.decode()


def test_report_series_lists_its_issues_newest_first(site_tree, fetch_page):
    # Created out of order: the list follows the issues, not the database.
    ReportIssuePageFactory(
        parent=site_tree.report_index,
        issue_number=3,
        title="Issue 3",
        publication_date=datetime.date(2024, 10, 15),
    )
    ReportIssuePageFactory(
        parent=site_tree.report_index,
        issue_number=2,
        title="Issue 2",
        publication_date=datetime.date(2024, 7, 15),
    )

    response = fetch_page(site_tree.report_index)

    assert response.status_code == 200
    html = response.content.decode()
    assert _appear_in_order(html, ["Issue 3", "Issue 2", "Issue 1"])
    assert not _appear_in_order(html, ["Issue 1", "Issue 2"])


def test_issue_contact_block_follows_the_missions_contact_pages(site_tree, fetch_page):
    contact = site_tree.kyrgyzstan_contact
    contact.hotlines = [hotline("+996 800 000 11 22", label="New hotline")]
    contact.save_revision().publish()

    response = fetch_page(site_tree.issue)

    soup = BeautifulSoup(response.content, "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    assert "tel:+9968000001122" in hrefs
    assert "tel:+996312986010" not in hrefs
    assert "tel:1899" in hrefs  # Kazakhstan's, unchanged
