"""Mission contact pages: numbers that dial, addresses that mail, validation in
the admin, and the list of every mission's contact page in a language."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import rich_text, streamfield

from missions.models import MissionContactPage, mission_contact_pages
from tests.factories import MissionContactPageFactory, MissionHomePageFactory, hotline
from website.blocks import tel_href

DIALABLE = re.compile(r"^tel:\+?[0-9]+$")


def _hrefs(response, scheme):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a["href"] for a in soup.find_all("a", href=True) if a["href"].startswith(scheme)]


# --- tel: links ------------------------------------------------------------------


@pytest.mark.parametrize(
    "number, href",
    [
        ("+992 900 800 800", "+992900800800"),
        ("1899", "1899"),
        ("+7 (727) 258-26-43", "+77272582643"),
        ("(0 312) 98 60 10", "0312986010"),
        ("  +996 312 98 60 10 ", "+996312986010"),
        ("8 800 080 48 48", "88000804848"),
    ],
)
def test_tel_href_keeps_only_digits_and_a_leading_plus(number, href):
    assert tel_href(number) == href


@pytest.mark.parametrize("number", ["", None, "abc", "+", " - "])
def test_tel_href_is_empty_when_there_is_nothing_to_dial(number):
    assert tel_href(number) == ""


def test_tel_href_ignores_a_plus_that_is_not_leading():
    assert tel_href("992+900") == "992900"


def test_contact_page_numbers_are_tel_links_of_digits_and_a_leading_plus(site_tree, fetch_page):
    response = fetch_page(site_tree.kazakhstan_contact)

    assert response.status_code == 200
    hrefs = _hrefs(response, "tel:")
    assert {"tel:1899", "tel:+992900800800", "tel:+77272582643"} <= set(hrefs)
    assert all(DIALABLE.match(href) for href in hrefs), hrefs


def test_contact_page_hotline_with_spaces_dials_its_digits(site_tree, fetch_page):
    response = fetch_page(site_tree.kyrgyzstan_contact)

    assert "tel:+996312986010" in _hrefs(response, "tel:")


def test_contact_page_emails_are_mailto_links(site_tree, fetch_page):
    response = fetch_page(site_tree.kyrgyzstan_contact)

    assert response.status_code == 200
    mailtos = _hrefs(response, "mailto:")
    assert "mailto:iomkyrgyzstan@iom.int" in mailtos
    assert "mailto:iombishkek@iom.int" in mailtos


def test_contact_index_shows_every_missions_contacts_in_tree_order(site_tree, fetch_page):
    response = fetch_page(site_tree.contact_index)

    assert response.status_code == 200
    mailtos = _hrefs(response, "mailto:")
    kazakh = mailtos.index("mailto:iomastana@iom.int")
    kyrgyz = mailtos.index("mailto:iomkyrgyzstan@iom.int")
    assert kazakh < kyrgyz
    assert "tel:+996312986010" in _hrefs(response, "tel:")


def test_changed_hotline_shows_on_the_contact_index(site_tree, fetch_page):
    contact = site_tree.kazakhstan_contact
    contact.hotlines = [hotline("+7 700 111 22 33", label="New hotline")]
    contact.save_revision().publish()

    response = fetch_page(site_tree.contact_index)

    hrefs = _hrefs(response, "tel:")
    assert "tel:+77001112233" in hrefs
    assert "tel:1899" not in hrefs


# --- Admin validation -------------------------------------------------------------


def _contact_fields(email="iomdushanbe@iom.int", hotline_number="+992 900 800 800"):
    return {
        "title": "Contact",
        "slug": "contact",
        "intro": rich_text(""),
        "hotlines": streamfield(
            [
                (
                    "hotline",
                    {
                        "label": "National hotline",
                        "number": hotline_number,
                        "hours": "24/7",
                        "toll_free": "on",
                    },
                )
            ]
        ),
        "emergency_numbers": streamfield([]),
        "emails": streamfield([("email", {"label": "General enquiries", "email": email})]),
        "offices": streamfield([]),
        "social_links": streamfield([]),
    }


@pytest.fixture
def tajikistan(site_tree):
    """A new mission home without a contact page."""
    return MissionHomePageFactory(title="Tajikistan", slug="tajikistan", country="TJ")


def test_admin_publishes_a_contact_page_with_valid_email_and_hotline(tajikistan, page_admin):
    response = page_admin.add(tajikistan, MissionContactPage, _contact_fields())

    assert response.status_code == 302
    contact = MissionContactPage.objects.child_of(tajikistan).get()
    assert contact.live
    assert contact.emails[0].value["email"] == "iomdushanbe@iom.int"
    assert contact.hotlines[0].value["number"] == "+992 900 800 800"


def test_admin_refuses_a_malformed_email_on_a_contact_page(tajikistan, page_admin):
    response = page_admin.add(
        tajikistan, MissionContactPage, _contact_fields(email="iomdushanbe at iom.int")
    )

    errors = page_admin.form_errors(response)
    assert "emails" in errors
    assert "hotlines" not in errors
    assert not MissionContactPage.objects.child_of(tajikistan).exists()


def test_admin_refuses_a_hotline_number_that_is_not_a_phone_number(tajikistan, page_admin):
    response = page_admin.add(tajikistan, MissionContactPage, _contact_fields(hotline_number="abc"))

    errors = page_admin.form_errors(response)
    assert "hotlines" in errors
    assert "emails" not in errors
    assert not MissionContactPage.objects.child_of(tajikistan).exists()


def test_admin_refuses_a_contact_page_without_any_email(tajikistan, page_admin):
    fields = _contact_fields()
    fields["emails"] = streamfield([])

    response = page_admin.add(tajikistan, MissionContactPage, fields)

    assert "emails" in page_admin.form_errors(response)
    assert not MissionContactPage.objects.child_of(tajikistan).exists()


def test_admin_refuses_changing_a_hotline_to_letters(site_tree, page_admin):
    contact = site_tree.kazakhstan_contact

    response = page_admin.edit(
        contact, _contact_fields(email="iomastana@iom.int", hotline_number="abc")
    )

    assert "hotlines" in page_admin.form_errors(response)
    contact.refresh_from_db()
    assert contact.hotlines[0].value["number"] == "1899"
    assert contact.revisions.count() == 0


# --- mission_contact_pages ----------------------------------------------------------


def _russian():
    return Locale.objects.get(language_code="ru")


def _publish_translation(page, locale):
    """Translate a page (and its untranslated parents) and publish them."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    translated.title = f"{page.title} (ru)"
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def test_mission_contact_pages_lists_english_pages_in_tree_order(site_tree):
    english = Locale.objects.get(language_code="en")

    assert mission_contact_pages(english) == [
        site_tree.kazakhstan_contact,
        site_tree.kyrgyzstan_contact,
    ]


