"""Which pages use which images, from Wagtail's reference index (a page's
fields, its StreamField blocks and its inline children such as gallery
photos): two queries for any number of images."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex


def pages_using(images):
    """{image pk: [pages (not specific), in tree order]} for ``images``."""
    images = list(images)
    if not images:
        return {}
    image_type = ContentType.objects.get_for_model(get_image_model())
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=image_type,
        to_object_id__in=[str(image.pk) for image in images],
        base_content_type=page_type,
    ).values_list("to_object_id", "object_id")
    page_ids = defaultdict(set)
    for image_id, page_id in references:
        if str(page_id).isdigit():
            page_ids[int(image_id)].add(int(page_id))
    pages = Page.objects.in_bulk({pk for pks in page_ids.values() for pk in pks})
    return {
        image.pk: sorted(
            (pages[pk] for pk in page_ids.get(image.pk, ()) if pk in pages),
            key=lambda page: page.path,
        )
        for image in images
    }
