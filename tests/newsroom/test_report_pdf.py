"""The PDF edition of a report issue: made in the background when the issue is
published, in each language it is published in, with every story, the lead
photos and the missions' hotlines; linked from the issue page only once it
exists; a failure is shown to editors and never stops a publish.

WeasyPrint takes seconds per PDF, so the English and Russian PDFs are made
once for the module (``editions``) and the tests read what they produced.
"""

import datetime
import io
import logging
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import Page, Site

from newsroom.editions import render
from newsroom.editions.models import ReportIssuePDF
from newsroom.models import ReportIssuePage
from tests.factories import (
    ImageFactory,
    MissionContactPageFactory,
    MissionHomePageFactory,
    NewsIndexPageFactory,
    NewsItemPageFactory,
    RegionalHomePageFactory,
    ReportIndexPageFactory,
    ReportIssuePageFactory,
    contact_email,
    hotline,
    report_section,
)
from tests.i18n.conftest import localize
from website.structure import MISSIONS, REGIONAL

# Every test here uses the test database (also those reading the module's
# ``editions``): without the mark, a run of this module alone would set up no
# test database and ``editions`` would write to the development one.
pytestmark = pytest.mark.django_db

LONG_TITLE = (
    "Returning migrants from the Russian Federation, Kazakhstan and Türkiye find "
    "work, housing, medical care and psychosocial support through community "
    "reintegration centres in Osh, Batken and Naryn "
    "(Counter-trafficking-and-reintegration-programme-2)"
)
RUSSIAN_TITLES = {
    "Migrants return home from the border": "Мигранты возвращаются домой с границы",
    "A workshop on migrant health in Dushanbe": "Семинар о здоровье мигрантов в Душанбе",
    # The letters of Kazakh, Kyrgyz, Tajik, Turkmen and Uzbek beyond Russian's.
    LONG_TITLE: "Вернувшиеся мигранты находят работу: Қ Ң Ө Ү Ә Ғ Ҳ Ҷ Ӣ Ӯ ň ž ş ç ý ä ʻ",
}
HOTLINES = ["1899", "+996 312 98 60 10"]
EMAILS = ["iomastana@iom.int", "iomkyrgyzstan@iom.int"]


def squeeze(text):
    """Text without any whitespace: a PDF breaks lines wherever they end."""
    return re.sub(r"\s+", "", text)


def pdf_text(data):
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def get(client, page, suffix=""):
    _site_id, root_url, path = page.get_url_parts()
    return client.get(path + suffix, HTTP_HOST=urlsplit(root_url).hostname)


def pdf_link(html):
    """The generated PDF's link on an issue page (None when absent)."""
    return BeautifulSoup(html, "html.parser").select_one('.report__pdf a[href$="/pdf/"]')


def _build_newsroom():
    """A regional site with a report issue of three sections (one empty) and two
    missions with contact pages; stories with and without a lead photo, one
    with a very long title. Returns the pages, English only, live, made by the
    factories (no publish signals)."""
    root = Page.get_first_root_node()
    for page in root.get_children().exact_type(Page):
        page.delete()
    Site.objects.filter(root_page__depth=1).delete()

    regional = RegionalHomePageFactory(title=REGIONAL.name, slug=REGIONAL.slug)
    Site.objects.create(
        hostname=REGIONAL.hostname, port=80, root_page=regional, is_default_site=True
    )
    report_index = ReportIndexPageFactory(parent=regional)
    stories = []
    for spec, number, email, titles in (
        (MISSIONS[0], HOTLINES[0], EMAILS[0], ["Migrants return home from the border"]),
        (
            MISSIONS[1],
            HOTLINES[1],
            EMAILS[1],
            ["A workshop on migrant health in Dushanbe", LONG_TITLE],
        ),
    ):
        home = MissionHomePageFactory(title=spec.name, slug=spec.slug, country=spec.country)
        Site.objects.create(hostname=spec.hostname, port=80, root_page=home)
        MissionContactPageFactory(
            parent=home, hotlines=[hotline(number)], emails=[contact_email(email)]
        )
        news = NewsIndexPageFactory(parent=home)
        stories += [NewsItemPageFactory(parent=news, title=title) for title in titles]
    # The first story has a lead photo with a credit; the others have none.
    photo = ImageFactory(file__width=640, file__height=400, file__color="teal")
    stories[0].lead_image = photo
    stories[0].lead_image_alt = "Migrants at a border crossing"
    stories[0].lead_image_credit = "© IOM 2024"
    stories[0].save()
    # The second has a photo credited by the image alone (the page gives none).
    stories[1].lead_image = ImageFactory(credit="© IOM / Aida Bekova")
    stories[1].lead_image_alt = "A clinic in Dushanbe"
    stories[1].lead_image_credit = ""
    stories[1].save()
    issue = ReportIssuePageFactory(
        parent=report_index,
        issue_number=7,
        title="Issue 7",
        publication_date=datetime.date(2024, 10, 15),
        sections=[
            report_section("Direct assistance", stories[:2], intro="Help given to migrants."),
            report_section("Nothing this quarter"),
            report_section("Partnerships", stories[2:]),
        ],
    )
    return SimpleNamespace(issue=issue, stories=stories, photo=photo)


