"""The hotline call-outs pass Wagtail's accessibility checker: no paragraph
stands as a heading (axe-core's rule p-as-heading, "Misusing paragraphs as
headings", which the checker runs in preview and the editor cannot fix).

axe-core flags a ``<p>`` that is bolder, larger or italic compared with the
``<p>`` after it among its siblings; so a call-out's label and number, bold
and large, must not be paragraphs followed by one. The browser check of the
rule itself is in tests/browser/test_public_pages.py."""

from bs4 import BeautifulSoup

from website.blocks import HotlineCalloutBlock


def paragraphs_before_a_paragraph(element):
    """The <p> inside ``element`` that a <p> sibling follows: the only ones
    axe-core's p-as-heading can take for a heading."""
    found = []
    for paragraph in element.find_all("p"):
        if paragraph.find_next_sibling("p") is not None:
            found.append(paragraph)
    return found


def render_callout(**value):
    block = HotlineCalloutBlock()
    value = {"label": "National hotline", "number": "1899", "text": "", **value}
    html = block.render(block.to_python(value))
    return BeautifulSoup(html, "html.parser").find("aside")


def test_the_callout_has_no_paragraph_standing_as_a_heading():
    aside = render_callout(text="Free to call, day and night.")

    assert paragraphs_before_a_paragraph(aside) == []
    label = aside.find(class_="block-hotline__label")
    number = aside.find(class_="block-hotline__number")
    assert label.name != "p" and number.name != "p"
    # It looks and reads the same: the aside is named by the label, the
    # number dials, and the editor's words are a paragraph.
    assert aside["aria-label"] == "National hotline"
    assert label.get_text(strip=True) == "National hotline"
    assert number.find("a", href="tel:1899") is not None
    assert aside.find("p", class_="block-hotline__text").get_text() == (
        "Free to call, day and night."
    )


def test_the_callout_without_text_has_no_paragraph():
    aside = render_callout()

    assert aside.find_all("p") == []
    assert aside.find("a", href="tel:1899") is not None


def test_a_mission_homes_hotline_highlight_has_no_paragraph_standing_as_a_heading(
    site_tree, fetch_page
):
    page = site_tree.kazakhstan
    page.hotline_label = "National hotline"
    page.hotline_number = "1899"
    page.save_revision().publish()

    response = fetch_page(page)

    aside = BeautifulSoup(response.content, "html.parser").find(class_="hotline-highlight")
    assert aside is not None
    assert paragraphs_before_a_paragraph(aside) == []
    assert aside.find(id="hotline-highlight-label").get_text(strip=True) == "National hotline"
    assert aside.find("a", href="tel:1899") is not None
