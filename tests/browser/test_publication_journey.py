"""A publication's way from the Kyrgyz team to a partner who downloads it: a
moderator of the mission adds a publication with a Russian and a Kyrgyz PDF,
links it from a story, and a visitor finds it by the files' language and
downloads the Russian file."""

import re
import time

import pytest

from tests.factories import pdf_bytes

expect = pytest.importorskip(
    "playwright.sync_api", reason="Browser tests skipped: Playwright is not installed."
).expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

KYRGYZSTAN = "kyrgyzstan"
ADMIN_TIMEOUT_MS = 30_000


def log_in(new_page, newsroom, username):
    page = new_page()
    page.set_default_timeout(ADMIN_TIMEOUT_MS)
    page.goto(newsroom.url(KYRGYZSTAN, "/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(newsroom.password)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def let_autosave_finish(page):
    page.wait_for_timeout(1000)
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )


def publish(page):
    let_autosave_finish(page)
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("published")


def upload_file(page, files, position, path, title, language):
    page.locator("#id_files-ADD").click()
    form = files.locator(f"#inline_child_files-{position}")
    form.locator("[data-chooser-action-choose]").click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name="Upload").click()
    page.locator("#id_document-chooser-upload-file").set_input_files(path)
    page.locator("#id_document-chooser-upload-title").fill(title)
    modal.get_by_role("button", name="Upload").click()
    expect(form).to_contain_text(title)
    page.locator(f"#id_files-{position}-language").select_option(language)


def test_a_publication_from_the_kyrgyz_team_to_a_partner(newsroom, new_page, tmp_path):
    run = f"{int(time.time()) % 1_000_000:06d}"
    title = f"Guide for returning migrants, edition {run}"
    russian_pdf = tmp_path / "guide-ru.pdf"
    russian_pdf.write_bytes(pdf_bytes(3, f"Russian {run}"))
    kyrgyz_pdf = tmp_path / "guide-ky.pdf"
    kyrgyz_pdf.write_bytes(pdf_bytes(4, f"Kyrgyz {run}"))

    # The moderator adds it in the Kyrgyz library, with two files.
    editor = log_in(new_page, newsroom, "kyrgyzstan-moderator")
    editor.goto(newsroom.url(KYRGYZSTAN, "/admin/pages/"))
    editor.get_by_role("link", name="Explore child pages of 'Kyrgyzstan'").click()
    editor.get_by_role("link", name="Explore child pages of 'Publications (Kyrgyzstan)'").click()
    editor.get_by_role("link", name="Add child page").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/newsroom/publicationpage/\d+/$"))
    editor.locator("#id_title").fill(title)
    editor.locator("#id_kind").select_option("guide")
    editor.locator("#id_summary").fill(
        "Where to turn for work, health and papers after coming home."
    )
    files = editor.locator("#id_files-FORMS")
    upload_file(editor, files, 0, russian_pdf, f"Guide {run} (Russian)", "ru")
    upload_file(editor, files, 1, kyrgyz_pdf, f"Guide {run} (Kyrgyz)", "ky")
    publish(editor)

    # … and links it from a Kyrgyz story.
    editor.goto(newsroom.url(KYRGYZSTAN, "/admin/pages/search/?q=Victim-centred"))
    editor.get_by_role(
        "link", name=re.compile("^Victim-centred interview facilities")
    ).first.click()
    body = editor.locator("#panel-child-content-body-section")
    body.get_by_title("Insert a block").last.click()
    editor.get_by_role("option", name="Publication").click()
    body.locator("[data-chooser-action-choose]").last.click()
    modal = editor.locator(".modal-content")
    modal.get_by_role("textbox", name="Search term").fill(title)
    modal.get_by_role("link", name=title).click()
    expect(body).to_contain_text(title)
    publish(editor)

    # A visitor reads the story and sees the publication in it.
    visitor = new_page()
    visitor.goto(newsroom.url(KYRGYZSTAN, "/en/news/victim-centred-interview-facilities/"))
    block = visitor.locator(".block-publication")
    expect(block).to_contain_text(title)
    expect(block.get_by_role("link", name=re.compile("Download in Russian"))).to_be_visible()

    # Another finds it in the library by the language of its files …
    visitor.goto(newsroom.url(KYRGYZSTAN, "/en/publications/"))
    visitor.get_by_label("Language of the files").select_option("ky")
    visitor.get_by_label("Kind").select_option("guide")
    visitor.get_by_role("button", name="Show publications").click()
    expect(visitor).to_have_url(re.compile(r"language=ky"))
    visitor.get_by_role("link", name=title).click()
    expect(visitor.locator("h1")).to_have_text(title)
    expect(visitor.locator("main")).to_contain_text("3 pages")

    # … and downloads the Russian file.
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name=re.compile("Download in Russian")).click()
    download = download_info.value
    saved = tmp_path / "downloaded.pdf"
    download.save_as(saved)
    assert saved.read_bytes() == russian_pdf.read_bytes()