@pytest.fixture(scope="module")
def editions(django_db_setup, django_db_blocker, tmp_path_factory):
    """Publishes the English issue and its Russian translation (with translated
    stories) the way the admin does, running the tasks the publish enqueues,
    and records what readers get before and after. Rolled back afterwards."""
    media = tmp_path_factory.mktemp("pdf-media")
    seen = SimpleNamespace()
    client = Client()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media)),
        transaction.atomic(),
    ):
        cache.clear()
        built = _build_newsroom()
        issue = built.issue
        for story in built.stories:
            localize(story, "ru", {story.title: RUSSIAN_TITLES[story.title]})
        russian = localize(issue, "ru", {"Issue 7": "Выпуск 7"}, publish=False)

        seen.before_page = get(client, issue).content.decode()
        seen.before_pdf = get(client, issue, "pdf/").status_code
        seen.url_before = issue.specific.pdf_url()

        for page in (issue, russian):
            with TestCase.captureOnCommitCallbacks(execute=True):
                page.specific.save_revision().publish()
        issue.refresh_from_db()
        russian.refresh_from_db()

        seen.editions = {
            edition.page.locale.language_code: edition
            for edition in ReportIssuePDF.objects.select_related("page__locale")
        }
        seen.issue, seen.russian = issue, russian
        seen.url_after = issue.pdf_url()
        seen.page, seen.russian_page = (get(client, p).content.decode() for p in (issue, russian))
        seen.response, seen.russian_response = (get(client, p, "pdf/") for p in (issue, russian))
        seen.pdf = b"".join(seen.response.streaming_content)
        seen.russian_pdf = b"".join(seen.russian_response.streaming_content)
        seen.text, seen.russian_text = pdf_text(seen.pdf), pdf_text(seen.russian_pdf)
        seen.titles = [story.title for story in built.stories]
        transaction.set_rollback(True)
    cache.clear()
    return seen


# --- What publishing makes ----------------------------------------------------------


def test_publishing_an_issue_makes_its_pdf_in_each_published_language(editions):
    assert set(editions.editions) == {"en", "ru"}
    for edition in editions.editions.values():
        assert edition.status == ReportIssuePDF.Status.READY
        assert edition.error == ""
        assert edition.file_size > 10_000
        assert edition.source_revision_id == edition.page.live_revision_id


def test_pdf_is_served_under_the_issue_as_a_pdf(editions):
    response = editions.response

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == len(editions.pdf)
    assert editions.pdf.startswith(b"%PDF-")
    assert editions.url_after.endswith("/en/reports/issue-7/pdf/")


def test_english_pdf_has_cover_every_section_and_story_title_as_text(editions):
    text = squeeze(editions.text)

    for words in [
        "Regional Response Report",
        "Issue 7",
        "15 October 2024",
        "In this issue",
        "Direct assistance",
        "Nothing this quarter",
        "Partnerships",
        *editions.titles,
        "The summary of Migrants return home from the border.",
        "Photo: © IOM 2024",
        "Kazakhstan",
        "Kyrgyzstan",
    ]:
        assert squeeze(words) in text, words