def test_mission_contact_pages_follow_the_tree_not_creation_order(site_tree):
    tajikistan = MissionHomePageFactory(title="Tajikistan", slug="tajikistan", country="TJ")
    tajik_contact = MissionContactPageFactory(parent=tajikistan)
    tajikistan.move(site_tree.kazakhstan, pos="left")

    pages = mission_contact_pages(Locale.objects.get(language_code="en"))

    assert [page.pk for page in pages] == [
        tajik_contact.pk,
        site_tree.kazakhstan_contact.pk,
        site_tree.kyrgyzstan_contact.pk,
    ]


def test_mission_contact_pages_use_the_translation_and_fall_back_to_english(site_tree):
    russian_kazakh = _publish_translation(site_tree.kazakhstan_contact, _russian())

    pages = mission_contact_pages(_russian())

    assert pages == [russian_kazakh, site_tree.kyrgyzstan_contact]
    assert pages[0].locale.language_code == "ru"
    assert pages[1].locale.language_code == "en"


def test_mission_contact_pages_fall_back_to_english_while_a_translation_is_a_draft(site_tree):
    site_tree.kazakhstan_contact.copy_for_translation(_russian(), copy_parents=True)

    assert mission_contact_pages(_russian()) == [
        site_tree.kazakhstan_contact,
        site_tree.kyrgyzstan_contact,
    ]


def test_mission_contact_pages_leave_out_an_unpublished_contact_page(site_tree):
    site_tree.kazakhstan_contact.unpublish()

    assert mission_contact_pages(Locale.objects.get(language_code="en")) == [
        site_tree.kyrgyzstan_contact
    ]


def test_mission_contact_pages_default_to_the_active_language(site_tree):
    russian_kyrgyz = _publish_translation(site_tree.kyrgyzstan_contact, _russian())

    with translation.override("ru"):
        pages = mission_contact_pages()

    assert pages == [site_tree.kazakhstan_contact, russian_kyrgyz]
