"""Every number a mission can be reached on (its hotlines, its emergency numbers,
its offices' phones) is in every block that shows the mission's contacts: the
full ones (its contact page, the regional contacts page) and the compact ones
(the report issue's "Contact the missions", the regional footer, the mission's
own footer, the PDF edition). A mission whose only number is an emergency
number (Tajikistan's +992 900 800 800) is reachable everywhere."""

import pytest
from bs4 import BeautifulSoup

from newsroom.editions import render
from tests.factories import contact_email, emergency_number, hotline

EMERGENCY = "+992 900 800 800"
OFFICE_PHONE = "+996 312 61 24 01"
HOTLINE = "1899"


def office(name, phone, city="Bishkek"):
    return {
        "type": "office",
        "value": {
            "name": name,
            "address": "6 Ibraimov Street",
            "city": city,
            "map_url": "",
            "phone": phone,
        },
    }


@pytest.fixture
def only_an_emergency_number(site_tree):
    """Kyrgyzstan's contacts as Tajikistan's are: no hotline, one emergency
    number, an e-mail, and an office with a phone (and one without)."""
    contact = site_tree.kyrgyzstan_contact
    contact.hotlines = []
    contact.emergency_numbers = [emergency_number(EMERGENCY)]
    contact.emails = [contact_email("iomkyrgyzstan@iom.int")]
    contact.offices = [
        office("Bishkek office", OFFICE_PHONE),
        office("Osh office", "", city="Osh"),
    ]
    contact.save_revision().publish()
    return site_tree


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _tel_hrefs(element):
    return {a["href"] for a in element.find_all("a", href=True) if a["href"].startswith("tel:")}


def _mission_block(blocks, name):
    """The block among ``blocks`` headed by the mission's name."""
    for block in blocks:
        heading = block.find(["h2", "h3", "h4"])
        if heading is not None and heading.get_text(strip=True) == name:
            return block
    raise AssertionError(
        f"no block headed {name!r} in {[b.get_text(' ', strip=True) for b in blocks]}"
    )


REACHABLE = {"tel:+992900800800", "tel:+996312612401"}


def test_report_issues_contact_block_has_a_missions_emergency_number_and_office_phone(
    only_an_emergency_number, fetch_page
):
    soup = _soup(fetch_page(only_an_emergency_number.issue))

    blocks = soup.select("#contact-the-missions .report-contacts__mission")
    kyrgyz = _mission_block(blocks, "Kyrgyzstan")
    assert REACHABLE <= _tel_hrefs(kyrgyz)
    assert "Emergency cell number" in kyrgyz.get_text(" ", strip=True)
    assert "Bishkek office" in kyrgyz.get_text(" ", strip=True)
    # Compact: the office's phone, not its address.
    assert "Ibraimov" not in kyrgyz.get_text(" ", strip=True)
    assert "Osh office" not in kyrgyz.get_text(" ", strip=True)


def test_regional_footer_has_a_missions_emergency_number_and_office_phone(
    only_an_emergency_number, fetch_page
):
    soup = _soup(fetch_page(only_an_emergency_number.regional))

    blocks = soup.select("footer .site-footer__mission")
    kyrgyz = _mission_block(blocks, "Kyrgyzstan")
    assert REACHABLE <= _tel_hrefs(kyrgyz)
    assert "tel:1899" in _tel_hrefs(_mission_block(blocks, "Kazakhstan"))


@pytest.mark.parametrize("page", ["kyrgyzstan", "kyrgyzstan_news", "kyrgyzstan_contact"])
def test_missions_own_footer_has_its_emergency_number_and_office_phone(
    only_an_emergency_number, fetch_page, page
):
    soup = _soup(fetch_page(getattr(only_an_emergency_number, page)))

    assert REACHABLE <= _tel_hrefs(soup.select_one("footer .site-footer__contacts"))


def test_full_contact_blocks_keep_every_number(only_an_emergency_number, fetch_page):
    contact_page = _soup(fetch_page(only_an_emergency_number.kyrgyzstan_contact))
    assert REACHABLE <= _tel_hrefs(contact_page.select_one("main .contacts"))

    index = _soup(fetch_page(only_an_emergency_number.contact_index))
    assert REACHABLE | {"tel:1899"} <= _tel_hrefs(index.select_one("main"))


def test_pdf_edition_lists_every_missions_numbers(only_an_emergency_number):
    issue = only_an_emergency_number.issue
    issue.refresh_from_db()
    soup = BeautifulSoup(render.render_html(issue), "html.parser")

    blocks = soup.select("#contact-the-missions .mission")
    kyrgyz = _mission_block(blocks, "Kyrgyzstan")
    assert REACHABLE <= _tel_hrefs(kyrgyz)
    assert "tel:1899" in _tel_hrefs(_mission_block(blocks, "Kazakhstan"))


def test_hotlines_still_come_first_in_a_compact_block(site_tree, fetch_page):
    contact = site_tree.kazakhstan_contact
    contact.hotlines = [hotline(HOTLINE)]
    contact.emergency_numbers = [emergency_number(EMERGENCY)]
    contact.offices = [office("Almaty office", "+7 727 258 26 43", city="Almaty")]
    contact.save_revision().publish()

    soup = _soup(fetch_page(site_tree.issue))
    kazakh = _mission_block(
        soup.select("#contact-the-missions .report-contacts__mission"), "Kazakhstan"
    )
    numbers = [a["href"] for a in kazakh.find_all("a", href=True) if a["href"].startswith("tel:")]
    assert numbers == ["tel:1899", "tel:+992900800800", "tel:+77272582643"]
