"""A story's way from a Kyrgyz editor to Russian readers, through the real
Wagtail admin, the review workflow and wagtail-localize's translation editor.

One test, two journeys in order: the translator translates the story that the
editor wrote and the moderator approved (pytest-xdist does not keep the order
of separate tests). Titles carry a run number, so the test can run again
against the same server.
"""

import random
import re
import time
from types import SimpleNamespace

import pytest

expect = pytest.importorskip(
    "playwright.sync_api", reason="Browser tests skipped: Playwright is not installed."
).expect

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

KYRGYZSTAN, TAJIKISTAN = "kyrgyzstan", "tajikistan"
ADMIN_TIMEOUT_MS = 30_000


@pytest.fixture
def story():
    run = f"{int(time.time()) % 1_000_000:06d}"
    english = SimpleNamespace(
        title=f"Bakery course for returnees in Bishkek, group {run}",
        summary="Twelve migrants who came home learnt to bake bread for a living.",
        alt="Trainees shaping loaves of bread at a long table",
        heading="Bread for the neighbourhood",
        paragraph="The course lasted three months and ended with a market day.",
        topic="Return and reintegration",
    )
    russian = {
        english.title: f"Курсы пекарей для вернувшихся мигрантов в Бишкеке, группа {run}",
        english.summary: "Двенадцать вернувшихся мигрантов научились печь хлеб.",
        english.alt: "Слушатели курсов формуют буханки хлеба за длинным столом",
        english.heading: "Хлеб для всего района",
        english.paragraph: "Курсы длились три месяца и закончились ярмаркой.",
    }
    return SimpleNamespace(en=english, ru=russian, url=None)


