"""Headings of a story's body have anchors a link can point to in every
language: never empty (Russian and Kyrgyz headings slugified to nothing), in
Latin letters, and unique in the page, also when two headings say the same or
a heading says what an element of the page is called."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import NewsItemPageFactory, paragraph
from tests.i18n.conftest import localize
from website.blocks import heading_anchor

ANCHOR = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

HEADINGS = ["Help for migrants", "What comes next", "What comes next", "!!!"]
TRANSLATIONS = {
    "ru": {
        "Help for migrants": "Помощь мигрантам",
        "What comes next": "Что дальше",
        "!!!": "!!!",
    },
    "ky": {
        "Help for migrants": "Мигранттарга жардам",
        "What comes next": "Мындан ары эмне болот",
        "!!!": "!!!",
    },
}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def story_with_headings(parent, texts):
    body = []
    for number, text in enumerate(texts):
        body += [heading(text, "h3" if number % 2 else "h2"), paragraph(f"<p>Part {number}.</p>")]
    return NewsItemPageFactory(parent=parent, title="A story in parts", body=body)


def fetch_in(language, page, fetch_page):
    with translation.override(language):
        response = fetch_page(page)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def all_ids(soup):
    return [element["id"] for element in soup.find_all(id=True)]


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("Help for migrants", "help-for-migrants"),
        ("Помощь мигрантам", "pomoshch-migrantam"),
        ("Мигранттарга жардам", "migranttarga-zhardam"),
        ("Өкүлчүлүктөр менен байланыш", "okulchuluktor-menen-baylanysh"),
        ("Қазақстандағы көмек", "qazaqstandaghy-komek"),
        ("Ёрӣ ба муҳоҷирон", "eri-ba-muhojiron"),
        ("Migrantlara kömek", "migrantlara-komek"),
        ("Migrantlarga yordam", "migrantlarga-yordam"),
        ("!!!", "section"),
        ("", "section"),
    ],
)
def test_a_heading_anchor_is_latin_and_never_empty(text, anchor):
    assert heading_anchor(text) == anchor


@pytest.mark.parametrize("language", ["ru", "ky"])
def test_headings_of_a_translated_story_have_unique_non_empty_anchors(
    site_tree, fetch_page, language
):
    story = story_with_headings(site_tree.kyrgyzstan_news, HEADINGS)
    translated = localize(story, language, TRANSLATIONS[language])

    soup = fetch_in(language, translated, fetch_page)

    headings = soup.select("main .block-heading")
    assert [h.get_text() for h in headings] == [TRANSLATIONS[language][text] for text in HEADINGS]
    anchors = [h.get("id") for h in headings]
    assert all(anchor and ANCHOR.match(anchor) for anchor in anchors), anchors
    assert len(set(anchors)) == len(anchors), anchors
    # The repeated heading gets a number; the first keeps the plain anchor.
    assert anchors[2] == anchors[1] + "-2"
    ids = all_ids(soup)
    assert len(set(ids)) == len(ids), sorted(ids)


def test_english_anchors_are_the_headings_words(site_tree, fetch_page):
    story = story_with_headings(site_tree.kyrgyzstan_news, HEADINGS)

    soup = fetch_in("en", story, fetch_page)

    anchors = [h["id"] for h in soup.select("main .block-heading")]
    assert anchors == ["help-for-migrants", "what-comes-next", "what-comes-next-2", "section"]


def test_a_heading_named_like_an_element_of_the_page_gets_its_own_anchor(site_tree, fetch_page):
    """Headings saying what every id on the story page says: the ids stay unique."""
    plain = NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="Plain story")
    plain.topics.add(site_tree.topic)  # related stories: the first Kyrgyz story
    plain.save_revision().publish()
    page_ids = set(all_ids(fetch_in("en", plain, fetch_page)))
    page_ids.add("header-q-suggestions")  # made by search-suggest.js
    assert {"main", "related-heading"} <= page_ids

    story = story_with_headings(site_tree.kyrgyzstan_news, sorted(page_ids))
    story.topics.add(site_tree.topic)
    story.save_revision().publish()
    soup = fetch_in("en", story, fetch_page)

    ids = all_ids(soup) + ["header-q-suggestions"]
    assert len(set(ids)) == len(ids), sorted(ids)
    assert len(soup.select("main .block-heading")) == len(page_ids)
