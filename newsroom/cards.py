"""Story cards from pages an editor chose: the stories of a report issue's
sections, a home page's featured stories, any list of story pages.

Chosen pages are checked (deleted, unpublished, expired and private ones are
left out), shown in the active language where translated, and fetched with
their home pages and lead images for all of them at once: a fixed number of
queries for any number of stories. The report issue's page, its PDF and
e-mail editions and the public site's template tags use these.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models.fields.related import ForeignKey
from django.db.models.query import prefetch_related_objects
from django.utils import timezone, translation
from wagtail.models import Page

from website.sites import public_q, with_homes


def unwrap(items):
    """Pages from a list, a paginator page, or StreamField/ListBlock values."""
    if items is None:
        return []
    if hasattr(items, "object_list"):
        items = items.object_list
    pages = []
    for item in items:
        value = getattr(item, "value", item)  # a StreamField child holds its page in .value
        if isinstance(value, Page):
            pages.append(value)
    return pages


def story_cards(stories, localize=True):
    """Stories ready for cards: [(story, home page or None)].

    Lists prepared by newsroom.listings (each story has ``mission_name``) are
    used as they are. Anything else - StreamField and ListBlock values of page
    choosers, querysets - is checked: deleted, unpublished and private stories
    are skipped, each story is shown in the active language when translated,
    and the home pages and lead images are fetched for all of them at once.
    A fixed number of queries for any number of stories.
    """
    pages = unwrap(stories)
    if not pages:
        return []
    if all(hasattr(page, "mission_name") for page in pages):
        return [(page, None) for page in pages]
    cards = _prepare_cards(pages, localize)
    return _dedupe(cards.get(page.pk) for page in pages)


def report_sections(sections):
    """The sections of a report issue with their story cards, [(block, cards)],
    checked and fetched for all sections at once (see story_cards)."""
    blocks_ = list(sections or [])
    chosen = [unwrap(block.value.get("stories")) for block in blocks_]
    cards = _prepare_cards([page for pages in chosen for page in pages], localize=True)
    return [
        (block, _dedupe(cards.get(page.pk) for page in pages))
        for block, pages in zip(blocks_, chosen, strict=True)
    ]


def _dedupe(cards):
    seen = set()
    result = []
    for card in cards:
        if card is not None and card[0].pk not in seen:
            seen.add(card[0].pk)
            result.append(card)
    return result


def _prepare_cards(pages, localize):
    """{chosen page's pk: (page to show, its home page)} for the visible ones."""
    if not pages:
        return {}
    shown = _localize(pages) if localize else pages
    visible = set(
        Page.objects.filter(pk__in=[page.pk for page in shown])
        .live()
        .filter(public_q())
        .exclude(expire_at__lte=timezone.now())
        .values_list("pk", flat=True)
    )
    kept = [(chosen, page) for chosen, page in zip(pages, shown, strict=True) if page.pk in visible]
    unique = list({page.pk: page for _chosen, page in kept}.values())
    _prefetch_lead_images(unique)
    homes = dict((page.pk, home) for page, home in with_homes(unique))
    return {chosen.pk: (page, homes.get(page.pk)) for chosen, page in kept}


def _localize(pages):
    """Each page's live translation in the active language, where there is one."""
    model = type(pages[0])
    if model is Page or any(type(page) is not model for page in pages):
        return pages
    language = translation.get_language()
    keys = {page.translation_key for page in pages}
    localized = {
        page.translation_key: page
        for page in model.objects.filter(translation_key__in=keys, locale__language_code=language)
        .live()
        .filter(public_q())
    }
    return [localized.get(page.translation_key, page) for page in pages]


def _prefetch_lead_images(pages):
    """Fetch the lead images and their renditions of many pages in two queries."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, instances in by_model.items():
        for name in ("lead_image", "cover_image"):
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, ForeignKey):
                prefetch_related_objects(instances, f"{name}__renditions")
