"""Dates read as each language writes them: "27 January 2021" (not the American
"Jan. 27, 2021"), "27 января 2021 г.", and the Kazakh, Kyrgyz, Tajik, Turkmen
and Uzbek forms with the month as a date needs it (not "29 Январь 2021 ж.")."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import NewsItemPageFactory
from tests.i18n.conftest import localize
from website.dates import long_date, turkmen_ordinal

DATE = datetime.date(2021, 1, 27)
EXPECTED = {
    "en": "27 January 2021",
    "ru": "27 января 2021\xa0г.",
    "kk": "2021 жылғы 27 қаңтар",
    "ky": "2021-жылдын 27-январы",
    "tg": "27 январи соли 2021",
    "tk": "2021-nji ýylyň 27-nji ýanwary",
    "uz": "2021-yil 27-yanvar",
}


@pytest.mark.parametrize("language, expected", EXPECTED.items())
def test_a_date_in_each_language(language, expected):
    assert long_date(DATE, language) == expected


@pytest.mark.parametrize(
    "language, date, expected",
    [
        ("en", datetime.date(2024, 9, 30), "30 September 2024"),
        ("ru", datetime.date(2024, 5, 1), "1 мая 2024\xa0г."),
        ("kk", datetime.date(2024, 4, 15), "2024 жылғы 15 сәуір"),
        ("ky", datetime.date(2024, 6, 3), "2024-жылдын 3-июну"),
        ("tg", datetime.date(2024, 5, 9), "9 майи соли 2024"),
        ("tk", datetime.date(2026, 6, 10), "2026-njy ýylyň 10-njy iýuny"),
        ("uz", datetime.date(2024, 12, 31), "2024-yil 31-dekabr"),
    ],
)
def test_other_months_and_days(language, date, expected):
    assert long_date(date, language) == expected


@pytest.mark.parametrize(
    "number, ordinal",
    [(1, "1-nji"), (6, "6-njy"), (9, "9-njy"), (10, "10-njy"), (20, "20-nji"), (30, "30-njy")]
    + [(27, "27-nji"), (2000, "2000-nji"), (2019, "2019-njy"), (2021, "2021-nji")],
)
def test_turkmen_ordinals_follow_the_last_spoken_word(number, ordinal):
    assert turkmen_ordinal(number) == ordinal


def test_the_active_language_is_used_and_an_unknown_one_reads_english():
    with translation.override("ky"):
        assert long_date(DATE) == EXPECTED["ky"]
    assert long_date(DATE, "de") == EXPECTED["en"]
    assert long_date(None) == ""


@pytest.fixture
def dated_story(site_tree):
    return NewsItemPageFactory(parent=site_tree.kyrgyzstan_news, title="A dated story", date=DATE)


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", EXPECTED)
def test_story_page_and_listing_show_the_date_in_the_pages_language(
    site_tree, dated_story, fetch_page, language
):
    story = dated_story if language == "en" else localize(dated_story, language)
    news = story.get_parent().specific

    with translation.override(language):
        story_page = _soup(fetch_page(story))
        listing = _soup(fetch_page(news))

    time = story_page.select_one(".story__meta time")
    assert time["datetime"] == "2021-01-27"
    assert time.get_text() == EXPECTED[language]

    card = next(
        card
        for card in listing.select("article.card")
        if card.select_one(".card__title").get_text(strip=True) == story.title
    )
    assert card.select_one(".card__meta time").get_text() == EXPECTED[language]