def lead_photo(path):
    """A JPEG no one has uploaded before (Wagtail warns about duplicates)."""
    from PIL import Image

    rng = random.Random(time.time_ns())
    image = Image.new("RGB", (960, 640), (rng.randrange(256), 110, 70))
    for _ in range(400):
        x, y = rng.randrange(960), rng.randrange(640)
        image.putpixel((x, y), (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image.save(path, quality=85)
    return path


def log_in(new_page, newsroom, username):
    page = new_page()
    page.set_default_timeout(ADMIN_TIMEOUT_MS)
    page.goto(newsroom.url(KYRGYZSTAN, "/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(newsroom.password)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def flash_message(page):
    return page.locator(".messages")


def let_autosave_finish(page):
    """Wait until the admin's autosave (it saves a new page as a draft half a
    second after the last change) is not writing: a submit sent while it
    creates the page would create it a second time, with the same slug."""
    page.wait_for_timeout(1000)  # its debounce, and then some
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )


def test_a_story_from_the_kyrgyz_editor_to_russian_readers(newsroom, new_page, story, tmp_path):
    editor_writes_a_story_a_moderator_approves_and_two_sites_list_it(
        newsroom, new_page, story, tmp_path
    )
    russian_translator_translates_it_and_readers_switch_to_russian(newsroom, new_page, story)


def editor_writes_a_story_a_moderator_approves_and_two_sites_list_it(
    newsroom, new_page, story, tmp_path
):
    # The editor finds the Kyrgyz newsroom in the page explorer and adds a story.
    editor = log_in(new_page, newsroom, "kyrgyzstan-editor")
    editor.goto(newsroom.url(KYRGYZSTAN, "/admin/pages/"))
    editor.get_by_role("link", name="Explore child pages of 'Kyrgyzstan'").click()
    # Each site's newsroom is named with its site in the admin (the page chooser too).
    editor.get_by_role("link", name="Explore child pages of 'News (Kyrgyzstan)'").click()
    editor.get_by_role("link", name="Add child page").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/newsroom/newsitempage/\d+/$"))

    editor.locator("#id_title").fill(story.en.title)
    editor.locator("#id_summary").fill(story.en.summary)

    # Lead image: uploaded in the chooser, with the page's alt text.
    lead = editor.locator("#panel-child-content-lead_image-section")
    lead.locator("[data-chooser-action-choose]").click()
    editor.get_by_role("tab", name="Upload").click()
    editor.locator("#id_image-chooser-upload-file").set_input_files(
        lead_photo(tmp_path / "bakery.jpg")
    )
    editor.locator("#id_image-chooser-upload-title").fill("Bakery trainees in Bishkek")
    # A photo needs a credit before a page using it can be published.
    editor.locator("#id_image-chooser-upload-credit").fill("© IOM Kyrgyzstan / A. Asanova")
    editor.locator(".modal-content").get_by_role("button", name="Upload").click()
    expect(lead).to_contain_text("Bakery trainees in Bishkek")
    editor.locator("#id_lead_image_alt").fill(story.en.alt)

    # Body: a heading block, then a paragraph typed into the rich-text editor.
    body = editor.locator("#panel-child-content-body-section")
    body.get_by_title("Insert a block").first.click()
    editor.get_by_role("option", name="Heading").click()
    editor.locator("#body-0-value-text").fill(story.en.heading)
    body.get_by_title("Insert a block").last.click()
    editor.get_by_role("option", name="Paragraph").click()
    paragraph = body.locator("[contenteditable=true]").first
    paragraph.click()
    expect(paragraph).to_be_focused()  # Draftail is ready for the keyboard
    editor.keyboard.type(story.en.paragraph)
    expect(paragraph).to_contain_text(story.en.paragraph)
    # Draftail writes its content into the form a moment later (it debounces).
    expect(editor.locator("#body-1-value")).to_have_value(
        re.compile(re.escape(story.en.paragraph.split()[-1]))
    )

    editor.get_by_label(story.en.topic, exact=True).check()
    editor.get_by_label("Tajikistan", exact=True).check()  # shared with

    # Editors cannot publish: they submit to their mission's review.
    let_autosave_finish(editor)
    editor.locator("footer [data-w-dropdown-target=toggle]").click()
    editor.get_by_role("button", name="Submit to Mission review (Kyrgyzstan)").click()
    expect(flash_message(editor)).to_contain_text("submitted for moderation")

    # Not public yet.
    visitor = new_page()
    visitor.goto(newsroom.url(KYRGYZSTAN, "/en/news/"))
    expect(visitor.get_by_role("link", name=story.en.title)).to_have_count(0)

    # The Kyrgyz moderator approves it from the dashboard.
    moderator = log_in(new_page, newsroom, "kyrgyzstan-moderator")
    review = moderator.locator("#awaiting-review-section tr").filter(has_text=story.en.title)
    review.get_by_role("button", name="Actions").click()
    review.get_by_role("button", name="Approve", exact=True).click()
    expect(flash_message(moderator)).to_contain_text(f"“{story.en.title}” approved and published")
    expect(
        moderator.locator("#awaiting-review-section tr").filter(has_text=story.en.title)
    ).to_have_count(0)

    # A visitor sees it in both missions' news, linking to one address.
    hrefs = []
    for site in (KYRGYZSTAN, TAJIKISTAN):
        visitor.goto(newsroom.url(site, "/en/news/"))
        link = visitor.get_by_role("link", name=story.en.title)
        expect(link).to_have_count(1)
        hrefs.append(link.evaluate("a => a.href"))  # resolved: relative on its own site
    assert hrefs[0] == hrefs[1]
    assert hrefs[0].startswith(newsroom.origin(KYRGYZSTAN) + "/en/news/"), hrefs[0]

    # Followed from Tajikistan's listing, the link opens the story on its home site.
    visitor.get_by_role("link", name=story.en.title).click()
    expect(visitor).to_have_url(hrefs[0])
    expect(visitor.locator("h1")).to_have_text(story.en.title)
    expect(visitor.get_by_role("heading", name=story.en.heading)).to_be_visible()
    expect(visitor.locator("main")).to_contain_text(story.en.paragraph)
    photo = visitor.get_by_role("img", name=story.en.alt).first  # the lead photo
    expect(photo).to_be_visible()
    # decode() waits for the picture to arrive; it fails if it cannot be shown.
    loaded = "img => img.decode().then(() => img.naturalWidth > 0, () => false)"
    assert photo.evaluate(loaded), "lead photo not loaded"
    expect(visitor.locator("main")).to_contain_text(story.en.topic)
    # The photo's credit is shown with it.
    expect(visitor.locator("main")).to_contain_text("© IOM Kyrgyzstan / A. Asanova")
    story.url = hrefs[0]


def russian_translator_translates_it_and_readers_switch_to_russian(newsroom, new_page, story):
    translator = log_in(new_page, newsroom, "russian-translator")
    # Their dashboard lists English pages waiting for a Russian translation.
    waiting = translator.locator("tr").filter(has_text=story.en.title)
    waiting.get_by_role("link", name="Translate into Русский").click()
    expect(translator.get_by_label("Русский")).to_be_checked()
    translator.get_by_role("button", name="Submit").click()
    # Straight on to the draft just made: wagtail-localize's editor.
    expect(translator).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    expect(flash_message(translator)).to_contain_text("submitted for translation into Русский")

    # Every segment of the content tab, then publish.
    editor = translator.locator("main")
    expect(editor.get_by_text("English to Русский translation").first).to_be_visible()
    for source, translation in story.ru.items():
        segment = editor.locator("li.incomplete").filter(
            has=translator.locator("p", has_text=re.compile(f"^{re.escape(source)}$"))
        )
        segment.get_by_role("button", name="Translate", exact=True).click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Save", exact=True).click()
        expect(editor.locator("li").filter(has_text=translation).first).to_be_visible()
    translator.get_by_role("button", name="Publish in Русский").click()
    expect(flash_message(translator)).to_contain_text(
        f"Published '{story.ru[story.en.title]}' in Русский"
    )

    # A reader of the English story switches to Russian with the language switcher.
    reader = new_page()
    reader.goto(story.url)
    switcher = reader.get_by_role("navigation", name="Language")
    switcher.locator("summary").click()
    switcher.get_by_role("link", name="Русский").click()
    expect(reader).to_have_url(re.compile(r"/ru/news/"))
    expect(reader.locator("html")).to_have_attribute("lang", "ru")
    title = story.ru[story.en.title]
    expect(reader.locator("h1")).to_have_text(title)
    expect(reader.locator("main")).to_contain_text(story.ru[story.en.paragraph])
    expect(reader.get_by_role("img", name=story.ru[story.en.alt]).first).to_be_visible()
