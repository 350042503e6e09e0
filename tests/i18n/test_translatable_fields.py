"""What wagtail-localize offers translators: words are translated; dates,
images, numbers, phone numbers, e-mails, links, topics and the sites a story is
shared with are kept from the English page (links and e-mails may be
overridden, phone numbers not at all)."""

import datetime

import pytest
from wagtail_localize.models import OverridableSegment, StringSegment, TranslationSource

from tests.factories import contact_email, emergency_number, hotline
from tests.i18n.conftest import localize

pytestmark = pytest.mark.django_db


def segments(instance):
    """(strings, overridables) of an object: each a list of (field, value)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    strings = [
        (segment.context.path.split(".")[0], segment.string.data)
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    ]
    overridables = [
        (segment.context.path.split(".")[0], segment.data)
        for segment in OverridableSegment.objects.filter(source=source).select_related("context")
    ]
    return strings, overridables


def test_contact_page_offers_labels_keeps_numbers_and_lets_emails_and_links_be_overridden(
    site_tree,
):
    contact = site_tree.kyrgyzstan_contact
    contact.hotlines = [hotline("+996 312 98 60 10", label="National hotline", hours="24/7")]
    contact.emergency_numbers = [emergency_number("+996555000111")]
    contact.emails = [contact_email("iombishkek@iom.int", label="Bishkek office")]
    contact.social_links = [
        {"type": "link", "value": {"platform": "facebook", "url": "https://facebook.com/IOM"}}
    ]
    contact.save_revision().publish()
    contact.refresh_from_db()

    strings, overridables = segments(contact)

    texts = [text for _field, text in strings]
    assert "National hotline" in texts and "24/7" in texts and "Bishkek office" in texts
    assert not [text for text in texts if "996" in text or "@" in text or "facebook" in text]
    assert ("emails", "iombishkek@iom.int") in overridables
    assert ("social_links", "https://facebook.com/IOM") in overridables
    assert not [value for _field, value in overridables if "996" in str(value)]


def test_story_translation_keeps_date_image_topics_sites_and_source_link(site_tree):
    story = site_tree.kyrgyzstan_stories[0]
    story.date = datetime.date(2021, 1, 25)
    story.source_url = "https://kyrgyzstan.iom.int/news/story"
    story.shared_with.set([site_tree.regional_site])
    story.body = [
        {"type": "paragraph", "value": "<p>Migrants came home.</p>"},
        {
            "type": "hotline",
            "value": {"label": "National hotline", "number": "1899", "text": "Free to call."},
        },
    ]
    story.save_revision().publish()
    story.refresh_from_db()

    strings, _overridables = segments(story)
    russian = localize(story, "ru")

    fields = {field for field, _text in strings}
    assert fields >= {"title", "summary", "body"}
    assert not fields & {"date", "slug", "topics", "shared_with", "source_url", "lead_image"}
    assert "1899" not in [text for _field, text in strings]
    assert russian.date == datetime.date(2021, 1, 25)
    assert russian.slug == story.slug
    assert list(russian.topics.all()) == [site_tree.topic]
    assert list(russian.shared_with.all()) == [site_tree.regional_site]
    assert russian.source_url == story.source_url
    hotline_block = [block for block in russian.body if block.block_type == "hotline"][0]
    assert hotline_block.value["number"] == "1899"
    assert hotline_block.value["label"] == "[ru] National hotline"


def test_mission_home_keeps_its_country_and_hotline_number(site_tree):
    strings, _overridables = segments(site_tree.kyrgyzstan)
    russian = localize(site_tree.kyrgyzstan, "ru")

    assert {field for field, _text in strings} >= {"title", "intro", "hotline_label"}
    assert "hotline_number" not in {field for field, _text in strings}
    assert (russian.country, russian.hotline_number) == ("KG", site_tree.kyrgyzstan.hotline_number)


def test_gallery_photos_are_translated_one_by_one_and_keep_their_images(site_tree):
    gallery = site_tree.gallery

    russian = localize(gallery, "ru", {"A shoemaker at his workbench": "Сапожник за верстаком"})

    photos = list(russian.photos.order_by("sort_order"))
    originals = site_tree.gallery_photos
    assert [photo.image_id for photo in photos] == [photo.image_id for photo in originals]
    assert photos[0].alt_text == "Сапожник за верстаком"
    assert {photo.locale.language_code for photo in photos} == {"ru"}


def test_topic_translation_keeps_its_slug(site_tree):
    russian = localize(site_tree.topic, "ru", {"Counter-trafficking": "Противодействие"})

    assert (russian.name, russian.slug) == ("Противодействие", "counter-trafficking")
