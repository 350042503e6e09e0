"""The image's credit is shown with the photo when the page gives none of its
own (story lead image, image block, gallery photo and its viewer, report
cover, PDF edition, e-mail edition); a photo whose usage has expired is left
out of them, the rest of the page unchanged."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import ImageFactory, NewsItemPageFactory

EXPIRED = datetime.date(2020, 1, 1)


def image_block(image):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": "A truck", "caption": "Aid", "credit": ""},
    }


@pytest.fixture
def credited(db):
    return ImageFactory(credit="© IOM / Aida Bekova")


def test_a_story_shows_the_image_credit_with_its_lead_image(site_tree, fetch_page, credited):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        lead_image=credited,
        lead_image_alt="Families receive food aid",
        lead_image_credit="",
    )
    soup = BeautifulSoup(fetch_page(story).content, "html.parser")
    figure = soup.find("img", alt="Families receive food aid").find_parent("figure")
    assert figure.find(class_="credit").get_text(strip=True) == "© IOM / Aida Bekova"


def test_the_page_credit_line_wins_over_the_image_credit(site_tree, fetch_page, credited):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        lead_image=credited,
        lead_image_alt="Families receive food aid",
        lead_image_credit="Photo: IOM Kyrgyzstan",
    )
    html = fetch_page(story).content.decode()
    assert "Photo: IOM Kyrgyzstan" in html


def test_an_image_block_shows_the_image_credit(site_tree, fetch_page, credited):
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        body=[image_block(credited)],
    )
    soup = BeautifulSoup(fetch_page(story).content, "html.parser")
    figure = soup.find("img", alt="A truck").find_parent("figure")
    assert figure.find(class_="credit").get_text(strip=True) == "© IOM / Aida Bekova"


def test_an_expired_body_image_is_left_out(site_tree, fetch_page):
    image = ImageFactory(usage_expires=EXPIRED)
    story = NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        body=[image_block(image)],
    )
    response = fetch_page(story)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("img", alt="A truck") is None


def test_a_gallery_shows_each_photo_credit_and_leaves_out_expired_photos(site_tree, fetch_page):
    gallery = site_tree.gallery
    photos = list(gallery.photos.all())
    photos[0].image.credit = "© IOM / Photographer One"
    photos[0].image.save()
    photos[0].credit = ""
    photos[0].save()
    photos[1].image.usage_expires = EXPIRED
    photos[1].image.save()
    try:
        soup = BeautifulSoup(fetch_page(gallery).content, "html.parser")
        credits = [node.get_text(strip=True) for node in soup.select(".credit")]
        assert "© IOM / Photographer One" in credits
        assert soup.find("img", alt=photos[1].alt_text) is None
        assert soup.find("img", alt=photos[0].alt_text) is not None
    finally:
        photos[1].image.usage_expires = None
        photos[1].image.save()


def test_story_cards_show_the_credit_with_their_photo(site_tree, fetch_page, credited):
    NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Food aid reaches Batken",
        lead_image=credited,
        lead_image_alt="Families receive food aid",
        lead_image_credit="",
    )
    NewsItemPageFactory(
        parent=site_tree.kyrgyzstan_news,
        title="Hotline trained",
        lead_image=ImageFactory(credit="© IOM", usage_expires=EXPIRED),
        lead_image_alt="Operators at work",
        lead_image_credit="",
    )
    soup = BeautifulSoup(fetch_page(site_tree.kyrgyzstan_news).content, "html.parser")
    card = soup.find("a", string="Food aid reaches Batken").find_parent("article")
    assert card.find(class_="card__credit").get_text(strip=True) == "© IOM / Aida Bekova"
    # An expired photo is left out, and its credit with it.
    expired = soup.find("a", string="Hotline trained").find_parent("article")
    assert expired.find("img") is None
    assert expired.find(class_="card__credit") is None