def test_russian_pdf_has_the_russian_story_titles(editions):
    text = squeeze(editions.russian_text)

    for title in RUSSIAN_TITLES.values():
        assert squeeze(title) in text, title
    assert squeeze("Выпуск 7") in text


def test_last_page_lists_the_missions_hotlines_and_emails(editions):
    for data in (editions.pdf, editions.russian_pdf):
        last_page = squeeze(PdfReader(io.BytesIO(data)).pages[-1].extract_text())
        for number in HOTLINES:
            assert squeeze(number) in last_page
        for email in EMAILS:
            assert email in last_page


def test_pdf_is_a4_tagged_in_its_language_with_embedded_fonts(editions):
    for data, language in ((editions.pdf, "en"), (editions.russian_pdf, "ru")):
        reader = PdfReader(io.BytesIO(data))
        catalog = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog  # tagged (PDF/UA-1)
        assert catalog["/MarkInfo"]["/Marked"]
        assert catalog["/Lang"] == language
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert (round(width), round(height)) == (595, 842)
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                assert "/FontFile2" in descriptor, font["/BaseFont"]
                # Every letter is in the chosen font: no fallback font was needed.
                assert "DejaVu" in font["/BaseFont"], font["/BaseFont"]


def test_pdf_credits_each_photo(editions):
    text = squeeze(editions.text)
    assert squeeze("Photo: © IOM 2024") in text  # the page's credit line
    assert squeeze("Photo: © IOM / Aida Bekova") in text  # the image's own credit


def test_pdf_has_the_lead_photo(editions):
    reader = PdfReader(io.BytesIO(editions.pdf))

    assert sum(len(page.images) for page in reader.pages) >= 1


# --- The link on the issue page ----------------------------------------------------


def test_issue_page_has_no_pdf_link_and_the_pdf_address_404s_before_it_is_made(editions):
    assert pdf_link(editions.before_page) is None
    assert editions.before_pdf == 404
    assert editions.url_before is None


def test_issue_page_links_its_pdf_with_size_and_language_once_made(editions):
    link = pdf_link(editions.page)
    russian_link = pdf_link(editions.russian_page)

    assert link is not None and russian_link is not None
    assert link["href"].endswith("/en/reports/issue-7/pdf/")
    assert russian_link["href"].endswith("/pdf/") and "/ru/" in russian_link["href"]
    assert "KB" in link.get_text() and "English" in link.get_text()
    assert "Русский" in russian_link.get_text()
    assert link["hreflang"] == "en" and russian_link["hreflang"] == "ru"


# --- Failures, and what changes a PDF ------------------------------------------------


def _issue_fields(issue):
    from wagtail.test.utils.form_data import rich_text, streamfield

    def stories(values):
        data = {
            str(i): {"value": str(v), "deleted": "", "order": str(i), "id": ""}
            for i, v in enumerate(values)
        }
        data["count"] = str(len(values))
        return data

    sections = [
        (
            "section",
            {
                "heading": block.value["heading"],
                "intro": rich_text(""),
                "stories": stories([story.pk for story in block.value["stories"]]),
                "publications": stories([]),
                "text": rich_text(""),
            },
        )
        for block in issue.sections
    ]
    return {
        "title": issue.title,
        "slug": issue.slug,
        "issue_number": str(issue.issue_number),
        "publication_date": issue.publication_date.isoformat(),
        "cover_image": "",
        "cover_image_alt": "",
        "summary": "Revised: what the missions did.",
        "sections": streamfield(sections),
        "pdf": "",
    }


