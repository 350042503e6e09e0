"""The e-mail edition of a report issue: fit for mail programs, in both parts."""

import datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from subscriptions.edition import EmailEdition

pytestmark = pytest.mark.django_db


def is_absolute(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def test_every_link_and_picture_of_the_html_part_is_absolute_with_alt_text(
    illustrated_issue, make_subscriber, site_tree
):
    subscriber = make_subscriber("reader@example.org", site_tree.regional_site)

    message = EmailEdition(illustrated_issue).message(subscriber)

    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    images = soup.find_all("img")
    assert len(images) == 2  # the cover and the story's picture
    assert hrefs and all(is_absolute(href) for href in hrefs), hrefs
    assert all(is_absolute(img["src"]) for img in images)
    assert all(img.get("alt", "").strip() for img in images)
    # Pictures come from the issue's site; stories link to their own sites.
    assert all(img["src"].startswith("http://centralasia.localhost/media/") for img in images)
    assert "http://centralasia.localhost/en/reports/" in hrefs  # relative in the rich text
    assert "http://centralasia.localhost/en/contacts/" in hrefs  # a page link
    assert site_tree.kyrgyzstan_stories[1].get_full_url() in hrefs
    assert site_tree.kyrgyzstan_stories[1].get_full_url().startswith("http://kyrgyzstan.localhost/")
    assert soup.find("img", alt="Migrants at the Dostuk border crossing") is not None
    # Layout in tables, styles inline, no style sheet to lose.
    assert soup.find("table") is not None
    assert soup.find("style") is None and soup.find("link") is None
    assert soup.html["lang"] == "en"


def test_text_part_has_the_issue_its_stories_and_their_addresses(
    illustrated_issue, make_subscriber, site_tree
):
    subscriber = make_subscriber("reader@example.org", site_tree.regional_site)

    message = EmailEdition(illustrated_issue).message(subscriber)

    text = message.body
    assert "<" not in text
    assert "Issue 1" in text
    assert "Direct assistance" in text and "Health" in text
    assert "Kyrgyzstan story 2" in text
    assert site_tree.kyrgyzstan_stories[1].get_full_url() in text
    assert "all reports (http://centralasia.localhost/en/reports/)" in text
    assert "- Clinics visited: 12" in text
    assert illustrated_issue.get_full_url() in text


def test_each_email_has_its_subscribers_unsubscribe_link_and_header(site_tree, make_subscriber):
    first = make_subscriber("first@example.org", site_tree.regional_site)
    second = make_subscriber("second@example.org", site_tree.regional_site)
    edition = EmailEdition(site_tree.issue)

    messages = [edition.message(first), edition.message(second)]

    headers = [m.extra_headers["List-Unsubscribe"].strip("<>") for m in messages]
    assert headers[0] != headers[1]
    for message, url in zip(messages, headers, strict=True):
        assert url.startswith("http://centralasia.localhost/en/subscribe/unsubscribe/")
        assert url in message.body
        assert url in message.alternatives[0][0]
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert messages[0].subject == "Regional Response Report: Issue 1"


def test_russian_issue_is_sent_in_russian(site_tree, interface_translations):
    from tests.i18n.conftest import localize

    russian = localize(site_tree.issue, "ru", {"Direct assistance": "Прямая помощь"})

    html, text = EmailEdition(russian).render("http://centralasia.localhost/ru/subscribe/")

    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "ru"
    assert "Прямая помощь" in text
    assert "Выпуск 1" in text  # the interface string, from the catalogue
    assert "Отписаться" in text
    assert "/ru/reports/" in russian.get_full_url() and russian.get_full_url() in text


def test_editor_previews_the_email_edition_in_the_admin(admin_client, illustrated_issue):
    page = admin_client.get(reverse("subscriptions_admin:preview", args=[illustrated_issue.pk]))
    html = admin_client.get(
        reverse("subscriptions_admin:preview_html", args=[illustrated_issue.pk])
    )
    text = admin_client.get(
        reverse("subscriptions_admin:preview_text", args=[illustrated_issue.pk])
    )

    assert page.status_code == 200
    assert b"Regional Response Report: Issue 1" in page.content  # the subject
    assert html.status_code == 200 and b"Migrants at the Dostuk border crossing" in html.content
    assert text["Content-Type"].startswith("text/plain")
    assert b"Kyrgyzstan story 2" in text.content


def test_email_edition_is_offered_in_the_issue_editor(admin_client, site_tree):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.issue.pk]))

    assert reverse("subscriptions_admin:preview", args=[site_tree.issue.pk]).encode() in (
        response.content
    )


def test_subject_does_not_repeat_the_series_when_the_title_names_it(site_tree):
    site_tree.issue.title = "Regional Response Report, Issue 1"

    assert EmailEdition(site_tree.issue).subject == "Regional Response Report, Issue 1"


def _illustrated_story():
    from newsroom.models import NewsItemPage

    return NewsItemPage.objects.get(title="Story with a picture")


def test_the_html_part_credits_each_picture_with_the_image_credit(illustrated_issue):
    story = _illustrated_story()
    story.lead_image_credit = ""  # the page gives none: the image's own credit
    story.save()
    story.lead_image.credit = "© IOM / Aida Bekova"
    story.lead_image.save()

    html, _text = EmailEdition(illustrated_issue).render("http://centralasia.localhost/unsub/")

    assert "Photo: © IOM / Aida Bekova" in BeautifulSoup(html, "html.parser").get_text()


def test_a_picture_whose_usage_expired_is_left_out_of_the_email(illustrated_issue):
    story = _illustrated_story()
    story.lead_image.usage_expires = datetime.date(2020, 1, 1)
    story.lead_image.save()

    html, _text = EmailEdition(illustrated_issue).render("http://centralasia.localhost/unsub/")

    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img", alt="Migrants at a job fair") is None
    assert soup.find("img", alt="Migrants at the Dostuk border crossing") is not None