def test_failed_pdf_is_logged_and_shown_to_editors_and_the_publish_stands(
    site_tree,
    page_admin,
    admin_client,
    fetch_page,
    monkeypatch,
    caplog,
    django_capture_on_commit_callbacks,
):
    def broken(html, base_url=None):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(render, "html_to_pdf", broken)
    issue = site_tree.issue

    with (
        caplog.at_level(logging.ERROR, logger="newsroom.editions.generate"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = page_admin.edit(issue, _issue_fields(issue))

    assert response.status_code == 302  # published, back to the explorer
    issue.refresh_from_db()
    assert issue.live and issue.summary == "Revised: what the missions did."
    assert any(
        "libpango" in record.getMessage() + str(record.exc_info) for record in caplog.records
    )
    edition = ReportIssuePDF.objects.get(page=issue)
    assert edition.status == ReportIssuePDF.Status.FAILED
    edit_page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    assert "The PDF of this issue could not be made" in edit_page.content.decode()
    assert "cannot load library" in edit_page.content.decode()
    assert pdf_link(fetch_page(issue).content.decode()) is None
    assert fetch_page(issue).status_code == 200


@pytest.fixture
def issue_made_from_html(site_tree, monkeypatch, django_capture_on_commit_callbacks):
    """``site_tree``'s issue, published, its "PDF" made of the HTML the PDF
    would be made from (no WeasyPrint here); read it with ``made_from``."""
    monkeypatch.setattr(render, "html_to_pdf", lambda html, base_url=None: html.encode())
    with django_capture_on_commit_callbacks(execute=True):
        site_tree.issue.save_revision().publish()
    return site_tree.issue


def made_from(issue):
    edition = ReportIssuePDF.objects.get(page=issue)
    assert edition.status == ReportIssuePDF.Status.READY
    with edition.file.open("rb") as file:
        return file.read().decode()


def test_unpublishing_a_story_makes_the_pdf_again_without_it(
    site_tree, issue_made_from_html, django_capture_on_commit_callbacks
):
    story = site_tree.kazakhstan_stories[0]
    assert story.title in made_from(issue_made_from_html)

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    text = made_from(issue_made_from_html)
    assert story.title not in text
    assert site_tree.kyrgyzstan_stories[1].title in text


def test_unpublishing_an_issue_removes_its_pdf(
    site_tree, client, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(render, "html_to_pdf", lambda html, base_url=None: b"%PDF-1.7 fake")
    issue = site_tree.issue
    with django_capture_on_commit_callbacks(execute=True):
        issue.save_revision().publish()
    assert get(client, issue, "pdf/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        issue.unpublish()

    assert not ReportIssuePDF.objects.filter(page=issue).exists()
    assert ReportIssuePage.objects.get(pk=issue.pk).pdf_url() is None


def test_a_changed_hotline_number_reaches_the_pdf(
    site_tree, issue_made_from_html, django_capture_on_commit_callbacks
):
    contact = site_tree.kyrgyzstan_contact
    contact.hotlines = [hotline("+996 800 000 00 01")]
    with django_capture_on_commit_callbacks(execute=True):
        contact.save_revision().publish()

    text = made_from(issue_made_from_html)
    assert "+996 800 000 00 01" in text
    assert "+996 312 98 60 10" not in text


def test_two_workers_making_the_same_pdf_leave_one_file(
    site_tree, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """While one worker renders, another makes the same issue's PDF and
    records it: the first replaces that file too, so storage keeps one PDF."""
    from pathlib import Path

    from newsroom.editions.generate import generate_pdf

    issue = site_tree.issue
    issue.save_revision().publish()  # the page is live; its PDF is made below
    other_worker_ran = []

    def render_while_another_worker_finishes(html, base_url=None):
        if not other_worker_ran:
            other_worker_ran.append(True)
            with django_capture_on_commit_callbacks(execute=True):
                generate_pdf(issue.pk)  # the other worker: renders and records its file
        return b"%PDF-1.7 " + str(len(other_worker_ran)).encode()

    monkeypatch.setattr(render, "html_to_pdf", render_while_another_worker_finishes)
    with django_capture_on_commit_callbacks(execute=True):
        edition = generate_pdf(issue.pk)

    assert other_worker_ran
    folder = Path(settings.MEDIA_ROOT) / Path(edition.file.name).parent
    assert [path.name for path in folder.iterdir()] == [Path(edition.file.name).name]
    assert ReportIssuePDF.objects.get(page=issue).file.name == edition.file.name


def test_a_renamed_mission_reaches_the_pdf(
    site_tree, issue_made_from_html, django_capture_on_commit_callbacks
):
    made = ReportIssuePDF.objects.get(page=issue_made_from_html).generated_at

    home = site_tree.kyrgyzstan
    home.title = "Kyrgyz Republic"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()

    assert ReportIssuePDF.objects.get(page=issue_made_from_html).generated_at > made
    assert "Kyrgyz Republic" in made_from(issue_made_from_html)


# --- The cover ------------------------------------------------------------------------


def test_a_cover_without_a_picture_is_designed_with_type(editions):
    """The issue has no cover picture: its cover still names the publisher, the
    series, the title, the issue and its date, with the issue's number large,
    on one page of its own."""
    for data, publisher in (
        (editions.pdf, "Central Asia"),
        (editions.russian_pdf, "[ru] Central Asia"),
    ):
        pages = PdfReader(io.BytesIO(data)).pages
        cover = pages[0].extract_text()
        assert squeeze(publisher) in squeeze(cover)
        assert "7" in [line.strip() for line in cover.splitlines()]  # the large number
        assert "In this issue" not in cover and "В этом выпуске" not in cover

    cover = squeeze(PdfReader(io.BytesIO(editions.pdf)).pages[0].extract_text())
    assert squeeze("REGIONAL RESPONSE REPORT") in cover  # the series, in capitals
    for words in [
        "Issue 7",
        "Issue 7 · 15 October 2024",
        "What the missions did in Issue 7.",
        "Read online:",
    ]:
        assert squeeze(words) in cover, words


def cover_of(issue):
    return BeautifulSoup(render.render_html(issue), "html.parser").select_one("section.cover")


def test_cover_html_without_a_picture_has_the_designed_elements(site_tree):
    cover = cover_of(site_tree.issue)

    assert "cover--plain" in cover["class"]
    assert cover.select_one(".cover__mark") is not None
    assert cover.select_one(".cover__publisher").get_text(strip=True) == "Central Asia"
    assert cover.select_one(".cover__series").get_text(strip=True) == site_tree.report_index.title
    assert cover.select_one(".cover__title").get_text(strip=True) == "Issue 1"
    assert cover.select_one(".cover__issue").get_text(" ", strip=True) == "Issue 1 · 15 April 2024"
    motif = cover.select_one(".cover__motif")
    assert motif["aria-hidden"] == "true"
    assert motif.select_one(".cover__number").get_text(strip=True) == "1"
    assert motif.select_one("svg.cover__globe") is not None
    assert cover.select_one(".cover__image") is None
    assert cover.select_one(".cover__footer a")["href"] == site_tree.issue.get_full_url()


def test_cover_html_with_a_picture_shows_it_instead_of_the_motif(site_tree):
    issue = site_tree.issue
    issue.cover_image = ImageFactory()
    issue.cover_image_alt = "The cover of issue 1"
    issue.save()

    cover = cover_of(issue)

    assert "cover--plain" not in cover["class"]
    assert cover.select_one(".cover__image img")["alt"] == "The cover of issue 1"
    assert cover.select_one(".cover__motif") is None
    assert cover.select_one(".cover__publisher").get_text(strip=True) == "Central Asia"


def test_the_cover_stays_one_page_with_a_long_title_and_summary(site_tree):
    issue = site_tree.issue
    issue.title = LONG_TITLE
    issue.summary = " ".join(["What the missions did for migrants this quarter."] * 12)[:600]

    pages = PdfReader(io.BytesIO(render.html_to_pdf(render.render_html(issue)))).pages

    cover = squeeze(pages[0].extract_text())
    assert squeeze(LONG_TITLE) in cover
    assert squeeze(issue.summary) in cover
    assert squeeze("Read online:") in cover
    assert squeeze("In this issue") in squeeze(pages[1].extract_text())
